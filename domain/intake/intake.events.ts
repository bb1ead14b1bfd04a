import type { Programme } from '../shared/codes';
import type { Message } from '../shared/decider';
import type { PersonalParts } from '../shared/personal';

/**
 * The intake stream `intake-<cardId>` (issue 21): one referral card from the
 * public form `/henvis`, waiting in the coordinator's inbox. Seed 003: "Hun
 * udfylder et henvisningskort i Center for Sundhed"; "Borgere kan også selv
 * række ud". Its personal data is sealed under a key of the card's own (the
 * cardId), destroyed REFERRAL_CARD_RETENTION_DAYS after the card is decided.
 */

/** Who filled in the card: the citizen, a relative, or someone at a partner. */
export const CARD_CHANNELS = ['self', 'relative', 'partner'] as const;
export type CardChannel = (typeof CARD_CHANNELS)[number];

export interface CardCitizen {
  /** personal */
  name: string;
  /** personal; `+45` and 8 digits */
  phone: string;
  /** personal */
  address?: string;
  /** Four digits; clear, as a case's postcode is (statistics). */
  postcode?: string;
}

export interface CardSender {
  /** personal */
  name: string;
  /** personal */
  phone?: string;
  /** The sender's workplace, as written (clear, as a referrer's organisation is). */
  organisation?: string;
}

export type ReferralCardSubmitted = Message<
  'ReferralCardSubmitted',
  {
    cardId: string;
    /** The short reference the sender quotes on the phone (`K7M-4QX`). */
    receipt: string;
    channel: CardChannel;
    /** The partner's code from its printed card (`/henvis?p=…`), as given. */
    partnerCode?: string;
    /** The registered partner the code named, when it named one: the card counts for it. */
    partnerId?: string;
    programme?: Programme;
    citizen: CardCitizen;
    sender?: CardSender;
    /** personal: what the sender wrote. */
    message: string;
    submittedAt: string;
  }
>;
/** The coordinator took the card in: a case was made through the ordinary ReceiveReferral. */
export type ReferralCardAccepted = Message<'ReferralCardAccepted', { caseId: string; citizenId: string; at: string; knownCitizen: boolean }>;
/** Not taken in (a test, a duplicate, outside the service's area). The reason may name the citizen: personal. */
export type ReferralCardRejected = Message<'ReferralCardRejected', { reason: string; at: string }>;

export type IntakeEvent = ReferralCardSubmitted | ReferralCardAccepted | ReferralCardRejected;

export const INTAKE_PERSONAL_DATA: PersonalParts<IntakeEvent> = {
  ReferralCardSubmitted: {
    cardId: 'clear',
    receipt: 'clear',
    channel: 'clear',
    partnerCode: 'clear',
    partnerId: 'clear',
    programme: 'clear',
    citizen: { name: 'personal', phone: 'personal', address: 'personal', postcode: 'clear' },
    sender: { name: 'personal', phone: 'personal', organisation: 'clear' },
    message: 'personal',
    submittedAt: 'clear',
  },
  ReferralCardAccepted: { caseId: 'clear', citizenId: 'clear', at: 'clear', knownCitizen: 'clear' },
  ReferralCardRejected: { reason: 'personal', at: 'clear' },
};
