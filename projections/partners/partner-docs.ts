import type { ReferrerRole } from '../../domain/shared/codes';
import type { Attitude, KnowsUs, Material, MeetingKind, PartnerKind } from '../../domain/partner/partner.codes';
import type { PartnerContact, PartnerPerson } from '../../domain/partner/partner.events';

/** The documents of the `partners` read model (issue 21): three kinds, told apart by their fields. */

/** Referrals that named an organisation in free text only: one organisation in one role, however its name was typed. */
export interface Partner {
  /** The name as first written. */
  organisation: string;
  role: ReferrerRole;
  /** Every referral's time, for counting in any period. */
  referrals: string[];
}

export interface Meeting {
  meetingId: string;
  at: string;
  kind: MeetingKind;
  attendees: number;
  materials: Material[];
  note?: string;
  nextContactAt?: string;
}

export interface Assessment {
  assessedAt: string;
  knowsUs: KnowsUs;
  attitude: Attitude;
  whatTheyGain?: string;
  contactPerson?: string;
}

/** A partner in the register: its people, its meetings, and the referrals that named it by id. */
export interface RegisteredPartner {
  partnerId: string;
  name: string;
  kind: PartnerKind;
  address?: string;
  postcode?: string;
  leader: PartnerPerson;
  /** Only the current ones: a removed contact is deleted from the document, name, phone and all. */
  contacts: PartnerContact[];
  registeredAt: string;
  retired: boolean;
  meetings: Meeting[];
  assessment?: Assessment;
  /** Free-text organisations linked to it, normalised: their referrals count for it. */
  aliases: string[];
  /** Referrals that named it by `referrer.partnerId`: time and role. */
  referrals: string[];
  roles: ReferrerRole[];
  /** Referral cards sent from /henvis with its code: when each came in (issue 21). */
  cards?: string[];
}

/** The citizen and their relatives: a channel, counted apart from the partners (seed 000: "Borgeren selv"). */
export interface Channel {
  channel: 'self' | 'relative';
  referrals: string[];
}

export type PartnersDoc = Partner | RegisteredPartner | Channel;

export const isRegistered = (doc: PartnersDoc): doc is RegisteredPartner => 'partnerId' in doc;
export const isChannel = (doc: PartnersDoc): doc is Channel => 'channel' in doc;
export const isReferralGroup = (doc: PartnersDoc): doc is Partner => !isRegistered(doc) && !isChannel(doc);

export const registeredKey = (partnerId: string): string => `registered:${partnerId}`;
export const channelKey = (channel: Channel['channel']): string => `channel:${channel}`;
