import { randomUUID } from 'node:crypto';
import { caseFactsProjection } from '../../../projections/dashboard/case-facts';
import { distribution, monthsOf } from '../../../projections/dashboard/dashboard';
import { monthsBetween } from '../../../projections/shared/time';
import { answer, booked, Log, referral, triaged } from './events.fixture';

describe("the manager's dashboard", () => {
  const figures = (log: Log, from = '2026-03-01', to = '2026-04-30', programme?: 'care_visits') =>
    answer(log.project(caseFactsProjection), { from, to, ...(programme && { programme }) });
  const assessed = (score: number, at: string) => ({ type: 'LonelinessAssessed' as const, data: { instrument: 'ucla3' as const, answers: [1, 1, 1] as [number, number, number], score, severe: score >= 7, scaleVersion: 'ucla3-v1' as const, at } });

  it('buckets by Copenhagen month: a referral at 23:30 on 31 March counts in March', () => {
    const log = new Log().case(randomUUID(), [referral({ referredAt: '2026-03-31T21:30:00.000Z' })]);
    const [march, april] = figures(log);
    expect(march).toMatchObject({ month: '2026-03', referrals: { total: 1, byProgramme: { care_visits: 1 }, byReferrerRole: { home_nurse: 1 } } });
    expect(april!.referrals.total).toBe(0);
  });

  it('gives days to triage and to the first visit, and the cases waiting at month end', () => {
    const waiting = randomUUID();
    const log = new Log().case(randomUUID(), [referral({ referredAt: '2026-03-02T08:00:00.000Z' })]);
    const first = randomUUID();
    log.case(first, [referral({ referredAt: '2026-03-02T08:00:00.000Z' })]).case(first, [triaged()], '2026-03-04T08:00:00.000Z').case(first, [booked(randomUUID(), '2026-03-12T08:00:00.000Z')], '2026-03-05T08:00:00.000Z');
    log.case(waiting, [referral({ referredAt: '2026-03-20T08:00:00.000Z' })]).case(waiting, [triaged()], '2026-03-21T08:00:00.000Z');
    const [march, april] = figures(log);
    // Triaged after 2 days and after 1 day.
    expect(march!.daysToTriage).toEqual({ n: 2, median: 1, p90: 2 });
    expect(march!.daysToFirstVisit).toEqual({ n: 1, median: 10, p90: 10 });
    expect(march!.waitingAtMonthEnd).toBe(1);
    expect(april!.waitingAtMonthEnd).toBe(1);
  });

  it('counts relations and closures, and the change in UCLA-3 between the first and last score (by business time)', () => {
    const id = randomUUID();
    const log = new Log().case(id, [
      referral(),
      assessed(6, '2026-04-20T08:00:00.000Z'),
      assessed(9, '2026-03-03T08:00:00.000Z'), // recorded late: it is the first by business time
      { type: 'RelationEstablished', data: { kind: 'social_cafe', description: 'd', at: '2026-04-02T08:00:00.000Z' } },
      { type: 'CaseClosed', data: { reason: 'relation_established', at: '2026-04-21T08:00:00.000Z' } },
    ]);
    const april = figures(log)[1]!;
    expect(april).toMatchObject({ relationsByKind: { social_cafe: 1 }, closuresByReason: { relation_established: 1 } });
    expect(april.loneliness).toEqual({ cases: 1, meanFirst: 9, meanLast: 6, meanChange: -3 });
  });

  it('counts times accompanied and alone by the month they happened (seed 003: going alone is progress)', () => {
    const along = (at: string) => ({ type: 'CitizenAccompanied' as const, data: { at, to: { activity: 'sealed' }, visitorId: randomUUID(), firstTime: true } });
    const alone = (at: string) => ({ type: 'CitizenWentAlone' as const, data: { at, activity: 'sealed' } });
    const log = new Log().case(randomUUID(), [referral({ programme: 'community_guide' }), along('2026-03-10T18:00:00.000Z'), along('2026-03-31T21:30:00.000Z'), alone('2026-04-07T18:00:00.000Z')]);
    const [march, april] = figures(log);
    // 23:30 on 31 March in Copenhagen (summer time) is still March.
    expect(march!.goingAlong).toEqual({ accompanied: 2, alone: 0 });
    expect(april!.goingAlong).toEqual({ accompanied: 0, alone: 1 });
    expect(figures(log, '2026-03-01', '2026-04-30', 'care_visits')[0]!.goingAlong).toEqual({ accompanied: 0, alone: 0 });
  });

  it('counts relatives needing relief (seed 003: "pårørende kan også have behov for aflastning"), a removed one no more', () => {
    const [mother, brother, friend] = [randomUUID(), randomUUID(), randomUUID()];
    const added = (relativeId: string, needsRelief: boolean) =>
      ({ type: 'RelativeAdded' as const, data: { relativeId, name: 'sealed', relation: 'parent' as const, involvement: [], ...(needsRelief && { needsRelief: true as const }) } });
    const id = randomUUID();
    const log = new Log().case(id, [referral({ programme: 'community_guide' })]);
    log.case(id, [added(mother, true)], '2026-03-10T10:00:00.000Z').case(id, [added(brother, false)], '2026-03-11T10:00:00.000Z');
    log.case(id, [added(friend, true)], '2026-04-02T10:00:00.000Z');
    expect(figures(log).map((m) => m.relativesNeedingRelief)).toEqual([1, 1]);
    log.case(id, [{ type: 'RelativeRemoved', data: { relativeId: mother, reason: 'sealed' } }], '2026-04-20T10:00:00.000Z');
    log.case(id, [{ type: 'RelativeRemoved', data: { relativeId: brother, reason: 'sealed' } }], '2026-04-21T10:00:00.000Z');
    // The mother counted in March, when she was added: removed in April, March loses her.
    expect(figures(log).map((m) => m.relativesNeedingRelief)).toEqual([0, 1]);
  });

  it('counts where citizens were referred onward (seed 003: "hvor der mangler tilbud") and how follow-ups went', () => {
    const id = randomUUID();
    const log = new Log().case(id, [
      referral(),
      { type: 'ReferredOnward', data: { to: 'psykiatri', reason: 'sealed', at: '2026-03-05T10:00:00.000Z' } },
      { type: 'ReferredOnward', data: { to: 'kommunal_brobygger', reason: 'sealed', at: '2026-03-06T10:00:00.000Z' } },
      { type: 'CaseClosed', data: { reason: 'transferred_to_professionals', at: '2026-03-06T10:00:00.000Z' } },
      { type: 'FollowUpHeld', data: { followUpId: randomUUID(), at: '2026-04-06T09:00:00.000Z', outcome: 'still_connected' } },
    ]);
    const [march, april] = figures(log);
    expect(march!.referredOnwardByDestination).toEqual({ kommunal_brobygger: 1, psykiatri: 1 });
    expect(march!.followUpOutcomes).toEqual({});
    expect(april!.followUpOutcomes).toEqual({ still_connected: 1 });
    expect(figures(log, '2026-03-01', '2026-04-30', 'care_visits').map((m) => Object.keys(m.referredOnwardByDestination).length)).toEqual([2, 0]);
  });

  it('filters by programme and holds no names or citizen ids', () => {
    const log = new Log().case(randomUUID(), [referral({ programme: 'community_guide' })]).case(randomUUID(), [referral()]);
    expect(figures(log, '2026-03-01', '2026-03-31', 'care_visits')[0]!.referrals.total).toBe(1);
    const facts = JSON.stringify([...log.project(caseFactsProjection).docs.values()]);
    expect(facts).not.toMatch(/Karen|Jette|citizenId/);
  });

  it('takes nearest-rank percentiles', () => {
    const counted = (values: number[]) => values.reduce((counts, value) => counts.set(value, (counts.get(value) ?? 0) + 1), new Map<number, number>());
    expect(distribution(counted([5, 1, 3, 2, 4, 6, 7, 8, 9, 10]))).toEqual({ n: 10, median: 5, p90: 9 });
    expect(distribution(counted([2.5, 2.5, 2.5, 0.1, 9]))).toEqual({ n: 5, median: 2.5, p90: 9 });
    expect(distribution(new Map())).toEqual({ n: 0, median: null, p90: null });
  });
});

describe('the months of a range', () => {
  it('are those monthsBetween gives, across years', () => {
    for (const [from, to] of [['2016-11-01', '2026-10-31'], ['2026-03-15', '2026-03-20'], ['1999-12-31', '2000-01-01'], ['2026-01-01', '2026-12-31'], ['0999-11-01', '1000-02-01']] as const) {
      expect(monthsOf(from, to)).toEqual(monthsBetween(from, to));
    }
    expect(monthsOf('2016-11-01', '2026-11-01')).toHaveLength(121);
  });
});

describe('the order of counted keys', () => {
  it('is alphabetical, whatever order the cases came in', () => {
    const log = new Log().case(randomUUID(), [referral({ referrer: { name: 'N', role: 'relative', organisation: 'O' } })]).case(randomUUID(), [referral()]);
    const [march] = answer(log.project(caseFactsProjection), { from: '2026-03-01', to: '2026-03-31' });
    expect(Object.keys(march!.referrals.byReferrerRole)).toEqual(['home_nurse', 'relative']);
  });
});
