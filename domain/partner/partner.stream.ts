import { normalisePhone } from '../shared/danish';
import { assertNever, Decider } from '../shared/decider';
import { FieldError, IllegalStateError, NotFoundError, ValidationError } from '../shared/errors';
import type { PartnerKind } from './partner.codes';
import type { PartnerCommand, PartnerContext, RecordOutreachMeeting, RegisterPartner, UpdatePartner } from './partner.commands';
import type { PartnerContact, PartnerEvent, PartnerPerson } from './partner.events';

/** "Hjemmeplejen  Syd" and "hjemmeplejen syd" are one organisation. */
export const normaliseOrganisation = (name: string): string => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('da');

export type PartnerState =
  | { status: 'None' }
  | {
      status: 'Registered';
      name: string;
      kind: PartnerKind;
      address?: string;
      postcode?: string;
      leader: PartnerPerson;
      /** By contactId; a removed contact is gone from the state too. */
      contacts: Map<string, PartnerContact>;
      aliases: Set<string>;
      retired: boolean;
    };

type Registered = Extract<PartnerState, { status: 'Registered' }>;

function evolve(state: PartnerState, event: PartnerEvent): PartnerState {
  if (event.type === 'PartnerRegistered') {
    if (state.status !== 'None') return state;
    const { partnerId: _id, contacts, ...rest } = event.data;
    return { status: 'Registered', ...rest, contacts: new Map(contacts.map((c) => [c.contactId, c])), aliases: new Set(), retired: false };
  }
  if (state.status === 'None') return state;
  switch (event.type) {
    case 'PartnerUpdated':
      return { ...state, ...event.data };
    case 'PartnerContactAdded':
      return { ...state, contacts: new Map(state.contacts).set(event.data.contactId, event.data) };
    case 'PartnerContactRemoved': {
      const contacts = new Map(state.contacts);
      contacts.delete(event.data.contactId);
      return { ...state, contacts };
    }
    case 'PartnerRetired':
      return { ...state, retired: true };
    case 'PartnerAliasLinked':
      return { ...state, aliases: new Set(state.aliases).add(normaliseOrganisation(event.data.organisation)) };
    case 'OutreachMeetingHeld':
    case 'PartnerAssessed':
      return state;
    default:
      return assertNever(event);
  }
}

function decide(command: PartnerCommand, state: PartnerState, context: PartnerContext): PartnerEvent[] {
  if (command.type === 'RegisterPartner') return register(command, state);
  if (state.status === 'None') throw new NotFoundError('partner', context.partnerId ?? 'unknown');
  if (state.retired) throw new IllegalStateError('partner_retired', 'the partner is retired from the register');
  switch (command.type) {
    case 'UpdatePartner':
      return update(command, state);
    case 'AddPartnerContact':
      return [{ type: 'PartnerContactAdded', data: person(command.data, 'contact') as PartnerContact }];
    case 'RemovePartnerContact':
      if (!state.contacts.has(command.data.contactId)) throw new NotFoundError('contact', command.data.contactId);
      return [{ type: 'PartnerContactRemoved', data: command.data }];
    case 'RetirePartner':
      return [{ type: 'PartnerRetired', data: command.data.reason === undefined ? {} : { reason: command.data.reason } }];
    case 'RecordOutreachMeeting':
      return [meeting(command, context.now)];
    case 'AssessPartner': {
      const { knowsUs, attitude, whatTheyGain, contactPerson } = command.data;
      return [{ type: 'PartnerAssessed', data: { assessedAt: context.now, knowsUs, attitude, ...(whatTheyGain !== undefined && { whatTheyGain }), ...(contactPerson !== undefined && { contactPerson }) } }];
    }
    case 'LinkPartnerAlias':
      return alias(command.data.organisation, state, context);
    default:
      return assertNever(command);
  }
}

function register({ data }: RegisterPartner, state: PartnerState): PartnerEvent[] {
  if (state.status !== 'None') throw new IllegalStateError('partner_exists', `partner ${data.partnerId} is already registered`);
  const errors: FieldError[] = [];
  const leader = person(data.leader, 'leader', errors);
  const contacts = (data.contacts ?? []).map((c, i) => person(c, `contacts.${i}`, errors) as PartnerContact);
  if (errors.length > 0) throw new ValidationError(errors);
  const { partnerId, name, kind, address, postcode } = data;
  return [{ type: 'PartnerRegistered', data: { partnerId, name, kind, ...(address !== undefined && { address }), ...(postcode !== undefined && { postcode }), leader, contacts } }];
}

/** Only what changed is recorded; nothing new is a 409, as for a visitor. */
function update({ data }: UpdatePartner, state: Registered): PartnerEvent[] {
  const errors: FieldError[] = [];
  const leader = data.leader && person(data.leader, 'leader', errors);
  if (errors.length > 0) throw new ValidationError(errors);
  if (Object.keys(data).length === 0) throw new ValidationError([{ field: 'body', message: 'give at least one of name, kind, address, postcode, leader' }]);
  const changed = {
    ...(data.name !== undefined && data.name !== state.name && { name: data.name }),
    ...(data.kind !== undefined && data.kind !== state.kind && { kind: data.kind }),
    ...(data.address !== undefined && data.address !== state.address && { address: data.address }),
    ...(data.postcode !== undefined && data.postcode !== state.postcode && { postcode: data.postcode }),
    ...(leader && JSON.stringify(leader) !== JSON.stringify(state.leader) && { leader }),
  };
  if (Object.keys(changed).length === 0) throw new IllegalStateError('partner_unchanged', 'the partner already reads so');
  return [{ type: 'PartnerUpdated', data: changed }];
}

/** A meeting is recorded once held: not in the future, and the next contact after it. */
function meeting({ data }: RecordOutreachMeeting, now: string): PartnerEvent {
  const errors: FieldError[] = [];
  if (Date.parse(data.at) > Date.parse(now)) errors.push({ field: 'at', message: 'a meeting is recorded once held: at cannot be in the future' });
  if (data.nextContactAt !== undefined && Date.parse(data.nextContactAt) <= Date.parse(data.at)) errors.push({ field: 'nextContactAt', message: 'nextContactAt must be after the meeting' });
  if (errors.length > 0) throw new ValidationError(errors);
  const { meetingId, at, kind, attendees, note, nextContactAt } = data;
  return {
    type: 'OutreachMeetingHeld',
    data: { meetingId, at, kind, attendees, materials: [...new Set(data.materials ?? [])], ...(note !== undefined && { note }), ...(nextContactAt !== undefined && { nextContactAt }) },
  };
}

/** An organisation's free-text name belongs to one partner only, so no referral is counted twice. */
function alias(organisation: string, state: Registered, context: PartnerContext): PartnerEvent[] {
  if (state.aliases.has(normaliseOrganisation(organisation))) throw new IllegalStateError('alias_exists', 'the organisation is already linked to this partner');
  const owner = context.aliasOwner;
  if (owner && owner.partnerId !== context.partnerId) {
    throw new IllegalStateError('alias_linked_elsewhere', `the organisation is already linked to ${owner.name} (${owner.partnerId})`, { partnerId: owner.partnerId, name: owner.name });
  }
  return [{ type: 'PartnerAliasLinked', data: { organisation: organisation.trim().replace(/\s+/g, ' ') } }];
}

/** A person's phone normalised (`40 50 60 70` → `+4540506070`), fields left out left out. */
function person<P extends PartnerPerson>(given: P, field: string, errors: FieldError[] = []): P {
  const phone = given.phone === undefined ? undefined : normalisePhone(given.phone);
  if (given.phone !== undefined && !phone) {
    errors.push({ field: `${field}.phone`, message: 'phone must be a Danish phone number: +45 and 8 digits' });
    if (field === 'contact') throw new ValidationError(errors);
  }
  const { phone: _given, ...rest } = given;
  return { ...rest, ...(phone && { phone }) } as P;
}

/** The partner stream `partner-<partnerId>` as a decider. */
export const partnerDecider: Decider<PartnerCommand, PartnerEvent, PartnerState, PartnerContext> = {
  initialState: () => ({ status: 'None' }),
  evolve,
  decide,
};
