import type { OfferDetails } from '../../domain/offer/offer.events';

/** An offer as the Directory keeps it: the catalogue's details (the contact still sealed) and whether it is active. */
export interface OfferEntry extends OfferDetails {
  offerId: string;
  active: boolean;
}

/** Applies one event of an offer stream; true when it changed an entry. */
export function applyOffer(offers: Map<string, OfferEntry>, type: string, data: Record<string, unknown>, offerId: string): boolean {
  if (type === 'OfferRegistered') {
    offers.set(offerId, { ...(data as unknown as OfferDetails), offerId, active: true });
    return true;
  }
  const offer = offers.get(offerId);
  if (!offer) return false;
  if (type === 'OfferUpdated') {
    const entry = offer as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(data.changes as Record<string, unknown>)) {
      if (value === null) delete entry[key];
      else entry[key] = value;
    }
  }
  if (type === 'OfferRetired') offer.active = false;
  return true;
}
