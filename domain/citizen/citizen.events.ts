import type { Message } from '../shared/decider';
import type { PersonalParts } from '../shared/personal';

/**
 * The citizen stream `citizen-<citizenId>`: what concerns the person across
 * all their cases. A citizen comes into being with their first referral (in
 * the case stream); this stream holds consent withdrawal and erasure.
 */

/** The citizen withdraws consent; the service closes every open case with `consent_withdrawn`. */
export type ConsentWithdrawn = Message<'ConsentWithdrawn', { at: string; by: string }>;
/** An admin erases the citizen: the key to their personal data is destroyed (crypto-shredding). */
export type CitizenErased = Message<'CitizenErased', { at: string; by: string }>;

export type CitizenEvent = ConsentWithdrawn | CitizenErased;

/** Nothing personal: who acted (staff) and when. An erasure carries no words about the person. */
export const CITIZEN_PERSONAL_DATA: PersonalParts<CitizenEvent> = {
  ConsentWithdrawn: { at: 'clear', by: 'clear' },
  CitizenErased: { at: 'clear', by: 'clear' },
};
