import type { Programme } from '../shared/codes';
import type { BaseContext, Message } from '../shared/decider';
import type { CardChannel, CardCitizen, CardSender } from './intake.events';

/** What the public form sent, checked at the edge already; ids and the receipt minted there. */
export type SubmitReferralCard = Message<
  'SubmitReferralCard',
  {
    cardId: string;
    receipt: string;
    channel: CardChannel;
    partnerCode?: string;
    programme?: Programme;
    citizen: CardCitizen;
    sender?: CardSender;
    message: string;
    consent: boolean;
  }
>;
/** Recorded once the case is made (src/referral-cards: the ordinary ReceiveReferral runs first). */
export type AcceptReferralCard = Message<'AcceptReferralCard', { caseId: string; citizenId: string; knownCitizen: boolean }>;
export type RejectReferralCard = Message<'RejectReferralCard', { reason: string }>;

export type IntakeCommand = SubmitReferralCard | AcceptReferralCard | RejectReferralCard;

export interface IntakeContext extends BaseContext {
  cardId: string;
  /** For SubmitReferralCard: the registered, active partner whose code the card carries, if any (looked up before deciding). */
  partnerId?: string;
}
