import type { CaseEventType } from '../../domain/case/case.events';

/** The Danish words for each event on a citizen's timeline, as in docs/event-catalogue.md. */
export const HISTORY_LABELS: Readonly<Record<CaseEventType, string>> = {
  ReferralReceived: 'Henvisning modtaget',
  TriagedToVolunteer: 'Visiteret til frivillig',
  TriagedToProfessional: 'Visiteret til professionel',
  FirstVisitBooked: 'Første besøg aftalt',
  VisitHeld: 'Besøg gennemført',
  VisitorDismissedButReturning: 'Fyret, men kommer igen',
  VisitRescheduled: 'Besøg flyttet',
  VisitCancelled: 'Besøg aflyst',
  RiskFlagged: 'Risiko registreret',
  VisitorReassigned: 'Ny besøgsven',
  TaskOpened: 'Opgave oprettet',
  TaskCompleted: 'Opgave løst',
  LonelinessAssessed: 'Ensomhed målt (UCLA-3)',
  RelationEstablished: 'Ny relation etableret',
  ReferralDeclined: 'Henvisning afvist',
  CaseClosed: 'Sag afsluttet',
  WishesRecorded: 'Ønsker registreret',
  IntroducedToOffer: 'Introduceret til tilbud',
  OfferOutcomeRecorded: 'Udfald af tilbud registreret',
};

/** A label for any stored type, also one a newer version added. */
export const historyLabel = (type: string): string => HISTORY_LABELS[type as CaseEventType] ?? type;
