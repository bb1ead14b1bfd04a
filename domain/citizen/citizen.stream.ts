import { assertNever, BaseContext, Decider, Message } from '../shared/decider';
import { IllegalStateError, NotFoundError } from '../shared/errors';
import { FieldChecks } from '../shared/time';
import type { CitizenEvent } from './citizen.events';

export type WithdrawConsent = Message<'WithdrawConsent', { at: string }>;
export type EraseCitizen = Message<'EraseCitizen', Record<string, never>>;
export type CitizenCommand = WithdrawConsent | EraseCitizen;

export interface CitizenContext extends BaseContext {
  citizenId: string;
  /** Whether a referral has ever named the citizen (the case streams know; this stream starts later). */
  known: boolean;
}

export interface CitizenState {
  consentWithdrawn: boolean;
  erased: boolean;
}

function evolve(state: CitizenState, event: CitizenEvent): CitizenState {
  switch (event.type) {
    case 'ConsentWithdrawn':
      return { ...state, consentWithdrawn: true };
    case 'CitizenErased':
      return { ...state, erased: true };
    default:
      return assertNever(event);
  }
}

function decide(command: CitizenCommand, state: CitizenState, context: CitizenContext): CitizenEvent[] {
  if (!context.known) throw new NotFoundError('citizen', context.citizenId);
  if (state.erased) throw new IllegalStateError('citizen_erased', `citizen ${context.citizenId} has been erased`);
  switch (command.type) {
    case 'WithdrawConsent': {
      if (state.consentWithdrawn) throw new IllegalStateError('consent_already_withdrawn', 'consent is already withdrawn');
      const checks = new FieldChecks(context.now);
      const at = checks.happened('at', command.data.at);
      checks.check();
      return [{ type: 'ConsentWithdrawn', data: { at, by: context.actor.id } }];
    }
    case 'EraseCitizen':
      return [{ type: 'CitizenErased', data: { at: context.now, by: context.actor.id } }];
    default:
      return assertNever(command);
  }
}

/** The citizen stream `citizen-<citizenId>` as a decider. */
export const citizenDecider: Decider<CitizenCommand, CitizenEvent, CitizenState, CitizenContext> = {
  initialState: () => ({ consentWithdrawn: false, erased: false }),
  evolve,
  decide,
};
