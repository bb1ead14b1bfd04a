import type { BaseContext, Message } from '../shared/decider';
import type { OfferChanges, OfferDetails } from './offer.events';

export type RegisterOffer = Message<'RegisterOffer', OfferDetails & { offerId: string }>;
/** The fields to change; a field equal to what the catalogue holds is no change. */
export type UpdateOffer = Message<'UpdateOffer', OfferChanges>;
export type RetireOffer = Message<'RetireOffer', { at?: string; reason?: string }>;

export type OfferCommand = RegisterOffer | UpdateOffer | RetireOffer;

export interface OfferContext extends BaseContext {
  /** The offer the command is for, so a refusal can name it. */
  offerId?: string;
}
