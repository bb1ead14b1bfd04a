import { randomUUID } from 'node:crypto';
import { waitingList, waitingListProjection } from '../../../projections/waiting-list/waiting-list';
import { booked, Log, referral, triaged } from './events.fixture';

describe('the waiting list (ventemappe)', () => {
  const now = '2026-03-10T12:00:00.000Z';
  const list = (log: Log, filter = {}) => waitingList(log.project(waitingListProjection).docs.values(), { limit: 100, ...filter }, now);

  it('lists triaged cases without a first visit: high priority first, then the oldest referral', () => {
    const [a, b, c, untriaged, bookedCase] = Array.from({ length: 5 }, () => randomUUID());
    const log = new Log()
      .case(a, [referral({ referredAt: '2026-03-01T08:00:00.000Z' }), triaged('normal')])
      .case(b, [referral({ referredAt: '2026-03-05T08:00:00.000Z' }), triaged('high')])
      .case(c, [referral({ referredAt: '2026-02-20T08:00:00.000Z' }), triaged('normal')])
      .case(untriaged, [referral()])
      .case(bookedCase, [referral(), triaged('high'), booked(randomUUID())]);
    expect(list(log).map((e) => e.caseId)).toEqual([b, c, a]);
  });

  it('counts days waiting in Copenhagen calendar days', () => {
    const id = randomUUID();
    // 23:30 Copenhagen on 1 March is 22:30 UTC: still 1 March, so 9 days by 10 March.
    const log = new Log().case(id, [referral({ referredAt: '2026-03-01T22:30:00.000Z' }), triaged()]);
    expect(list(log)[0]).toMatchObject({ caseId: id, daysWaiting: 9, track: 'volunteer', priority: 'normal', referrerOrganisation: 'Hjemmeplejen Syd' });
  });

  it('filters by track and programme, and shows risk flags (a flag moves the case to the professional track)', () => {
    const [volunteer, risky, guide] = Array.from({ length: 3 }, () => randomUUID());
    const log = new Log()
      .case(volunteer, [referral(), triaged()])
      .case(risky, [referral(), triaged(), { type: 'RiskFlagged', data: { risk: 'suicidal_thoughts', note: 'n', at: '2026-03-03T08:00:00.000Z' } }])
      .case(guide, [referral({ programme: 'community_guide' }), triaged()]);
    expect(list(log, { track: 'professional' })).toEqual([expect.objectContaining({ caseId: risky, riskFlags: ['suicidal_thoughts'] })]);
    expect(list(log, { programme: 'community_guide' }).map((e) => e.caseId)).toEqual([guide]);
  });

  it('drops declined and closed cases, and honours the limit', () => {
    const [declined, closed, kept] = Array.from({ length: 3 }, () => randomUUID());
    const log = new Log()
      .case(declined, [referral(), triaged(), { type: 'ReferralDeclined', data: { reason: 'citizen_declined', at: '2026-03-04T08:00:00.000Z' } }])
      .case(closed, [referral(), triaged(), { type: 'CaseClosed', data: { reason: 'moved', at: '2026-03-04T08:00:00.000Z' } }])
      .case(kept, [referral(), triaged()])
      .case(randomUUID(), [referral(), triaged()]);
    expect(list(log).map((e) => e.caseId)).not.toContain(declined);
    expect(list(log).map((e) => e.caseId)).not.toContain(closed);
    expect(list(log, { limit: 1 })).toHaveLength(1);
  });
});
