import { DateTime } from 'luxon';
import type { StoredEvent } from '../../src/event-store/event-store.port';
import { MemoryStorage } from '../../src/storage/memory.storage';
import { REGIONS } from '../../src/cli/seed/danish-data';
import { seed } from '../../src/cli/seed/seed';
import { Directory } from '../../projections/directory/directory';
import { caseView } from '../../projections/case-view/case-view';
import { suggestionsFor } from '../../projections/matching/suggestions';

/**
 * `cli seed` makes a world a coordinator recognises: what a new user, the
 * screenshots and every demo see first. These specs read the seeded events as
 * a coordinator would read the practice on the morning of its "today".
 */
describe('a believable seed', () => {
  const AS_OF = Date.parse('2026-12-07T10:00:00+01:00');
  const TODAY = Date.parse('2026-12-07T00:00:00+01:00'); // the start of that day in Copenhagen
  const DAY = 86_400_000;
  let events: StoredEvent[];
  let refused = -1;
  const cases = new Map<string, CaseView>();

  beforeAll(async () => {
    const storage = new MemoryStorage('/nonexistent');
    const store = storage.events;
    // 500 cases: two regions, so a caseload could mix towns if the seed let it.
    ({ refused } = await seed(storage, { cases: 500, seed: 5, asOf: AS_OF }, () => undefined));
    events = await store.readAll(1, 1_000_000);
    for (const event of events.filter((e) => e.streamId.startsWith('case-'))) fold(cases, event);
    await store.close();
  }, 120_000);

  const withVisitor = () => [...cases.values()].filter((c) => c.visitorIds.length > 0);
  const regionOf = (postcode: string) => REGIONS.findIndex((region) => region.towns.some(([code]) => code === postcode));

  it("gives each visitor citizens who live near them: one region, never Sorø and København on one caseload", () => {
    const byVisitor = new Map<string, Set<string>>();
    for (const c of withVisitor()) for (const v of c.visitorIds) byVisitor.set(v, (byVisitor.get(v) ?? new Set()).add(c.postcode));
    expect(byVisitor.size).toBeGreaterThan(30);
    const regionsSeen = new Set<number>();
    for (const postcodes of byVisitor.values()) {
      const regions = new Set([...postcodes].map(regionOf));
      expect(regions.size).toBe(1);
      expect(regions).not.toContain(-1);
      regionsSeen.add([...regions][0]!);
      // Danish postcodes: the first digit is the part of the country (2: København, 4: Zealand outside it, ...).
      expect(new Set([...postcodes].map((p) => p[0])).size).toBe(1);
    }
    expect(regionsSeen.size).toBe(2);
  });

  it("staffs each programme's cases with that programme's helpers: a fællesskabsguide case has a guide", () => {
    const programmesOf = new Map<string, Set<string>>();
    for (const c of withVisitor()) for (const v of c.visitorIds) programmesOf.set(v, (programmesOf.get(v) ?? new Set()).add(c.programme));
    for (const programmes of programmesOf.values()) expect(programmes.size).toBe(1);
    const programmesWithHelpers = new Set(withVisitor().map((c) => c.programme));
    expect([...programmesWithHelpers].sort()).toEqual(['care_visits', 'community_guide', 'companion', 'visiting_friend']);
  });

  it('agrees and holds visits on a working day in the daytime, on the quarter hour, Copenhagen time', () => {
    const times = events.flatMap(({ type, data }) => visitTimes(type, data as Record<string, string>));
    expect(times.length).toBeGreaterThan(1000);
    for (const time of times) {
      const local = DateTime.fromISO(time, { zone: 'Europe/Copenhagen' });
      expect({ time, minute: local.minute % 15, second: local.second, daytime: local.hour >= 9 && local.hour <= 16, workday: local.weekday <= 5 }).toEqual({
        time,
        minute: 0,
        second: 0,
        daytime: true,
        workday: true,
      });
    }
  });

  it('spreads the referrals over the last 18 months, and everything that happened lies before today', () => {
    const referred = [...cases.values()].map((c) => Date.parse(c.referredAt));
    const eighteenMonthsAgo = DateTime.fromMillis(TODAY).minus({ months: 18 }).toMillis();
    for (const at of referred) expect(at).toBeGreaterThanOrEqual(eighteenMonthsAgo);
    // A steady inflow: each quarter of the 18 months holds about a sixth of them, not a heap in the last months.
    const quarters = Array.from({ length: 6 }, (_, q) => referred.filter((at) => at >= TODAY - (q + 1) * 91 * DAY && at < TODAY - q * 91 * DAY).length);
    for (const count of quarters) expect(count / referred.length).toBeGreaterThan(0.12);
    for (const count of quarters) expect(count / referred.length).toBeLessThan(0.22);
    for (const { metadata } of events) expect(Date.parse(metadata.occurredAt)).toBeLessThanOrEqual(TODAY);
  });

  it('has the next visits of open cases mostly ahead, and a few overdue', () => {
    const open = withVisitor().filter((c) => !c.closed && c.nextVisitAt !== undefined);
    expect(open.length).toBeGreaterThan(40);
    const overdue = open.filter((c) => Date.parse(c.nextVisitAt!) < TODAY);
    expect(overdue.length).toBeGreaterThanOrEqual(3);
    expect(overdue.length).toBeLessThanOrEqual(0.15 * open.length);
  });

  it('tells every story in an order the rules accept: nothing is refused', () => {
    expect(refused).toBe(0);
  });

  it('has a waiting folder of recent referrals, and triage and booking say when they happened', () => {
    const waiting = [...cases.values()].filter((c) => c.triagedAt !== undefined && c.visitorIds.length === 0 && !c.closed);
    expect(waiting.length).toBeGreaterThan(10);
    // Nobody has waited for a year: waiting cases were referred in recent months.
    for (const c of waiting) expect(TODAY - Date.parse(c.referredAt)).toBeLessThan(180 * DAY);
    for (const { type, data } of events) {
      if (type === 'TriagedToVolunteer' || type === 'TriagedToProfessional' || type === 'FirstVisitBooked') expect((data as { at?: string }).at).toEqual(expect.any(String));
    }
  });

  it('makes suggestions meaningful on a fresh start: profiles, wishes and a catalogue of offers in the towns (issue #18)', () => {
    const directory = new Directory();
    for (const e of events) directory.apply(e);
    expect(directory.offers.size).toBeGreaterThan(20);
    expect([...directory.visitors.values()].every((v) => v.profile !== undefined)).toBe(true);
    const waiting = [...directory.cases.values()].filter((c) => c.status === 'Waiting');
    const answers = waiting.map((c) => suggestionsFor(caseView(events.filter((e) => e.streamId === `case-${c.caseId}`))!, directory, false));
    // Most waiting citizens have an offer nearby that shares an interest, and a visitor with a reason beyond a free place.
    expect(answers.filter((a) => a.offers.some((o) => o.reasons.some((r) => r.code.startsWith('shared_interest:')))).length / waiting.length).toBeGreaterThan(0.5);
    expect(answers.filter((a) => a.visitors.some((v) => v.reasons.length > 1)).length / waiting.length).toBeGreaterThan(0.5);
    // Some citizens met an offer and joined it: the gaps view has introductions by kind on a fresh start.
    const outcomes = events.filter((e) => e.type === 'OfferOutcomeRecorded').map((e) => (e.data as { outcome: string }).outcome);
    expect(events.filter((e) => e.type === 'IntroducedToOffer').length).toBeGreaterThan(5);
    expect(outcomes).toContain('joined');
  });
});

interface CaseView {
  programme: string;
  postcode: string;
  referredAt: string;
  triagedAt?: string;
  visitorIds: string[];
  nextVisitAt?: string;
  closed: boolean;
}

/** What a coordinator reads off a case: where the citizen lives, who visits, when next. */
function fold(cases: Map<string, CaseView>, { streamId, type, data }: StoredEvent): void {
  const d = data as Record<string, string>;
  if (type === 'ReferralReceived') {
    cases.set(streamId, { programme: d.programme!, postcode: d.postcode!, referredAt: d.referredAt!, visitorIds: [], closed: false });
    return;
  }
  const c = cases.get(streamId)!;
  if (type === 'TriagedToVolunteer' || type === 'TriagedToProfessional') c.triagedAt = d.at;
  else if (type === 'FirstVisitBooked') {
    c.visitorIds.push(d.visitorId!);
    c.nextVisitAt = d.visitAt;
  } else if (type === 'VisitorReassigned') c.visitorIds.push(d.toVisitorId!);
  else if (type === 'VisitHeld' || type === 'VisitorDismissedButReturning') c.nextVisitAt = d.nextVisitAt;
  else if (type === 'VisitRescheduled') c.nextVisitAt = d.to;
  else if (type === 'CaseClosed' || type === 'ReferralDeclined') c.closed = true;
}

/** The agreed and held visit times an event carries. */
function visitTimes(type: string, d: Record<string, string>): string[] {
  if (type === 'FirstVisitBooked') return [d.visitAt!];
  if (type === 'VisitHeld') return [d.visitedAt!, ...(d.nextVisitAt ? [d.nextVisitAt] : [])];
  if (type === 'VisitorDismissedButReturning') return [d.at!, d.nextVisitAt!];
  if (type === 'VisitRescheduled') return [d.from!, d.to!];
  return [];
}
