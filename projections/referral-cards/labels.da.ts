import type { IntakeEvent } from '../../domain/intake/intake.events';
import type { CardStatus } from '../../domain/intake/intake.stream';

/** The card's history in Danish (the inbox shows each step); typed complete, so a new event type needs its words. */
export const INTAKE_LABELS: Readonly<Record<IntakeEvent['type'], string>> = {
  ReferralCardSubmitted: 'Henvisningskort modtaget',
  ReferralCardAccepted: 'Henvisningskort taget ind som sag',
  ReferralCardRejected: 'Henvisningskort afvist',
};

export const CARD_STATUS_LABELS: Readonly<Record<CardStatus, string>> = {
  new: 'Ny',
  accepted: 'Taget ind',
  rejected: 'Afvist',
};
