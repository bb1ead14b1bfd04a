import type { BaseContext, Message } from '../shared/decider';
import type { Attitude, KnowsUs, Material, MeetingKind, PartnerKind } from './partner.codes';
import type { PartnerContact, PartnerPerson } from './partner.events';

export type RegisterPartner = Message<
  'RegisterPartner',
  { partnerId: string; name: string; kind: PartnerKind; address?: string; postcode?: string; leader: PartnerPerson; contacts?: PartnerContact[] }
>;
export type UpdatePartner = Message<'UpdatePartner', { name?: string; kind?: PartnerKind; address?: string; postcode?: string; leader?: PartnerPerson }>;
export type AddPartnerContact = Message<'AddPartnerContact', PartnerContact>;
export type RemovePartnerContact = Message<'RemovePartnerContact', { contactId: string; reason?: string }>;
export type RetirePartner = Message<'RetirePartner', { reason?: string }>;
export type RecordOutreachMeeting = Message<
  'RecordOutreachMeeting',
  { meetingId: string; at: string; kind: MeetingKind; attendees: number; materials?: Material[]; note?: string; nextContactAt?: string }
>;
export type AssessPartner = Message<'AssessPartner', { knowsUs: KnowsUs; attitude: Attitude; whatTheyGain?: string; contactPerson?: string }>;
export type LinkPartnerAlias = Message<'LinkPartnerAlias', { organisation: string }>;

export type PartnerCommand =
  | RegisterPartner
  | UpdatePartner
  | AddPartnerContact
  | RemovePartnerContact
  | RetirePartner
  | RecordOutreachMeeting
  | AssessPartner
  | LinkPartnerAlias;

export interface PartnerContext extends BaseContext {
  partnerId?: string;
  /** For LinkPartnerAlias: the partner the organisation is already linked to, if any (looked up before deciding). */
  aliasOwner?: { partnerId: string; name: string };
}
