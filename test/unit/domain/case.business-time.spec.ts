import { IllegalStateError } from '../../../domain/shared/errors';
import { activeWith, command, referred, spec, visitor } from './case.fixtures';

/**
 * What happened on a case happened after its referral: a visit, a measurement,
 * a risk or a relation dated before the referral was received is a typing
 * mistake (a wrong year), and would put a negative "days to the first
 * relation" into the outcomes (issue 22) and a case closed before it began
 * into the dashboard. Refused with 409 before_referral, as triage, booking,
 * going along, appointments and closing already were.
 */
const birthe = visitor('volunteer');
const referredAt = referred().data.referredAt;
const dayBefore = new Date(new Date(referredAt).getTime() - 24 * 3600_000).toISOString();

describe('business time: nothing on a case before its referral', () => {
  it('given an active case, when a visit is recorded the day before the referral, then it is refused (before_referral)', () => {
    spec.given(activeWith(birthe)).when(command('RecordVisit', { visitorId: birthe.visitorId, visitedAt: dayBefore, themes: [] })).thenThrows(IllegalStateError, 'before_referral');
  });

  it('given a referred case, when a UCLA-3 is dated before the referral, then it is refused (before_referral)', () => {
    spec.given([referred()]).when(command('AssessLoneliness', { instrument: 'ucla3', answers: [3, 3, 2], at: dayBefore })).thenThrows(IllegalStateError, 'before_referral');
  });

  it('given a referred case, when a risk is dated before the referral, then it is refused (before_referral)', () => {
    spec.given([referred()]).when(command('FlagRisk', { risk: 'suicidal_thoughts', note: 'n', at: dayBefore })).thenThrows(IllegalStateError, 'before_referral');
  });

  it('given an active case, when a relation is dated before the referral, then it is refused (before_referral)', () => {
    spec.given(activeWith(birthe)).when(command('EstablishRelation', { kind: 'friend', description: 'd', at: dayBefore })).thenThrows(IllegalStateError, 'before_referral');
  });

  it('given an active case, when a UCLA-3 is dated at the referral itself (at intake), then it is taken', () => {
    spec.given(activeWith(birthe)).when(command('AssessLoneliness', { instrument: 'ucla3', answers: [3, 3, 2], at: referredAt })).then([
      { type: 'LonelinessAssessed', data: { instrument: 'ucla3', answers: [3, 3, 2], score: 8, severe: true, scaleVersion: 'ucla3-v1', at: referredAt } },
    ]);
  });
});
