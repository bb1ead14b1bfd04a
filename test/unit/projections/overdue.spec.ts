import { randomUUID } from 'node:crypto';
import type { CaseEvent } from '../../../domain/case/case.events';
import { Assignment, assignmentPrefix, CaseCard, caseKey, caseload, caseloadProjection, VisitorLoad, visitorKey } from '../../../projections/caseload/caseload';
import { DUE_PREFIX, DueVisit, overdueVisits } from '../../../projections/caseload/overdue';
import { MapView } from '../../../projections/shared/projection';
import { WaitingCase, waitingListProjection } from '../../../projections/waiting-list/waiting-list';
import { booked, Log, referral, registered, triaged } from './events.fixture';

/**
 * Overdue visits and pauses on the read side (issue #17): "overdue" is an
 * agreed next visit in the past with no visit recorded since, on an active
 * case that is not paused.
 */
describe('overdue visits and pauses in the caseload read model', () => {
  const visitorEvent = registered();
  const { visitorId } = visitorEvent.data as { visitorId: string };
  const due = (docs: MapView<unknown>) => [...docs.docs.entries()].filter(([key]) => key.startsWith(DUE_PREFIX)).map(([, doc]) => doc as DueVisit);
  const loadOf = (docs: MapView<unknown>, now: string) => {
    const assigned = [...docs.docs.keys()].filter((key) => key.startsWith(assignmentPrefix(visitorId))).map((key) => (docs.get(key) as Assignment).caseId);
    return caseload(docs.get(visitorKey(visitorId)) as VisitorLoad, assigned.map((id) => docs.get(caseKey(id)) as CaseCard), now);
  };
  const paused: CaseEvent = { type: 'CasePaused', data: { reason: 'Indlagt', at: '2026-03-05T08:00:00.000Z', until: '2026-03-20T11:00:00.000Z', droppedVisitAt: '2026-03-09T09:00:00.000Z' } };

  it('lists the overdue visits oldest first, with Copenhagen days overdue, by programme and visitor', () => {
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    const other = randomUUID();
    const log = new Log()
      .visitor(visitorId, [visitorEvent])
      .case(a, [referral(), triaged(), booked(visitorId, '2026-03-09T09:00:00.000Z')])
      .case(b, [referral({ programme: 'community_guide' }), triaged(), booked(visitorId, '2026-03-02T09:00:00.000Z')])
      .case(c, [referral(), triaged(), booked(other, '2026-03-20T09:00:00.000Z')]);
    const now = '2026-03-12T12:00:00.000Z';
    const list = overdueVisits(due(log.project(caseloadProjection)), {}, now);
    expect(list.map((v) => [v.caseId, v.daysOverdue])).toEqual([[b, 10], [a, 3]]);
    expect(list[1]).toMatchObject({ visitorId, dueAt: '2026-03-09T09:00:00.000Z', programme: 'care_visits' });
    expect(overdueVisits(due(log.project(caseloadProjection)), { programme: 'community_guide' }, now).map((v) => v.caseId)).toEqual([b]);
    expect(overdueVisits(due(log.project(caseloadProjection)), { visitorId: other }, '2026-03-21T00:00:00.000Z').map((v) => v.caseId)).toEqual([c]);
  });

  it('takes a case off the list when a visit is recorded, when it is cancelled, paused or closed; a newly booked visit puts it back', () => {
    const caseId = randomUUID();
    const start = [referral(), triaged(), booked(visitorId, '2026-03-09T09:00:00.000Z')];
    const now = '2026-04-01T12:00:00.000Z';
    const listAfter = (...more: CaseEvent[]) => overdueVisits(due(new Log().visitor(visitorId, [visitorEvent]).case(caseId, [...start, ...more]).project(caseloadProjection)), {}, now).map((v) => v.dueAt);
    expect(listAfter()).toEqual(['2026-03-09T09:00:00.000Z']);
    expect(listAfter({ type: 'VisitHeld', data: { visitorId, visitedAt: '2026-03-09T09:05:00.000Z', themes: [] } })).toEqual([]);
    expect(listAfter({ type: 'VisitCancelled', data: { at: '2026-03-09T09:00:00.000Z', by: 'citizen', reason: 'Syg' } })).toEqual([]);
    expect(listAfter({ type: 'VisitCancelled', data: { at: '2026-03-09T09:00:00.000Z', by: 'citizen', reason: 'Syg' } }, { type: 'NextVisitBooked', data: { visitAt: '2026-03-12T09:00:00.000Z', citizenNotified: true } })).toEqual([
      '2026-03-12T09:00:00.000Z',
    ]);
    expect(listAfter(paused)).toEqual([]);
    expect(listAfter(paused, { type: 'CaseResumed', data: { at: '2026-03-20T09:00:00.000Z' } })).toEqual([]);
    expect(listAfter({ type: 'CaseClosed', data: { reason: 'moved', at: '2026-03-10T09:00:00.000Z' } })).toEqual([]);
  });

  it('shows the pause, the fixed time and how late a visit is on the caseload; a paused case is never overdue', () => {
    const [late, away] = [randomUUID(), randomUUID()];
    const log = new Log()
      .visitor(visitorId, [visitorEvent])
      .case(late, [referral(), triaged(), booked(visitorId, '2026-03-09T09:00:00.000Z'), { type: 'VisitSlotAgreed', data: { weekday: 1, time: '10:00', everyWeeks: 1 } }])
      .case(away, [referral(), triaged(), booked(visitorId, '2026-03-09T09:00:00.000Z'), paused]);
    const load = loadOf(log.project(caseloadProjection), '2026-03-12T12:00:00.000Z');
    expect(load.overdue).toBe(1);
    expect(load.cases.find((c) => c.caseId === late)).toMatchObject({ overdue: true, daysOverdue: 3, visitSlot: { weekday: 1, time: '10:00', everyWeeks: 1 } });
    const pausedCard = load.cases.find((c) => c.caseId === away)!;
    expect(pausedCard).toMatchObject({ overdue: false, pause: { reason: 'Indlagt', at: '2026-03-05T08:00:00.000Z', until: '2026-03-20T11:00:00.000Z' } });
    expect(pausedCard.nextVisitAt).toBeUndefined();
    expect(pausedCard.daysOverdue).toBeUndefined();
  });

  it('shows a paused case in the waiting folder, and no longer once resumed', () => {
    const caseId = randomUUID();
    const waiting = (...more: CaseEvent[]) => new Log().case(caseId, [referral(), triaged(), ...more]).project(waitingListProjection).get(caseId) as WaitingCase;
    expect(waiting(paused).pause).toEqual({ reason: 'Indlagt', at: '2026-03-05T08:00:00.000Z', until: '2026-03-20T11:00:00.000Z' });
    expect(waiting(paused, { type: 'CaseResumed', data: { at: '2026-03-20T09:00:00.000Z' } }).pause).toBeUndefined();
  });
});
