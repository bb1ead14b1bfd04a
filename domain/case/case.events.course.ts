import type { Need, RelationKind, TaskKind } from '../shared/codes';
import type { AgreementFrequency, AgreementParty, Involvement, RelativeRelation } from '../shared/course-codes';
import type { CitizenWishes } from '../matching/matching.profile';
import type { OfferKind } from '../matching/matching.codes';
import type { Message } from '../shared/decider';
import type { PersonalParts } from '../shared/personal';

// The case stream's events, the work of the course: tasks, risks, measurements, relations, matching
// with offers (issue #18), the network, going along and the agreement (issue #19). Their contract:
// domain/case/case.events.ts.

export const OFFER_OUTCOMES = ['joined', 'tried_not_for_me', 'dropped_out'] as const;

export type OfferOutcome = (typeof OFFER_OUTCOMES)[number];

export type RiskFlagged = Message<'RiskFlagged', { risk: Need; note: string; at: string }>;

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

/** The citizen's wishes as they now stand (the whole set each time). */
export type WishesRecorded = Message<'WishesRecorded', CitizenWishes>;

/** The citizen is introduced to an offer, perhaps with the visitor along ("følges med borgerne de første gange", 003). */
export type IntroducedToOffer = Message<'IntroducedToOffer', { offerId: string; offerName: string; offerKind: OfferKind; at: string; accompaniedBy?: string }>;

export type OfferOutcomeRecorded = Message<'OfferOutcomeRecorded', { offerId: string; offerKind: OfferKind; outcome: OfferOutcome; at: string; note?: string }>;

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

export type CourseEvent =
  | RiskFlagged
  | TaskOpened
  | TaskCompleted
  | LonelinessAssessed
  | RelationEstablished
  | WishesRecorded
  | IntroducedToOffer
  | OfferOutcomeRecorded
  | RelativeAdded
  | RelativeRemoved
  | CitizenAccompanied
  | CitizenWentAlone
  | AgreementRecorded;

/** The personal part of each event above, field by field (see CASE_PERSONAL_DATA). */
export const COURSE_PERSONAL_DATA: PersonalParts<CourseEvent> = {
  RiskFlagged: { risk: 'clear', note: 'personal', at: 'clear' },
  TaskOpened: { taskId: 'clear', kind: 'clear', description: 'personal' },
  TaskCompleted: { taskId: 'clear', outcome: 'personal' },
  LonelinessAssessed: { instrument: 'clear', answers: 'clear', score: 'clear', severe: 'clear', scaleVersion: 'clear', at: 'clear' },
  RelationEstablished: { kind: 'clear', description: 'personal', at: 'clear' },
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
};
