import { randomUUID } from 'node:crypto';
import type { CaseEvent } from '../../../domain/case/case.events';
import { assessmentsOwed } from '../../../domain/shared/assessment-schedule';
import { assessmentsDue } from '../../../projections/assessments/assessments-due';
import { AssessmentCase, assessmentsProjection } from '../../../projections/assessments/assessments';
import { booked, Log, referral, triaged } from './events.fixture';

/**
 * Issue 22, assessments on time: UCLA-3 at intake (within 14 days of the first
 * visit), every `reassessEveryWeeks` (12) while active, at the close, and at
 * the follow-up. Seed 001: "registrering af og opfølgning på ensomhed".
 */
describe('the assessments due (GET /assessments/due)', () => {
  const now = '2026-06-15T10:00:00.000Z';
  const visitorId = randomUUID();
  const assessed = (at: string): CaseEvent => ({ type: 'LonelinessAssessed', data: { instrument: 'ucla3', answers: [3, 2, 2], score: 7, severe: true, scaleVersion: 'ucla3-v1', at } });
  const visit = (visitedAt: string): CaseEvent => ({ type: 'VisitHeld', data: { visitorId, visitedAt, themes: [] } });
  const started = (firstVisit: string): CaseEvent[] => [referral(), triaged(), booked(visitorId, firstVisit)];
  const cases = (log: Log) => [...log.project(assessmentsProjection).docs.values()] as AssessmentCase[];
  const due = (log: Log, filter: { withinDays?: number; visitorId?: string } = {}) => assessmentsDue(cases(log), { withinDays: 14, ...filter }, now);

  it('asks for the intake measurement from the first visit, overdue 14 days after it; nothing before the first visit', () => {
    const [late, fresh, future, waiting] = Array.from({ length: 4 }, () => randomUUID());
    const log = new Log()
      .case(late, [...started('2026-05-20T09:00:00.000Z'), visit('2026-05-21T09:00:00.000Z')])
      .case(fresh, started('2026-06-10T09:00:00.000Z'))
      .case(future, started('2026-06-20T09:00:00.000Z'))
      .case(waiting, [referral(), triaged()]);
    const items = due(log);
    expect(items.map((i) => [i.caseId, i.kind])).toEqual([
      [late, 'intake'],
      [fresh, 'intake'],
    ]);
    // The first visit held counts, not the one booked.
    expect(items[0]).toMatchObject({ visitorId, dueAt: '2026-06-04T09:00:00.000Z', overdue: true, daysOverdue: 11 });
    expect(items[1]).toMatchObject({ dueAt: '2026-06-24T09:00:00.000Z', overdue: false, daysOverdue: -9 });
  });

  it('asks again every 12 weeks after the last measurement, listed 14 days ahead; not while the case is paused', () => {
    const [due12, notYet, paused] = Array.from({ length: 3 }, () => randomUUID());
    const log = new Log()
      .case(due12, [...started('2026-03-02T09:00:00.000Z'), assessed('2026-03-10T09:00:00.000Z')])
      .case(notYet, [...started('2026-03-02T09:00:00.000Z'), assessed('2026-03-10T09:00:00.000Z'), assessed('2026-05-01T09:00:00.000Z')])
      .case(paused, [...started('2026-03-02T09:00:00.000Z'), assessed('2026-03-10T09:00:00.000Z'), { type: 'CasePaused', data: { reason: 'Indlagt', at: '2026-06-01T09:00:00.000Z' } }]);
    expect(due(log)).toEqual([{ caseId: due12, citizenId: expect.any(String), programme: 'care_visits', visitorId, kind: 'periodic', dueAt: '2026-06-02T09:00:00.000Z', overdue: true, daysOverdue: 13 }]);
    // A programme setting of 4 weeks makes the second case due too.
    const second = cases(log).find((c) => c.caseId === notYet)!;
    expect(assessmentsOwed(second, { reassessEveryWeeks: 4 })).toEqual([{ kind: 'periodic', dueAt: '2026-05-29T09:00:00.000Z' }]);
  });

  it('asks for the measurement at the close before the agreed expected end, unless one was taken in the 14 days before it', () => {
    const [owing, measured] = [randomUUID(), randomUUID()];
    const agreement = (expectedEnd: string): CaseEvent => ({ type: 'AgreementRecorded', data: { goals: ['g'], frequency: 'weekly', expectedEnd, endCriteria: 'e', agreedWith: ['citizen'] } });
    const log = new Log()
      .case(owing, [...started('2026-05-01T09:00:00.000Z'), assessed('2026-05-02T09:00:00.000Z'), agreement('2026-06-25T10:00:00.000Z')])
      .case(measured, [...started('2026-05-01T09:00:00.000Z'), assessed('2026-06-12T09:00:00.000Z'), agreement('2026-06-25T10:00:00.000Z')]);
    expect(due(log).map((i) => [i.caseId, i.kind, i.dueAt])).toEqual([[owing, 'close', '2026-06-25T10:00:00.000Z']]);
  });

  it('asks at each follow-up after the end until it is held; a declined referral and a closed case without follow-up owe nothing', () => {
    const [followed, held, declined] = Array.from({ length: 3 }, () => randomUUID());
    const followUpId = randomUUID();
    const close: CaseEvent = { type: 'CaseClosed', data: { reason: 'relation_established', at: '2026-03-10T09:00:00.000Z' } };
    const log = new Log()
      .case(followed, [...started('2026-01-05T09:00:00.000Z'), assessed('2026-01-10T09:00:00.000Z'), close, { type: 'FollowUpScheduled', data: { followUpId, dueAt: '2026-06-10T09:00:00.000Z' } }])
      .case(held, [...started('2026-01-05T09:00:00.000Z'), close, { type: 'FollowUpScheduled', data: { followUpId: 'f', dueAt: '2026-06-10T09:00:00.000Z' } }, { type: 'FollowUpHeld', data: { followUpId: 'f', at: '2026-06-11T09:00:00.000Z', outcome: 'still_connected', ucla3: [1, 1, 2], score: 4 } }])
      .case(declined, [referral(), { type: 'ReferralDeclined', data: { reason: 'not_lonely', at: '2026-03-03T09:00:00.000Z' } }]);
    expect(due(log)).toEqual([{ caseId: followed, citizenId: expect.any(String), programme: 'care_visits', visitorId, kind: 'follow_up', followUpId, dueAt: '2026-06-10T09:00:00.000Z', overdue: true, daysOverdue: 5 }]);
    expect(cases(log).map((c) => c.caseId)).toEqual([followed]);
    // The follow-ups after the end are the coordinator's: a visitor does not see them.
    expect(due(log, { visitorId })).toEqual([]);
  });

  it('shows a visitor only their own cases, following a reassignment', () => {
    const [mine, moved] = [randomUUID(), randomUUID()];
    const other = randomUUID();
    const log = new Log()
      .case(mine, started('2026-06-01T09:00:00.000Z'))
      .case(moved, [...started('2026-06-01T09:00:00.000Z'), { type: 'VisitorReassigned', data: { fromVisitorId: visitorId, toVisitorId: other, toVisitorKind: 'volunteer', toVisitorName: 'Ole', reason: 'r' } }]);
    expect(due(log, { visitorId }).map((i) => i.caseId)).toEqual([mine]);
    expect(due(log, { visitorId: other }).map((i) => i.caseId)).toEqual([moved]);
  });
});
