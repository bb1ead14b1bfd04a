import { normalisePhone, parseCpr, UCLA3, ucla3Score } from '../shared/danish';
import { assertNever, Decider } from '../shared/decider';
import { IllegalStateError, NotFoundError } from '../shared/errors';
import { FieldChecks } from '../shared/time';
import type { RecordScreening, ReferScreening, ScreeningCommand, ScreeningContext } from './screening.commands';
import type { LonelinessScreened, ScreenedCitizen, ScreeningEvent } from './screening.events';

export type ScreeningState =
  | { status: 'None' }
  | { status: 'Screened'; at: string; unit: string; score: number; lonely: boolean; consentToRefer: boolean; citizen?: ScreenedCitizen; note?: string; caseId?: string };

type Screened = Extract<ScreeningState, { status: 'Screened' }>;

/** Without consent to refer the service keeps nothing about the person: the screening counts, but names nobody. */
export const WITHOUT_CONSENT = 'without consent to refer no personal data is kept: leave out citizen and note (only unit, time and score are recorded)';

function evolve(state: ScreeningState, event: ScreeningEvent): ScreeningState {
  switch (event.type) {
    case 'LonelinessScreened': {
      if (state.status !== 'None') return state;
      const { at, unit, score, lonely, consentToRefer, citizen, note } = event.data;
      return { status: 'Screened', at, unit, score, lonely, consentToRefer, ...(citizen && { citizen }), ...(note !== undefined && { note }) };
    }
    case 'ScreeningReferred':
      return state.status === 'Screened' ? { ...state, caseId: event.data.caseId } : state;
    default:
      return assertNever(event);
  }
}

function decide(command: ScreeningCommand, state: ScreeningState, context: ScreeningContext): ScreeningEvent[] {
  switch (command.type) {
    case 'RecordScreening':
      return [record(command, state, context)];
    case 'ReferScreening':
      return [refer(command, referable(state, context), context)];
    default:
      return assertNever(command);
  }
}

/** UCLA-3 checked as on a case; personal data only with consent, and then at least a name to refer by. */
function record({ data }: RecordScreening, state: ScreeningState, context: ScreeningContext): LonelinessScreened {
  if (state.status !== 'None') throw new IllegalStateError('screening_exists', `screening ${data.screeningId} is already recorded`);
  const checks = new FieldChecks(context.now);
  const at = checks.happened('at', data.at);
  const score = ucla3Score(data.ucla3);
  if (score === undefined) checks.fail('ucla3', `ucla3 must be ${UCLA3.items} answers, each a whole number from ${UCLA3.min} to ${UCLA3.max}`);
  if (!data.consentToRefer) {
    if (data.citizen !== undefined) checks.fail('citizen', WITHOUT_CONSENT);
    if (data.note !== undefined) checks.fail('note', WITHOUT_CONSENT);
  } else if (data.citizen === undefined) {
    checks.fail('citizen', 'citizen (at least a name) is required when the citizen consents to be referred');
  }
  const citizen = data.consentToRefer && data.citizen ? citizenChecked(checks, data.citizen) : undefined;
  checks.check();
  return {
    type: 'LonelinessScreened',
    data: {
      screeningId: data.screeningId,
      at,
      unit: data.unit,
      ucla3: data.ucla3 as [number, number, number],
      score: score!,
      lonely: score! >= UCLA3.severeFrom,
      scaleVersion: UCLA3.version,
      consentToRefer: data.consentToRefer,
      ...(citizen && { citizen }),
      ...(data.consentToRefer && data.note !== undefined && { note: data.note }),
    },
  };
}

/**
 * Whether the screening may become a referral: it exists, the citizen
 * consented, and it has not been referred already. The runner asks this
 * before it makes the case, and the decider again when it records the referral.
 */
export function referable(state: ScreeningState, context: Pick<ScreeningContext, 'screeningId'>): Screened {
  if (state.status === 'None') throw new NotFoundError('screening', context.screeningId);
  if (!state.consentToRefer) throw new IllegalStateError('screening_without_consent', 'the citizen did not consent to be referred: the screening names nobody and cannot become a referral');
  if (state.caseId !== undefined) throw new IllegalStateError('screening_referred', `the screening has already become the case ${state.caseId}`, { caseId: state.caseId });
  return state;
}

function refer({ data }: ReferScreening, state: Screened, context: ScreeningContext): ScreeningEvent {
  const checks = new FieldChecks(context.now);
  const at = checks.happened('at', data.at);
  checks.check();
  if (Date.parse(at) < Date.parse(state.at)) throw new IllegalStateError('before_screening', 'the referral cannot come before the screening');
  return { type: 'ScreeningReferred', data: { caseId: data.caseId, programme: data.programme, at } };
}

function citizenChecked(checks: FieldChecks, citizen: ScreenedCitizen): ScreenedCitizen {
  if (citizen.cpr !== undefined && !parseCpr(citizen.cpr)) checks.fail('citizen.cpr', 'citizen.cpr must be DDMMYY-SSSS with a real date');
  const phone = citizen.phone === undefined ? undefined : normalisePhone(citizen.phone);
  if (citizen.phone !== undefined && !phone) checks.fail('citizen.phone', 'citizen.phone must be a Danish phone number: +45 and 8 digits');
  return { name: citizen.name, ...(phone && { phone }), ...(citizen.cpr !== undefined && { cpr: citizen.cpr }) };
}

/** The screening stream `screening-<screeningId>` as a decider. */
export const screeningDecider: Decider<ScreeningCommand, ScreeningEvent, ScreeningState, ScreeningContext> = {
  initialState: () => ({ status: 'None' }),
  evolve,
  decide,
};
