import { randomUUID } from 'node:crypto';
import { caseDecider } from '../../../domain/case/case.stream';
import { fold } from '../../../domain/shared/decider';
import { IllegalStateError, NotFoundError, ValidationError } from '../../../domain/shared/errors';
import { activeWith, command, NOW, referred, spec, triaged, visitor } from './case.fixtures';

const v = visitor();
const closed = { type: 'CaseClosed' as const, data: { reason: 'moved' as const, at: '2026-04-01T10:00:00.000Z' } };

describe('tasks', () => {
  const taskId = randomUUID();
  const opened = { type: 'TaskOpened' as const, data: { taskId, kind: 'heating_aid' as const, description: 'Ansøgning om varmehjælp' } };

  it('opens and completes a task on an active case', () => {
    spec.given(activeWith(v)).when(command('OpenTask', opened.data)).then([opened]);
    spec.given([...activeWith(v), opened]).when(command('CompleteTask', { taskId, outcome: 'Bevilget' })).then([{ type: 'TaskCompleted', data: { taskId, outcome: 'Bevilget' } }]);
  });

  it('takes tasks only on an active case', () => {
    spec.given([referred(), triaged()]).when(command('OpenTask', opened.data)).thenThrows(IllegalStateError, 'case_not_active');
  });

  it('refuses a task id twice, an unknown task and a task already completed', () => {
    spec.given([...activeWith(v), opened]).when(command('OpenTask', opened.data)).thenThrows(IllegalStateError, 'task_exists');
    spec.given(activeWith(v)).when(command('CompleteTask', { taskId, outcome: 'x' })).thenThrows(NotFoundError);
    const done = { type: 'TaskCompleted' as const, data: { taskId, outcome: 'Bevilget' } };
    spec.given([...activeWith(v), opened, done]).when(command('CompleteTask', { taskId, outcome: 'igen' })).thenThrows(IllegalStateError, 'task_completed');
  });
});

describe('loneliness assessments (UCLA-3)', () => {
  const assess = (answers: number[]) => command('AssessLoneliness', { instrument: 'ucla3', answers });

  it('scores three answers, reads 7 or more as severe, and keeps the raw answers and the scale version', () => {
    spec.given(activeWith(v)).when(assess([3, 3, 2])).then([
      { type: 'LonelinessAssessed', data: { instrument: 'ucla3', answers: [3, 3, 2], score: 8, severe: true, scaleVersion: 'ucla3-v1', at: NOW } },
    ]);
  });

  it('reads a score under 7 as not severe', () => {
    expect(spec.given(activeWith(v)).when(assess([2, 2, 2])).events()[0]).toMatchObject({ data: { score: 6, severe: false } });
  });

  it('is taken in any open state, also at intake, and not on a closed case', () => {
    expect(spec.given([referred()]).when(assess([1, 2, 1])).events()).toHaveLength(1);
    expect(spec.given([referred(), triaged()]).when(assess([1, 2, 1])).events()).toHaveLength(1);
    spec.given([referred(), closed]).when(assess([1, 2, 1])).thenThrows(IllegalStateError, 'case_closed');
  });

  it.each([[[1, 2]], [[1, 2, 4]], [[0, 1, 1]], [[1, 1, 1, 1]]])('refuses the answers %j', (answers) => {
    spec.given([referred()]).when(assess(answers)).thenThrows(ValidationError);
  });
});

describe('relations, risks and closing', () => {
  it('establishes a relation on an active case only', () => {
    const relation = { kind: 'social_cafe' as const, description: 'Kirkens café', at: '2026-04-02T14:00:00+02:00' };
    spec.given(activeWith(v)).when(command('EstablishRelation', relation)).then([{ type: 'RelationEstablished', data: { ...relation, at: '2026-04-02T12:00:00.000Z' } }]);
    spec.given([referred(), triaged()]).when(command('EstablishRelation', relation)).thenThrows(IllegalStateError, 'case_not_active');
  });

  it('flags a risk in any open state and puts the case on the professional track', () => {
    const flag = command('FlagRisk', { risk: 'suicidal_thoughts', note: 'Taler om ikke at ville leve', at: '2026-03-09T11:00:00+01:00' });
    const events = spec.given(activeWith(v)).when(flag).events();
    expect(events).toEqual([{ type: 'RiskFlagged', data: { risk: 'suicidal_thoughts', note: 'Taler om ikke at ville leve', at: '2026-03-09T10:00:00.000Z' } }]);
    expect(fold(caseDecider, [...activeWith(v), ...events])).toMatchObject({ status: 'Active', track: 'professional', riskFlags: ['suicidal_thoughts'] });
    expect(spec.given([referred()]).when(flag).events()).toHaveLength(1);
  });

  it('closes an open case with its reason; a closed case takes nothing', () => {
    const close = command('CloseCase', { reason: 'moved', at: '2026-04-20T12:00:00+02:00', followUpId: randomUUID(), followUp: false, noFollowUpReason: 'Flyttet til Aalborg' });
    const events = spec.given(activeWith(v)).when(close).events();
    expect(events).toEqual([{ type: 'CaseClosed', data: { reason: 'moved', at: '2026-04-20T10:00:00.000Z', noFollowUp: 'Flyttet til Aalborg' } }]);
    expect(fold(caseDecider, [...activeWith(v), ...events])).toMatchObject({ status: 'Closed', declined: false, reason: 'moved', visitorId: v.visitorId });
    spec.given([...activeWith(v), ...events]).when(close).thenThrows(IllegalStateError, 'case_closed');
  });

  // Issue #17: the case page read "prioritet –" once a triaged case was closed or declined.
  it('keeps the triage’s track and priority on a closed or declined case', () => {
    const closed = { type: 'CaseClosed' as const, data: { reason: 'moved' as const, at: '2026-04-20T10:00:00.000Z' } };
    expect(fold(caseDecider, [...activeWith(v), closed])).toMatchObject({ status: 'Closed', track: 'volunteer', priority: 'normal' });
    const declined = { type: 'ReferralDeclined' as const, data: { reason: 'declined_by_citizen' as const, at: '2026-03-05T10:00:00.000Z' } };
    expect(fold(caseDecider, [referred(), triaged('professional'), declined])).toMatchObject({ status: 'Closed', declined: true, track: 'professional', priority: 'normal' });
    expect(fold(caseDecider, [referred(), declined])).not.toHaveProperty('priority');
  });
});

describe('evolve', () => {
  it('leaves the state as it was for an event that does not fit it, and never throws', () => {
    const state = fold(caseDecider, [referred()]);
    expect(caseDecider.evolve(state, { type: 'VisitHeld', data: { visitorId: v.visitorId, visitedAt: NOW, themes: [] } })).toBe(state);
    expect(caseDecider.evolve(caseDecider.initialState(), closed)).toEqual({ status: 'None' });
  });

  it('follows the visit card: the next agreed visit after a visit, a reschedule and a cancellation', () => {
    const history = [...activeWith(v), { type: 'VisitHeld' as const, data: { visitorId: v.visitorId, visitedAt: '2026-03-09T09:05:00.000Z', nextVisitAt: '2026-03-16T09:00:00.000Z', themes: ['datteren'] } }];
    expect(fold(caseDecider, history)).toMatchObject({ nextVisitAt: '2026-03-16T09:00:00.000Z', lastVisitAt: '2026-03-09T09:05:00.000Z', lastThemes: ['datteren'] });
    const moved = [...history, { type: 'VisitRescheduled' as const, data: { from: '2026-03-16T09:00:00.000Z', to: '2026-03-17T09:00:00.000Z', citizenNotified: true as const } }];
    expect(fold(caseDecider, moved)).toMatchObject({ nextVisitAt: '2026-03-17T09:00:00.000Z' });
    const cancelled = [...moved, { type: 'VisitCancelled' as const, data: { at: '2026-03-17T09:00:00.000Z', by: 'visitor' as const, reason: 'syg' } }];
    expect(fold(caseDecider, cancelled)).not.toHaveProperty('nextVisitAt');
  });

  it('keeps the visit card of the latest visit when an earlier visit is recorded late', () => {
    const latest = { type: 'VisitHeld' as const, data: { visitorId: v.visitorId, visitedAt: '2026-03-16T09:00:00.000Z', nextVisitAt: '2026-03-23T09:00:00.000Z', themes: ['boligydelse'] } };
    const late = { type: 'VisitHeld' as const, data: { visitorId: v.visitorId, visitedAt: '2026-03-09T09:00:00.000Z', nextVisitAt: '2026-03-16T09:00:00.000Z', themes: ['varmehjælp'] } };
    expect(fold(caseDecider, [...activeWith(v), latest, late])).toMatchObject({ nextVisitAt: '2026-03-23T09:00:00.000Z', lastThemes: ['boligydelse'] });
  });
});
