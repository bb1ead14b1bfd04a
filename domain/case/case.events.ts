import type {
  CancelledBy,
  ClosureReason,
  Need,
  Priority,
  Programme,
  ReferrerRole,
  RelationKind,
  TaskKind,
  Track,
  VisitorKind,
} from '../shared/codes';
import type { AgreementFrequency, AgreementParty, Involvement, RelativeRelation } from '../shared/course-codes';
import type { DeclineReason, FollowUpOutcome, OnwardDestination } from '../shared/course-codes';
import type { Message } from '../shared/decider';
import type { PersonalParts } from '../shared/personal';
import type { CitizenWishes } from '../matching/matching.profile';
import type { OfferKind } from '../matching/matching.codes';

/**
 * The case stream's events (v1). Type names are stable, past tense, and the
 * contract with every stored event: never rename one, add a new version instead.
 *
 * Personal data lives only in the fields classified `personal` in
 * CASE_PERSONAL_DATA below, so that the privacy layer seals exactly those and
 * leaves the statistics in clear.
 */

export interface Referrer {
  /** personal */
  name: string;
  role: ReferrerRole;
  /** The partner organisation (e.g. "Hjemmeplejen Syd"); kept in clear for the partners view. */
  organisation?: string;
  /** personal; `+45` and 8 digits */
  phone?: string;
  /** Issue 21: the partner in the register who referred, when it is there (the free-text organisation stays). */
  partnerId?: string;
}

export interface CitizenDetails {
  /** personal */
  name: string;
  /** personal */
  address: string;
  /** personal; `+45` and 8 digits */
  phone?: string;
  /** personal; `DDMMYY-SSSS` */
  cpr?: string;
}

export interface Situation {
  /** personal: fysiske oplysninger */
  physical?: string;
  /** personal: psykiske oplysninger */
  psychological?: string;
  /** personal: sociale oplysninger */
  social?: string;
}

export interface Consent {
  given: boolean;
  /** personal: who recorded the citizen's acceptance */
  recordedBy?: string;
  at?: string;
}

export type ReferralReceived = Message<
  'ReferralReceived',
  {
    caseId: string;
    citizenId: string;
    programme: Programme;
    referredAt: string;
    referrer: Referrer;
    /** Present when the citizen is new to us; absent when referred again by `citizenId`. */
    citizen?: CitizenDetails;
    /** Derived from the address, in clear for statistics. */
    postcode?: string;
    /** Derived from the CPR, in clear for statistics. */
    birthYear?: number;
    situation: Situation;
    needs: Need[];
    requestedTasks: TaskKind[];
    consent: Consent;
  }
>;

/** `at`: when the triage happened (business time); absent in events written before it was recorded. */
export type TriagedToVolunteer = Message<'TriagedToVolunteer', { reason: string; priority: Priority; by: string; at?: string }>;
export type TriagedToProfessional = Message<'TriagedToProfessional', { reason: string; priority: Priority; by: string; at?: string }>;

/**
 * The visit card (besøgskort) is handed over: it carries the visitor's name and phone.
 * `visitAt` is the agreed visit; `at` when it was booked (absent in events written before it was recorded).
 */
export type FirstVisitBooked = Message<
  'FirstVisitBooked',
  { visitorId: string; visitorKind: VisitorKind; visitorName: string; visitorPhone?: string; visitAt: string; at?: string }
>;

/** `participants`: the relatives (relativeIds) who took part (issue #19; absent in older events and when none did). `durationMinutes`: how long (issue 20: the volunteer's hours). */
export type VisitHeld = Message<
  'VisitHeld',
  { visitorId: string; visitedAt: string; nextVisitAt?: string; themes: string[]; note?: string; participants?: string[]; durationMinutes?: number }
>;

/** "Fyret, men vi kommer igen": the citizen sent the visitor away; the visitor judges it right to return. */
export type VisitorDismissedButReturning = Message<
  'VisitorDismissedButReturning',
  { visitorId: string; at: string; nextVisitAt: string; assessment: string }
>;

/** "Vi ringer altid inden": only recorded when the citizen was called first. */
export type VisitRescheduled = Message<'VisitRescheduled', { from: string; to: string; citizenNotified: true }>;

/** `citizenNotified`: the citizen was told (always so when the visitor cancels; absent in events written before issue #17). */
export type VisitCancelled = Message<'VisitCancelled', { at: string; by: CancelledBy; reason: string; citizenNotified?: true }>;

export type RiskFlagged = Message<'RiskFlagged', { risk: Need; note: string; at: string }>;

export type VisitorReassigned = Message<
  'VisitorReassigned',
  {
    fromVisitorId: string;
    toVisitorId: string;
    toVisitorKind: VisitorKind;
    toVisitorName: string;
    toVisitorPhone?: string;
    reason: string;
  }
>;

export type TaskOpened = Message<'TaskOpened', { taskId: string; kind: TaskKind; description: string }>;
export type TaskCompleted = Message<'TaskCompleted', { taskId: string; outcome: string }>;

/**
 * UCLA-3: three items scored 1–3, total 3–9; Danish practice reads ≥ 7 as signs
 * of severe loneliness. Schema version 2 added `severe`; version 1 events are
 * read through an upcaster (src/event-store/upcasters.ts).
 */
export type LonelinessAssessed = Message<
  'LonelinessAssessed',
  { instrument: 'ucla3'; answers: [number, number, number]; score: number; severe: boolean; scaleVersion: 'ucla3-v1'; at: string }
>;

export type RelationEstablished = Message<'RelationEstablished', { kind: RelationKind; description: string; at: string }>;

/**
 * The coordinator corrects the referral ("sjældent dækkende for det reelle behov",
 * seed 000): only the parts that changed are present. `situation` carries the
 * changed circumstances only; `postcode` is derived from a new address.
 */
export type ReferralCorrected = Message<
  'ReferralCorrected',
  {
    situation?: Situation;
    needs?: Need[];
    requestedTasks?: TaskKind[];
    citizen?: { address?: string; phone?: string };
    /** Derived from a new address, in clear for statistics. */
    postcode?: string;
    referrer?: Referrer;
  }
>;

/**
 * Schema version 2 (issue #19): `reason` is a decline reason. A version 1 event
 * (a closure reason) is read through an upcaster that keeps the old code as `formerReason`.
 */
export type ReferralDeclined = Message<'ReferralDeclined', { reason: DeclineReason; at: string; formerReason?: ClosureReason }>;
/** `noFollowUp`: why no follow-up was scheduled at the end (issue #19; absent when one was, and in older events). */
export type CaseClosed = Message<'CaseClosed', { reason: ClosureReason; at: string; noFollowUp?: string }>;

// The visit plan (issue #17).
/** A next visit agreed when none was (after a cancellation, or when the visitor could not say); the citizen was told. */
export type NextVisitBooked = Message<'NextVisitBooked', { visitAt: string; citizenNotified: true }>;
/** The fixed time: weekday 1 (Monday) … 7 (Sunday), Copenhagen `HH:mm`, every 1–4 weeks. */
export type VisitSlotAgreed = Message<'VisitSlotAgreed', { weekday: number; time: string; everyWeeks: number }>;
/**
 * Visits stop for a while (a hospital stay, a holiday): `until` is when it is
 * expected to end; an agreed visit falls out with it (`droppedVisitAt`).
 */
export type CasePaused = Message<'CasePaused', { reason: string; at: string; until?: string; droppedVisitAt?: string }>;
export type CaseResumed = Message<'CaseResumed', { at: string }>;

// Matching (issue #18): the citizen's wishes, and introductions to offers of the catalogue.
/** The citizen's wishes as they now stand (the whole set each time). */
export type WishesRecorded = Message<'WishesRecorded', CitizenWishes>;
/** The citizen is introduced to an offer, perhaps with the visitor along ("følges med borgerne de første gange", 003). */
export type IntroducedToOffer = Message<'IntroducedToOffer', { offerId: string; offerName: string; offerKind: OfferKind; at: string; accompaniedBy?: string }>;
export const OFFER_OUTCOMES = ['joined', 'tried_not_for_me', 'dropped_out'] as const;
export type OfferOutcome = (typeof OFFER_OUTCOMES)[number];
export type OfferOutcomeRecorded = Message<'OfferOutcomeRecorded', { offerId: string; offerKind: OfferKind; outcome: OfferOutcome; at: string; note?: string }>;

// The course of a case (issue #19): relatives, going along, the agreement (domain/case/case.course.ts).
/** A relative or someone else in the citizen's network; all but the relation code is the citizen's personal data. */
export type RelativeAdded = Message<
  'RelativeAdded',
  { relativeId: string; name: string; relation: RelativeRelation; phone?: string; note?: string; involvement: Involvement[] }
>;
export type RelativeRemoved = Message<'RelativeRemoved', { relativeId: string; reason: string }>;
/** "Følges med borgerne de første gange" (seed 003): the helper went along to an activity. `offerId` is opaque here. */
export type CitizenAccompanied = Message<
  'CitizenAccompanied',
  { at: string; to: { offerId?: string; activity: string }; visitorId: string; firstTime: boolean; note?: string }
>;
/** The citizen went on their own: progress, the helper is no longer needed to get there. */
export type CitizenWentAlone = Message<'CitizenWentAlone', { at: string; offerId?: string; activity: string }>;
/** "Klare aftaler omkring forløbet" (seed 003): replaces the agreement before it; the history keeps all. */
export type AgreementRecorded = Message<
  'AgreementRecorded',
  { goals: string[]; frequency: AgreementFrequency; expectedEnd?: string; endCriteria: string; agreedWith: AgreementParty[] }
>;

// After the end (issue #19): the follow-up and the referral onward (domain/case/case.after-close.ts).
/** Written with the CaseClosed it follows: "og følger op" (seed 003). */
export type FollowUpScheduled = Message<'FollowUpScheduled', { followUpId: string; dueAt: string }>;
/** The follow-up took place (or the citizen was not reached): `ucla3` three answers 1–3 and their score. */
export type FollowUpHeld = Message<
  'FollowUpHeld',
  { followUpId: string; at: string; outcome: FollowUpOutcome; ucla3?: [number, number, number]; score?: number; note?: string }
>;
/** The citizen needs help the programme cannot give; a CaseClosed with `transferred_to_professionals` may follow. */
/**
 * A new judgement of the track (seed 003: the guide assesses after the first
 * meeting): `needs` found since the referral; `handedBackFrom` the plain
 * volunteer whose case went back to the waiting folder on moving to the professional track.
 */
export type CaseReassessed = Message<
  'CaseReassessed',
  { track: Track; reason: string; needs?: Need[]; by: string; at: string; handedBackFrom?: string }
>;
export type ReferredOnward = Message<'ReferredOnward', { to: OnwardDestination; reason: string; at: string }>;

export type CaseEvent =
  | ReferralReceived
  | ReferralCorrected
  | TriagedToVolunteer
  | TriagedToProfessional
  | FirstVisitBooked
  | VisitHeld
  | VisitorDismissedButReturning
  | VisitRescheduled
  | VisitCancelled
  | RiskFlagged
  | VisitorReassigned
  | TaskOpened
  | TaskCompleted
  | LonelinessAssessed
  | RelationEstablished
  | ReferralDeclined
  | CaseClosed
  | NextVisitBooked
  | VisitSlotAgreed
  | CasePaused
  | CaseResumed
  | WishesRecorded
  | IntroducedToOffer
  | OfferOutcomeRecorded
  | RelativeAdded
  | RelativeRemoved
  | CitizenAccompanied
  | CitizenWentAlone
  | AgreementRecorded
  | FollowUpScheduled
  | FollowUpHeld
  | ReferredOnward
  | CaseReassessed;

export type CaseEventType = CaseEvent['type'];

export const CASE_EVENT_TYPES: readonly CaseEventType[] = [
  'ReferralReceived',
  'ReferralCorrected',
  'TriagedToVolunteer',
  'TriagedToProfessional',
  'FirstVisitBooked',
  'VisitHeld',
  'VisitorDismissedButReturning',
  'VisitRescheduled',
  'VisitCancelled',
  'RiskFlagged',
  'VisitorReassigned',
  'TaskOpened',
  'TaskCompleted',
  'LonelinessAssessed',
  'RelationEstablished',
  'ReferralDeclined',
  'CaseClosed',
  'NextVisitBooked',
  'VisitSlotAgreed',
  'CasePaused',
  'CaseResumed',
  'WishesRecorded',
  'IntroducedToOffer',
  'OfferOutcomeRecorded',
  'RelativeAdded',
  'RelativeRemoved',
  'CitizenAccompanied',
  'CitizenWentAlone',
  'AgreementRecorded',
  'FollowUpScheduled',
  'FollowUpHeld',
  'ReferredOnward',
  'CaseReassessed',
];

/**
 * The personal part of every case event, field by field (docs/event-catalogue.md):
 * the compiler asks for each new event and each new field. A `reason` that is a
 * closure code is clear; every other reason is free text about the person. The
 * visitor's name and phone on the visit card are staff data, kept in clear.
 */
export const CASE_PERSONAL_DATA: PersonalParts<CaseEvent> = {
  ReferralReceived: {
    caseId: 'clear', citizenId: 'clear', programme: 'clear', referredAt: 'clear',
    referrer: { name: 'personal', role: 'clear', organisation: 'clear', phone: 'personal', partnerId: 'clear' },
    citizen: { name: 'personal', address: 'personal', phone: 'personal', cpr: 'personal' },
    postcode: 'clear', birthYear: 'clear',
    situation: { physical: 'personal', psychological: 'personal', social: 'personal' },
    needs: 'clear', requestedTasks: 'clear',
    consent: { given: 'clear', recordedBy: 'personal', at: 'clear' },
  },
  ReferralCorrected: {
    situation: { physical: 'personal', psychological: 'personal', social: 'personal' },
    needs: 'clear', requestedTasks: 'clear',
    citizen: { address: 'personal', phone: 'personal' },
    postcode: 'clear',
    referrer: { name: 'personal', role: 'clear', organisation: 'clear', phone: 'personal', partnerId: 'clear' },
  },
  TriagedToVolunteer: { reason: 'personal', priority: 'clear', by: 'clear', at: 'clear' },
  TriagedToProfessional: { reason: 'personal', priority: 'clear', by: 'clear', at: 'clear' },
  FirstVisitBooked: { visitorId: 'clear', visitorKind: 'clear', visitorName: 'clear', visitorPhone: 'clear', visitAt: 'clear', at: 'clear' },
  VisitHeld: { visitorId: 'clear', visitedAt: 'clear', nextVisitAt: 'clear', themes: 'personal', note: 'personal', participants: 'clear', durationMinutes: 'clear' },
  VisitorDismissedButReturning: { visitorId: 'clear', at: 'clear', nextVisitAt: 'clear', assessment: 'personal' },
  VisitRescheduled: { from: 'clear', to: 'clear', citizenNotified: 'clear' },
  VisitCancelled: { at: 'clear', by: 'clear', reason: 'personal', citizenNotified: 'clear' },
  RiskFlagged: { risk: 'clear', note: 'personal', at: 'clear' },
  VisitorReassigned: { fromVisitorId: 'clear', toVisitorId: 'clear', toVisitorKind: 'clear', toVisitorName: 'clear', toVisitorPhone: 'clear', reason: 'personal' },
  TaskOpened: { taskId: 'clear', kind: 'clear', description: 'personal' },
  TaskCompleted: { taskId: 'clear', outcome: 'personal' },
  LonelinessAssessed: { instrument: 'clear', answers: 'clear', score: 'clear', severe: 'clear', scaleVersion: 'clear', at: 'clear' },
  RelationEstablished: { kind: 'clear', description: 'personal', at: 'clear' },
  ReferralDeclined: { reason: 'clear', at: 'clear', formerReason: 'clear' },
  CaseClosed: { reason: 'clear', at: 'clear', noFollowUp: 'personal' },
  NextVisitBooked: { visitAt: 'clear', citizenNotified: 'clear' },
  VisitSlotAgreed: { weekday: 'clear', time: 'clear', everyWeeks: 'clear' },
  // Why visits stop (a hospital stay) is health information about the person.
  CasePaused: { reason: 'personal', at: 'clear', until: 'clear', droppedVisitAt: 'clear' },
  CaseResumed: { at: 'clear' },
  // Wishes are codes, in clear as a case's needs are; what is written about the person is sealed.
  WishesRecorded: {
    interests: 'clear', otherInterests: 'personal', languages: 'clear', preferredGender: 'clear',
    availability: 'clear', mobility: 'clear', note: 'personal',
  },
  IntroducedToOffer: { offerId: 'clear', offerName: 'clear', offerKind: 'clear', at: 'clear', accompaniedBy: 'clear' },
  OfferOutcomeRecorded: { offerId: 'clear', offerKind: 'clear', outcome: 'clear', at: 'clear', note: 'personal' },
  // Issue #19: everything about a relative but the relation code is the citizen's (how they take part says much of the family).
  RelativeAdded: { relativeId: 'clear', name: 'personal', relation: 'clear', phone: 'personal', note: 'personal', involvement: 'personal' },
  RelativeRemoved: { relativeId: 'clear', reason: 'personal' },
  // Where the citizen goes (a self-help group for the long-term ill) says something of their health: the activity is personal.
  CitizenAccompanied: { at: 'clear', to: { offerId: 'clear', activity: 'personal' }, visitorId: 'clear', firstTime: 'clear', note: 'personal' },
  CitizenWentAlone: { at: 'clear', offerId: 'clear', activity: 'personal' },
  AgreementRecorded: { goals: 'personal', frequency: 'clear', expectedEnd: 'clear', endCriteria: 'personal', agreedWith: 'clear' },
  FollowUpScheduled: { followUpId: 'clear', dueAt: 'clear' },
  FollowUpHeld: { followUpId: 'clear', at: 'clear', outcome: 'clear', ucla3: 'clear', score: 'clear', note: 'personal' },
  ReferredOnward: { to: 'clear', reason: 'personal', at: 'clear' },
  CaseReassessed: { track: 'clear', reason: 'personal', needs: 'clear', by: 'clear', at: 'clear', handedBackFrom: 'clear' },
};

/**
 * Business time of an event: when it happened in the world. Events that record
 * a decision (a task, a reassignment) happened when they were decided;
 * the agreed time of a cancelled visit is data, not the time of the event.
 */
export function occurredAtOf(event: CaseEvent, now: string): string {
  switch (event.type) {
    case 'ReferralReceived':
      return event.data.referredAt;
    case 'VisitHeld':
      return event.data.visitedAt;
    case 'VisitorDismissedButReturning':
    case 'RiskFlagged':
    case 'LonelinessAssessed':
    case 'RelationEstablished':
    case 'ReferralDeclined':
    case 'CaseClosed':
    case 'CasePaused':
    case 'CaseResumed':
    case 'IntroducedToOffer':
    case 'OfferOutcomeRecorded':
    case 'CitizenAccompanied':
    case 'CitizenWentAlone':
    case 'FollowUpHeld':
    case 'ReferredOnward':
    case 'CaseReassessed':
      return event.data.at;
    // A triage or booking says when it happened since issue #17; an older one happened when it was recorded.
    case 'TriagedToVolunteer':
    case 'TriagedToProfessional':
    case 'FirstVisitBooked':
      return event.data.at ?? now;
    default:
      return now;
  }
}

/** The schema version each event type is written with now (1 unless its shape has changed). */
export const CASE_EVENT_SCHEMA_VERSIONS: Readonly<Partial<Record<CaseEventType, number>>> = { LonelinessAssessed: 2, ReferralDeclined: 2 };

export const caseEventSchemaVersion = (event: { type: string }): number => CASE_EVENT_SCHEMA_VERSIONS[event.type as CaseEventType] ?? 1;
