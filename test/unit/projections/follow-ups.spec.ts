import { randomUUID } from 'node:crypto';
import type { CaseEvent } from '../../../domain/case/case.events';
import { dueFollowUps, followUpsProjection } from '../../../projections/follow-ups/follow-ups';
import type { DueFollowUp } from '../../../projections/follow-ups/follow-ups';
import { booked, Log, referral, triaged } from './events.fixture';

/** Seed 003: the guides "følger op"; the coordinator sees which follow-ups are due and which are late. */
describe('the follow-ups due (GET /follow-ups/due)', () => {
  const now = '2026-07-20T12:00:00.000Z';
  const closed = (at: string): CaseEvent => ({ type: 'CaseClosed', data: { reason: 'relation_established', at } });
  const scheduled = (followUpId: string, dueAt: string): CaseEvent => ({ type: 'FollowUpScheduled', data: { followUpId, dueAt } });
  const held = (followUpId: string): CaseEvent => ({ type: 'FollowUpHeld', data: { followUpId, at: now, outcome: 'still_connected' } });
  const due = (log: Log, filter: { withinDays?: number; programme?: 'care_visits' | 'community_guide' } = {}) =>
    dueFollowUps([...log.project(followUpsProjection).docs.values()] as DueFollowUp[], { withinDays: 14, ...filter }, now);

  it('lists overdue follow-ups and those due within the days asked, oldest first, with the last helper; not those held', () => {
    const [late, soon, far, done] = Array.from({ length: 4 }, () => randomUUID());
    const ids = Array.from({ length: 4 }, () => randomUUID());
    const visitorId = randomUUID();
    const log = new Log()
      .case(soon, [referral(), triaged(), booked(visitorId), closed('2026-04-25T10:00:00.000Z'), scheduled(ids[1]!, '2026-07-25T10:00:00.000Z')])
      .case(late, [referral(), triaged(), booked(visitorId), closed('2026-04-10T10:00:00.000Z'), scheduled(ids[0]!, '2026-07-10T10:00:00.000Z')])
      .case(far, [referral(), closed('2026-06-10T10:00:00.000Z'), scheduled(ids[2]!, '2026-09-10T10:00:00.000Z')])
      .case(done, [referral(), closed('2026-04-01T10:00:00.000Z'), scheduled(ids[3]!, '2026-07-01T10:00:00.000Z'), held(ids[3]!)]);
    const items = due(log);
    expect(items.map((i) => i.caseId)).toEqual([late, soon]);
    expect(items[0]).toMatchObject({ followUpId: ids[0], visitorId, closureReason: 'relation_established', closedAt: '2026-04-10T10:00:00.000Z', overdue: true, daysOverdue: 10 });
    expect(items[1]).toMatchObject({ overdue: false, daysOverdue: -5 });
    expect(due(log, { withinDays: 0 }).map((i) => i.caseId)).toEqual([late]);
    expect(due(log, { withinDays: 90 }).map((i) => i.caseId)).toEqual([late, soon, far]);
  });

  it('filters by programme', () => {
    const [care, guide] = [randomUUID(), randomUUID()];
    const log = new Log()
      .case(care, [referral(), closed('2026-04-10T10:00:00.000Z'), scheduled(randomUUID(), '2026-07-10T10:00:00.000Z')])
      .case(guide, [referral({ programme: 'community_guide' }), closed('2026-04-10T10:00:00.000Z'), scheduled(randomUUID(), '2026-07-10T10:00:00.000Z')]);
    expect(due(log, { programme: 'community_guide' }).map((i) => i.caseId)).toEqual([guide]);
  });
});
