import type { Message } from '../shared/decider';
import type { PersonalParts } from '../shared/personal';
import type { Attitude, KnowsUs, Material, MeetingKind, PartnerKind } from './partner.codes';

/** The partner stream `partner-<partnerId>`: one organisation that refers citizens, and the outreach to it. */

/** A person at the partner (the leader, a contact): staff data of the partner, not a citizen's. */
export interface PartnerPerson {
  name: string;
  /** `+45` and 8 digits */
  phone?: string;
  email?: string;
}

export interface PartnerContact extends PartnerPerson {
  contactId: string;
  /** What they do at the partner ("afdelingsleder", "SoSu-assistent"). */
  role: string;
}

export type PartnerRegistered = Message<
  'PartnerRegistered',
  { partnerId: string; name: string; kind: PartnerKind; address?: string; postcode?: string; leader: PartnerPerson; contacts: PartnerContact[] }
>;
/** Only what changed; `leader` is given whole. */
export type PartnerUpdated = Message<'PartnerUpdated', { name?: string; kind?: PartnerKind; address?: string; postcode?: string; leader?: PartnerPerson }>;
export type PartnerContactAdded = Message<'PartnerContactAdded', PartnerContact>;
/** The contact is gone: the read model and every answer forget their name, phone and e-mail. */
export type PartnerContactRemoved = Message<'PartnerContactRemoved', { contactId: string; reason?: string }>;
/** No longer a partner (closed, merged): kept for history, no more outreach. */
export type PartnerRetired = Message<'PartnerRetired', { reason?: string }>;
/** Seed 002: "Det første møde med ledelsen", "Møder med personalet", and when to come back. */
export type OutreachMeetingHeld = Message<
  'OutreachMeetingHeld',
  { meetingId: string; at: string; kind: MeetingKind; attendees: number; materials: Material[]; note?: string; nextContactAt?: string }
>;
/** Seed 002's questions about a partner group: do they know us, how do they see us, what do they gain. */
export type PartnerAssessed = Message<'PartnerAssessed', { assessedAt: string; knowsUs: KnowsUs; attitude: Attitude; whatTheyGain?: string; contactPerson?: string }>;
/** Referrals that named this partner in free text (as typed, e.g. "Hjemmeplejen  Syd") count for it. */
export type PartnerAliasLinked = Message<'PartnerAliasLinked', { organisation: string }>;

export type PartnerEvent =
  | PartnerRegistered
  | PartnerUpdated
  | PartnerContactAdded
  | PartnerContactRemoved
  | PartnerRetired
  | OutreachMeetingHeld
  | PartnerAssessed
  | PartnerAliasLinked;

/**
 * No citizen's data: a partner's people are staff data of the partner, kept
 * in clear like a visitor's (docs/privacy.md, "Partners"). A meeting's note
 * is about the meeting, never about a citizen.
 */
export const PARTNER_PERSONAL_DATA: PersonalParts<PartnerEvent> = {
  PartnerRegistered: { partnerId: 'clear', name: 'clear', kind: 'clear', address: 'clear', postcode: 'clear', leader: 'clear', contacts: 'clear' },
  PartnerUpdated: { name: 'clear', kind: 'clear', address: 'clear', postcode: 'clear', leader: 'clear' },
  PartnerContactAdded: { contactId: 'clear', name: 'clear', role: 'clear', phone: 'clear', email: 'clear' },
  PartnerContactRemoved: { contactId: 'clear', reason: 'clear' },
  PartnerRetired: { reason: 'clear' },
  OutreachMeetingHeld: { meetingId: 'clear', at: 'clear', kind: 'clear', attendees: 'clear', materials: 'clear', note: 'clear', nextContactAt: 'clear' },
  PartnerAssessed: { assessedAt: 'clear', knowsUs: 'clear', attitude: 'clear', whatTheyGain: 'clear', contactPerson: 'clear' },
  PartnerAliasLinked: { organisation: 'clear' },
};
