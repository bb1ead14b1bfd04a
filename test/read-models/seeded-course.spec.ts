import type { StoredEvent } from '../../src/event-store/event-store.port';
import { MemoryStorage } from '../../src/storage/memory.storage';
import { seed } from '../../src/cli/seed/seed';
import { DashboardSummary, monthKey, MonthDoc, MonthTotals, SUMMARY_KEY, totalKey } from '../../projections/dashboard/aggregate-docs';
import { caseFactsProjection } from '../../projections/dashboard/case-facts';
import { dashboard, monthsOf, wholeMonth } from '../../projections/dashboard/dashboard';
import { Directory } from '../../projections/directory/directory';
import { DueFollowUp, dueFollowUps, FOLLOW_UP_DUE_PREFIX, followUpsProjection } from '../../projections/follow-ups/follow-ups';
import { MapView, wants } from '../../projections/shared/projection';
import { volunteerDashboard } from '../../projections/volunteers/volunteer-dashboard';

/**
 * What issues #19 and #20 added to the manager's Overblik is not empty on a
 * fresh seed: the guides go along and the citizens then go alone, relatives
 * (some needing relief), referrals onward, the companions' appointments, and
 * the hours the visits took. And the follow-up list reads as a coordinator's
 * who keeps up: only a few overdue, none by more than about three weeks.
 */
describe('a seeded course', () => {
  const AS_OF = Date.parse('2026-12-07T10:00:00+01:00');
  const NOW = new Date(AS_OF).toISOString();
  const YEAR = { from: '2025-12-08', to: '2026-12-07' };
  let events: StoredEvent[];
  let refused = -1;
  const programmeOf = new Map<string, string>();
  const ofType = (type: string) => events.filter((e) => e.type === type);

  beforeAll(async () => {
    const storage = new MemoryStorage('/nonexistent');
    ({ refused } = await seed(storage, { cases: 300, seed: 19, asOf: AS_OF }, () => undefined));
    events = await storage.events.readAll(1, 1_000_000);
    for (const e of ofType('ReferralReceived')) programmeOf.set(e.streamId, (e.data as { programme: string }).programme);
    await storage.events.close();
  }, 120_000);

  /** The last twelve months of GET /dashboard, summed: read from the stored sums as the route reads them. */
  const lastYear = () => {
    const view = new MapView<unknown>();
    for (const event of events) if (wants(caseFactsProjection as never, event)) (caseFactsProjection.apply as (e: StoredEvent, v: MapView<unknown>) => void)(event, view);
    const stored = { totals: new Map<string, MonthTotals>(), days: new Map<string, MonthDoc>() };
    for (const month of monthsOf(YEAR.from, YEAR.to)) {
      const whole = wholeMonth(month, YEAR);
      const doc = view.docs.get(whole ? totalKey(month) : monthKey(month));
      if (doc !== undefined) (whole ? stored.totals : stored.days).set(month, doc as never);
    }
    return dashboard(view.docs.get(SUMMARY_KEY) as DashboardSummary | undefined, stored, YEAR);
  };

  it('tells the course through the real commands, and the rules refuse none of them', () => {
    expect(refused).toBe(0);
  });

  it('shows going along and going alone, relatives needing relief and referrals onward on the dashboard', () => {
    const months = lastYear();
    const sum = (pick: (m: (typeof months)[number]) => number) => months.reduce((n, m) => n + pick(m), 0);
    expect(sum((m) => m.goingAlong.accompanied)).toBeGreaterThan(10);
    expect(sum((m) => m.goingAlong.alone)).toBeGreaterThan(5);
    expect(sum((m) => m.relativesNeedingRelief)).toBeGreaterThanOrEqual(3);
    const onward: Record<string, number> = {};
    for (const m of months) for (const [to, n] of Object.entries(m.referredOnwardByDestination)) onward[to] = (onward[to] ?? 0) + n;
    expect(Object.keys(onward).length).toBeGreaterThanOrEqual(2);
    // A few, not a flood: most citizens stay with their helper.
    const referred = Object.values(onward).reduce((a, b) => a + b, 0);
    expect(referred).toBeGreaterThanOrEqual(3);
    expect(referred).toBeLessThan(programmeOf.size / 10);
  });

  it('has the guides go along the first times and the citizen then alone, in the guides\u2019 cases only', () => {
    const accompanied = ofType('CitizenAccompanied');
    const alone = ofType('CitizenWentAlone');
    for (const e of [...accompanied, ...alone]) expect(programmeOf.get(e.streamId)).toBe('community_guide');
    for (const e of alone) {
      const before = accompanied.filter((a) => a.streamId === e.streamId && (a.data as { at: string }).at < (e.data as { at: string }).at);
      expect(before.length).toBeGreaterThan(0);
    }
    // The first time is marked as such, once a case.
    const firsts = accompanied.filter((e) => (e.data as { firstTime: boolean }).firstTime);
    expect(new Set(firsts.map((e) => e.streamId)).size).toBe(firsts.length);
    expect(firsts.length).toBe(new Set(accompanied.map((e) => e.streamId)).size);
  });

  it('has the companions go along to appointments with preparation and debrief, and agreements in the guides\u2019 and companions\u2019 cases', () => {
    const scheduled = ofType('AppointmentScheduled');
    const gone = ofType('AppointmentAccompanied');
    expect(gone.length).toBeGreaterThan(10);
    for (const e of scheduled) {
      expect(programmeOf.get(e.streamId)).toBe('companion');
      expect((e.data as { preparation?: string }).preparation).toBeDefined();
    }
    const withWhom = new Set(scheduled.map((e) => (e.data as { with: string }).with));
    expect(withWhom.size).toBeGreaterThanOrEqual(4);
    for (const e of gone) expect((e.data as { debrief: string }).debrief.length).toBeGreaterThan(0);
    const agreements = ofType('AgreementRecorded');
    expect(agreements.length).toBeGreaterThan(10);
    for (const e of agreements) expect(['community_guide', 'companion']).toContain(programmeOf.get(e.streamId));
  });

  it('records how long the visits took, mostly 45 to 120 minutes, so the hours given show every month', () => {
    const minutes = ofType('VisitHeld').map((e) => (e.data as { durationMinutes?: number }).durationMinutes);
    const told = minutes.filter((m): m is number => m !== undefined);
    expect(told.length / minutes.length).toBeGreaterThan(0.8);
    expect(told.filter((m) => m >= 45 && m <= 120).length / told.length).toBeGreaterThan(0.85);
    const directory = new Directory();
    for (const e of events) directory.apply(e);
    const { hoursByMonth } = volunteerDashboard(directory.visitors.values(), NOW);
    for (const month of hoursByMonth) expect(month.hours).toBeGreaterThan(0);
  });

  it('leaves only a few follow-ups overdue, none by more than about three weeks', () => {
    const view = new MapView<unknown>();
    for (const event of events) if (wants(followUpsProjection as never, event)) (followUpsProjection.apply as (e: StoredEvent, v: MapView<unknown>) => void)(event, view);
    const due = [...view.docs.entries()].filter(([key]) => key.startsWith(FOLLOW_UP_DUE_PREFIX)).map(([, doc]) => doc as DueFollowUp);
    const overdue = dueFollowUps(due, { withinDays: 14 }, NOW).filter((item) => item.overdue);
    expect(ofType('FollowUpHeld').length).toBeGreaterThan(20);
    expect(overdue.length).toBeLessThan(8);
    for (const item of overdue) expect(item.daysOverdue).toBeLessThanOrEqual(24);
  });
});
