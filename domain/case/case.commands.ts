import type { ProgrammeSettingsTable } from '../programme/programme.settings';
import type { VolunteerStanding } from '../visitor/volunteer.standing';
import type {
  CancelledBy,
  ClosureReason,
  Need,
  Priority,
  Programme,
  RelationKind,
  TaskKind,
  Track,
  VisitorKind,
} from '../shared/codes';
import type { AgreementFrequency, AgreementParty, Involvement, RelativeRelation } from '../shared/course-codes';
import type { DeclineReason, FollowUpOutcome, OnwardDestination } from '../shared/course-codes';
import type { AppointmentWith } from '../shared/companion-codes';
import type { BaseContext, Message } from '../shared/decider';
import type { CitizenDetails, Consent, OfferOutcome, Referrer, Situation } from './case.events';
import type { CitizenWishes } from '../matching/matching.profile';
import type { OfferKind } from '../matching/matching.codes';

/** Commands carry what the user asked for; ids that must be minted are minted before `decide` (no randomness inside). */
export type ReceiveReferral = Message<
  'ReceiveReferral',
  {
    caseId: string;
    /** A new id for a new citizen, or the id of a citizen already known. */
    citizenId: string;
    programme: Programme;
    referredAt: string;
    referrer: Referrer;
    /** Required for a new citizen; must be absent when `context.citizen` says the citizen is known. */
    citizen?: CitizenDetails;
    situation: Situation;
    needs: Need[];
    requestedTasks: TaskKind[];
    /** May be absent only when the citizen refers themself. */
    consent?: Consent;
    /** The citizen's wishes, if the referral tells them (issue #18): recorded as WishesRecorded. */
    wishes?: CitizenWishes;
    /** Issue 22: the screening this referral came from. */
    screeningId?: string;
  }
>;
/** `at`: when the coordinator triaged (default: now); not before the referral. */
export type TriageCase = Message<'TriageCase', { track: Track; reason: string; priority: Priority; at?: string }>;
export type DeclineReferral = Message<'DeclineReferral', { reason: DeclineReason; at?: string }>;
/** `visitAt`: the agreed time of the visit; `at`: when it was booked (default: now), not before the referral or the triage. */
export type BookFirstVisit = Message<'BookFirstVisit', { visitorId: string; visitAt: string; at?: string }>;
/** `participants`: relatives on the case who took part (issue #19). */
export type RecordVisit = Message<
  'RecordVisit',
  { visitorId: string; visitedAt: string; nextVisitAt?: string; themes?: string[]; note?: string; participants?: string[]; durationMinutes?: number }
>;
export type RescheduleVisit = Message<'RescheduleVisit', { from: string; to: string; citizenNotified: boolean }>;
/** `citizenNotified`: required (true) when the visitor cancels: "ringer vi altid inden". */
export type CancelVisit = Message<'CancelVisit', { at: string; by: CancelledBy; reason: string; citizenNotified?: boolean }>;
export type RecordDismissal = Message<
  'RecordDismissal',
  { visitorId: string; at: string; nextVisitAt: string; assessment: string }
>;
export type ReassignVisitor = Message<'ReassignVisitor', { toVisitorId: string; reason: string }>;
export type OpenTask = Message<'OpenTask', { taskId: string; kind: TaskKind; description: string }>;
export type CompleteTask = Message<'CompleteTask', { taskId: string; outcome: string }>;
export type AssessLoneliness = Message<
  'AssessLoneliness',
  { instrument: 'ucla3'; answers: number[]; at?: string }
>;
export type EstablishRelation = Message<'EstablishRelation', { kind: RelationKind; description: string; at: string }>;
export type FlagRisk = Message<'FlagRisk', { risk: Need; note: string; at: string }>;
/**
 * `followUpId`: minted for the follow-up a closing schedules by default;
 * `followUp: false` leaves it out, and then `noFollowUpReason` says why.
 */
export type CloseCase = Message<
  'CloseCase',
  { reason: ClosureReason; at?: string; followUpId: string; followUp?: boolean; noFollowUpReason?: string }
>;
/** Any part of the referral as it should have read; what equals the referral as it stands is left out of the event. */
export type CorrectReferral = Message<
  'CorrectReferral',
  {
    situation?: Situation;
    needs?: Need[];
    requestedTasks?: TaskKind[];
    citizen?: { address?: string; phone?: string };
    referrer?: Referrer;
  }
>;

// The visit plan (issue #17): the next visit when none is agreed, a fixed time, a pause (domain/case/case.schedule.ts).
export type BookNextVisit = Message<'BookNextVisit', { visitAt: string; citizenNotified: boolean }>;
export type AgreeVisitSlot = Message<'AgreeVisitSlot', { weekday: number; time: string; everyWeeks: number }>;
export type PauseCase = Message<'PauseCase', { reason: string; at: string; until?: string }>;
export type ResumeCase = Message<'ResumeCase', { at: string }>;

// Matching (issue #18)
export type RecordWishes = Message<'RecordWishes', CitizenWishes>;
export type IntroduceToOffer = Message<'IntroduceToOffer', { offerId: string; at: string; accompaniedBy?: string }>;
/** `relation`: a joined offer is also recorded as a relation of kind `community` (the goal of seed 003). */
export type RecordOfferOutcome = Message<'RecordOfferOutcome', { offerId: string; outcome: OfferOutcome; at: string; note?: string; relation?: boolean }>;

// The course of a case (issue #19): domain/case/case.course.ts.
export type AddRelative = Message<
  'AddRelative',
  { relativeId: string; name: string; relation: RelativeRelation; phone?: string; note?: string; involvement?: Involvement[] }
>;
export type RemoveRelative = Message<'RemoveRelative', { relativeId: string; reason: string }>;
export type RecordAccompaniment = Message<
  'RecordAccompaniment',
  { at: string; to: { offerId?: string; activity: string }; visitorId: string; firstTime: boolean; note?: string }
>;
export type RecordWentAlone = Message<'RecordWentAlone', { at: string; offerId?: string; activity: string }>;
export type RecordAgreement = Message<
  'RecordAgreement',
  { goals: string[]; frequency: AgreementFrequency; expectedEnd?: string; endCriteria: string; agreedWith: AgreementParty[] }
>;

// The companion's appointments (issue #19, seed 002): domain/case/case.companions.ts; `appointmentId` minted before deciding.
export type ScheduleAppointment = Message<
  'ScheduleAppointment',
  { appointmentId: string; with: AppointmentWith; purpose: string; at: string; preparation?: string }
>;
export type RecordAppointmentAccompanied = Message<'RecordAppointmentAccompanied', { appointmentId: string; at: string; debrief: string }>;
export type CancelAppointment = Message<'CancelAppointment', { appointmentId: string; reason: string }>;

// After the end (issue #19): domain/case/case.after-close.ts.
export type HoldFollowUp = Message<
  'HoldFollowUp',
  { followUpId: string; at: string; outcome: FollowUpOutcome; ucla3?: number[]; note?: string }
>;
/** `close`: the case ends with `transferred_to_professionals` (and its follow-up, `followUpId`). */
/** Who assesses (seed 003): a new judgement of the track after the first meeting; `needs` found since. */
export type ReassessCase = Message<'ReassessCase', { track: Track; reason: string; needs?: Need[] }>;
export type ReferOnward = Message<'ReferOnward', { to: OnwardDestination; reason: string; at: string; close?: boolean; followUpId: string }>;

export type CaseCommand =
  | ReceiveReferral
  | TriageCase
  | DeclineReferral
  | BookFirstVisit
  | RecordVisit
  | RescheduleVisit
  | CancelVisit
  | RecordDismissal
  | ReassignVisitor
  | OpenTask
  | CompleteTask
  | AssessLoneliness
  | EstablishRelation
  | FlagRisk
  | CloseCase
  | BookNextVisit
  | AgreeVisitSlot
  | PauseCase
  | ResumeCase
  | CorrectReferral
  | RecordWishes
  | IntroduceToOffer
  | RecordOfferOutcome
  | AddRelative
  | RemoveRelative
  | RecordAccompaniment
  | RecordWentAlone
  | RecordAgreement
  | ScheduleAppointment
  | RecordAppointmentAccompanied
  | CancelAppointment
  | HoldFollowUp
  | ReferOnward
  | ReassessCase;

/** A visitor as the registry knows them when the command is decided. */
export interface VisitorSnapshot {
  visitorId: string;
  name: string;
  phone?: string;
  kind: VisitorKind;
  capacity: number;
  active: boolean;
  /** Open (active) cases assigned to the visitor right now, this case excluded. */
  activeCases: number;
  /** The programmes the visitor's profile says they serve; absent (no profile yet): every programme (issue #18). */
  programmes?: Programme[];
  /** The volunteer's lifecycle (issue 20): absent for a visitor registered directly. */
  standing?: VolunteerStanding;
}

/** A citizen as known from earlier cases and the citizen stream. */
export interface CitizenSnapshot {
  citizenId: string;
  erased: boolean;
  /** Set when the referral's CPR number named this citizen (the citizen lookup): the name on record, opened, to compare. */
  knownByCpr?: { name: string };
}

/** The referral's personal parts as they stand, opened by the runner so `decide` can tell what a correction changes. */
export interface ReferralAsItStands {
  situation: Situation;
  citizen?: { address?: string; phone?: string };
  referrer: Referrer;
}

export interface CaseContext extends BaseContext {
  /** The case the command is for, so a refusal can name it (a new case's id is in its referral). */
  caseId?: string;
  /** The visitor named by BookFirstVisit / ReassignVisitor, looked up before deciding (undefined: unknown visitor). */
  visitor?: VisitorSnapshot;
  /** For ReceiveReferral: the citizen if already known (undefined: a new citizen). */
  citizen?: CitizenSnapshot;
  /** For CorrectReferral: the referral as it stands, opened (absent: compare with nothing, everything given is new). */
  referral?: ReferralAsItStands;
  /** For IntroduceToOffer: the offer as the catalogue holds it (undefined: unknown offer). */
  offer?: OfferSnapshot;
  /** For ReceiveReferral naming `referrer.partnerId`: whether the partner register has it (undefined: not looked up). */
  partnerKnown?: boolean;
  /** The programmes' settings in force (the Directory's); absent: the defaults (domain/programme/programme.settings.ts). */
  programmes?: ProgrammeSettingsTable;
}

/** An offer of the catalogue as known when the command is decided. */
export interface OfferSnapshot {
  offerId: string;
  name: string;
  kind: OfferKind;
  active: boolean;
}
