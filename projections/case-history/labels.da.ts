import type { CaseEventType } from '../../domain/case/case.events';
import { capitalise, helperWord } from '../../domain/shared/helper-words';

/** A label that names the helper takes the case's programme (domain/shared/helper-words.ts). */
type Label = string | ((programme: string | undefined) => string);

/**
 * The Danish words for each event on a citizen's timeline, as in docs/event-catalogue.md.
 * Triage is a *vurdering* ("Efterfølgende vurderer besøgstjenestelederen …", seed 000);
 * *visitation* is the municipality's formal needs assessment, so the label never says so.
 */
export const HISTORY_LABELS: Readonly<Record<CaseEventType, Label>> = {
  ReferralReceived: 'Henvisning modtaget',
  ReferralCorrected: 'Henvisning rettet',
  TriagedToVolunteer: 'Vurderet til frivilligt spor',
  TriagedToProfessional: 'Vurderet til fagligt spor',
  FirstVisitBooked: 'Første besøg aftalt',
  VisitHeld: 'Besøg gennemført',
  VisitorDismissedButReturning: 'Fyret, men kommer igen',
  VisitRescheduled: 'Besøg flyttet',
  VisitCancelled: 'Besøg aflyst',
  RiskFlagged: 'Risiko registreret',
  VisitorReassigned: (programme) => capitalise(`ny ${helperWord(programme)}`),
  TaskOpened: 'Opgave oprettet',
  TaskCompleted: 'Opgave løst',
  LonelinessAssessed: 'Ensomhed målt (UCLA-3)',
  RelationEstablished: 'Ny relation etableret',
  ReferralDeclined: 'Henvisning afvist',
  CaseClosed: 'Sag afsluttet',
  NextVisitBooked: 'Næste besøg aftalt',
  VisitSlotAgreed: 'Fast besøgstid aftalt',
  CasePaused: 'Besøg sat på pause',
  CaseResumed: 'Besøg genoptaget',
  WishesRecorded: 'Ønsker registreret',
  IntroducedToOffer: 'Introduceret til tilbud',
  OfferOutcomeRecorded: 'Udfald af tilbud registreret',
  // The course of a case (issue #19).
  RelativeAdded: 'Pårørende tilføjet',
  RelativeRemoved: 'Pårørende fjernet',
  CitizenAccompanied: (programme) => `Fulgtes med ${helperWord(programme, 'definite')}`,
  CitizenWentAlone: 'Gik selv afsted',
  AgreementRecorded: 'Aftale om forløbet',
  // The companion (bisidder, issue #19): "støtte før, under og efter en samtale" (seed 002).
  AppointmentScheduled: 'Aftale om ledsagelse til møde',
  AppointmentAccompanied: (programme) => `Fulgt til møde af ${helperWord(programme, 'definite')}`,
  AppointmentCancelled: 'Møde med ledsagelse aflyst',
  // After the end (issue #19).
  FollowUpScheduled: 'Opfølgning planlagt',
  FollowUpHeld: 'Opfølgning gennemført',
  ReferredOnward: 'Henvist videre',
  CaseReassessed: 'Vurderet på ny',
};

/** A label for any stored type, also one a newer version added, in the words of the case's programme. */
export const historyLabel = (type: string, programme?: string): string => {
  const label = HISTORY_LABELS[type as CaseEventType] ?? type;
  return typeof label === 'function' ? label(programme) : label;
};

/** The programme a case's stream was referred to (its first event says), for the labels that name the helper. */
export const programmeOf = (stream: ReadonlyArray<{ type: string; data: unknown }>): string | undefined => {
  const referral = stream.find((event) => event.type === 'ReferralReceived');
  const programme = (referral?.data as { programme?: unknown } | undefined)?.programme;
  return typeof programme === 'string' ? programme : undefined;
};
