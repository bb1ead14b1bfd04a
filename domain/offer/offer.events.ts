import type { Interest, Meeting, OfferKind } from '../matching/matching.codes';
import type { Message } from '../shared/decider';
import type { PersonalParts } from '../shared/personal';

/**
 * The offer stream `offer-<offerId>`: one place in the catalogue of local
 * communities a citizen can be introduced to (seed 003: the guides "matcher med
 * lokale tilbud"). An offer is not a citizen: its only personal data is its
 * contact person, sealed under a key of the offer's own (named by its id), so
 * the contact can be erased without touching any citizen.
 */

export interface OfferContact {
  /** personal: the contact person at the offer */
  name: string;
  /** personal; `+45` and 8 digits */
  phone?: string;
}

/** What the catalogue says about an offer; every field but the contact in clear. */
export interface OfferDetails {
  name: string;
  kind: OfferKind;
  organisation: string;
  /** The street address where it meets (a place, not a person). */
  address: string;
  /** Four digits: decides "same area" in the suggestions. */
  postcode: string;
  /** When it meets each week, local time. */
  schedule: Meeting[];
  interests: Interest[];
  /** Who it is for, in the organisation's words ("voksne 18-40 med langvarig sygdom"). */
  targetGroup?: string;
  /** Step-free, with a toilet a wheelchair user can use. */
  accessible: boolean;
  contact: OfferContact;
}

export type OfferRegistered = Message<'OfferRegistered', OfferDetails & { offerId: string }>;
/** Only the fields that changed, with their new values (`targetGroup: null`: removed). */
export type OfferUpdated = Message<'OfferUpdated', { changes: OfferChanges }>;
/** The offer has ended or is no longer one we introduce citizens to; it stays in the log and in past introductions. */
export type OfferRetired = Message<'OfferRetired', { at: string; reason?: string }>;

export type OfferChanges = Partial<Omit<OfferDetails, 'targetGroup'>> & { targetGroup?: string | null };

export type OfferEvent = OfferRegistered | OfferUpdated | OfferRetired;

const CONTACT = { name: 'personal', phone: 'personal' } as const;

/** The contact person is the only personal part of an offer. */
export const OFFER_PERSONAL_DATA: PersonalParts<OfferEvent> = {
  OfferRegistered: {
    offerId: 'clear', name: 'clear', kind: 'clear', organisation: 'clear', address: 'clear', postcode: 'clear',
    schedule: 'clear', interests: 'clear', targetGroup: 'clear', accessible: 'clear', contact: CONTACT,
  },
  OfferUpdated: {
    changes: {
      name: 'clear', kind: 'clear', organisation: 'clear', address: 'clear', postcode: 'clear',
      schedule: 'clear', interests: 'clear', targetGroup: 'clear', accessible: 'clear', contact: CONTACT,
    },
  },
  OfferRetired: { at: 'clear', reason: 'clear' },
};

/** Business time: a registration or an update happened when it was recorded; a retirement says when. */
export const offerOccurredAt = (event: OfferEvent, now: string): string => (event.type === 'OfferRetired' ? event.data.at : now);
