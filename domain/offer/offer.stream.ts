import { CLOCK } from '../matching/matching.codes';
import { POSTCODE } from '../matching/matching.checks';
import { normalisePhone } from '../shared/danish';
import { assertNever, Decider } from '../shared/decider';
import { IllegalStateError, NotFoundError } from '../shared/errors';
import { FieldChecks } from '../shared/time';
import type { OfferCommand, OfferContext, RegisterOffer, UpdateOffer } from './offer.commands';
import type { OfferChanges, OfferDetails, OfferEvent } from './offer.events';

/** An offer in the catalogue: active until retired. */
export type OfferState = { status: 'None' } | ({ status: 'Registered'; offerId: string; active: boolean } & OfferDetails);


function evolve(state: OfferState, event: OfferEvent): OfferState {
  if (event.type === 'OfferRegistered') return state.status === 'None' ? { status: 'Registered', ...event.data, active: true } : state;
  if (state.status === 'None') return state;
  switch (event.type) {
    case 'OfferUpdated':
      return applyChanges(state, event.data.changes);
    case 'OfferRetired':
      return { ...state, active: false };
    default:
      return assertNever(event);
  }
}

function decide(command: OfferCommand, state: OfferState, context: OfferContext): OfferEvent[] {
  if (command.type === 'RegisterOffer') return register(command, state, context);
  if (state.status === 'None') throw new NotFoundError('offer', context.offerId ?? 'unknown');
  if (!state.active) throw new IllegalStateError('offer_retired', 'the offer is retired and takes no more changes');
  switch (command.type) {
    case 'UpdateOffer':
      return update(command, state, context);
    case 'RetireOffer': {
      const checks = new FieldChecks(context.now);
      const at = checks.happened('at', command.data.at ?? context.now);
      checks.check();
      return [{ type: 'OfferRetired', data: { at, ...(command.data.reason !== undefined && { reason: command.data.reason }) } }];
    }
    default:
      return assertNever(command);
  }
}

function register({ data }: RegisterOffer, state: OfferState, context: OfferContext): OfferEvent[] {
  if (state.status !== 'None') throw new IllegalStateError('offer_exists', `offer ${data.offerId} is already registered`);
  const checks = new FieldChecks(context.now);
  const details = checked(checks, data) as OfferDetails;
  checks.check();
  return [{ type: 'OfferRegistered', data: { offerId: data.offerId, ...details } }];
}

/** "What changed": only fields whose value differs from the catalogue's go into the event. */
function update({ data }: UpdateOffer, state: Extract<OfferState, { status: 'Registered' }>, context: OfferContext): OfferEvent[] {
  const checks = new FieldChecks(context.now);
  const wanted = checked(checks, data);
  checks.check();
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(wanted)) {
    if (value === undefined) continue;
    const current = (state as unknown as Record<string, unknown>)[key];
    const same = value === null ? current === undefined : JSON.stringify(value) === JSON.stringify(current);
    if (!same) changes[key] = value;
  }
  if (Object.keys(changes).length === 0) throw new IllegalStateError('offer_unchanged', 'the update changes nothing the catalogue holds');
  return [{ type: 'OfferUpdated', data: { changes: changes as OfferChanges } }];
}

/** Format rules beyond the DTO's (so the CLI's seed is held to them too); the phone normalised. */
function checked(checks: FieldChecks, data: OfferChanges): OfferChanges {
  if (data.postcode !== undefined && !POSTCODE.test(data.postcode)) checks.fail('postcode', 'postcode must be a Danish postcode: four digits');
  data.schedule?.forEach((meeting, i) => {
    if (!CLOCK.test(meeting.time)) checks.fail(`schedule.${i}.time`, 'time must be HH:MM');
  });
  if (data.name !== undefined && data.name.trim() === '') checks.fail('name', 'name must not be empty');
  let contact = data.contact;
  if (contact?.phone !== undefined) {
    const phone = normalisePhone(contact.phone);
    if (!phone) checks.fail('contact.phone', 'contact.phone must be a Danish phone number: +45 and 8 digits');
    contact = { ...contact, phone: phone ?? contact.phone };
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries({ ...data, ...(contact && { contact }) })) if (value !== undefined) out[key] = value;
  if (data.interests) out.interests = [...new Set(data.interests)];
  return out as OfferChanges;
}

function applyChanges(state: Extract<OfferState, { status: 'Registered' }>, changes: OfferChanges): OfferState {
  const next = { ...state } as Record<string, unknown>;
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next as OfferState;
}

/** The offer stream `offer-<offerId>` as a decider. */
export const offerDecider: Decider<OfferCommand, OfferEvent, OfferState, OfferContext> = {
  initialState: () => ({ status: 'None' }),
  evolve,
  decide,
};
