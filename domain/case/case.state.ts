import type { ClosureReason, Need, Priority, Programme, ReferrerRole, RelationKind, TaskKind, Track, VisitorKind } from '../shared/codes';
import type { AgreementFrequency, AgreementParty, Involvement, RelativeRelation } from '../shared/course-codes';
import type { DeclineReason, FollowUpOutcome } from '../shared/course-codes';
import type { AppointmentWith } from '../shared/companion-codes';
import type { VisitSlot } from '../shared/visit-slot';
import type { CitizenDetails, OfferOutcome, Situation } from './case.events';
import type { CitizenWishes } from '../matching/matching.profile';
import type { OfferKind } from '../matching/matching.codes';

/**
 * A case's state is a union keyed on `status`, so impossible states
 * (a waiting case with a visitor, an active case with no track) cannot be written down.
 * These status names are what the API shows.
 */

export interface CaseTask {
  taskId: string;
  kind: TaskKind;
  description: string;
  status: 'open' | 'completed';
  outcome?: string;
}

export interface CaseRelation {
  kind: RelationKind;
  description: string;
  at: string;
}

export interface CaseAssessment {
  instrument: 'ucla3';
  score: number;
  at: string;
}

/** What every case that exists has. */
export interface CaseCore {
  caseId: string;
  citizenId: string;
  programme: Programme;
  referredAt: string;
  referrerRole: ReferrerRole;
  referrerOrganisation?: string;
  /** personal: who referred, and their phone (corrected by ReferralCorrected). */
  referrerName: string;
  referrerPhone?: string;
  /** Present when the referral carried the citizen's details. */
  citizen?: CitizenDetails;
  /** personal: the citizen's circumstances as the referral (and its corrections) describe them. */
  situation: Situation;
  needs: Need[];
  requestedTasks: TaskKind[];
  /** Risks flagged after intake (RiskFlagged), in order. */
  riskFlags: Need[];
  tasks: CaseTask[];
  assessments: CaseAssessment[];
  relations: CaseRelation[];
  /** Set while visits are paused (CasePaused until CaseResumed): no visits, not overdue. */
  pause?: CasePause;
  /** Matching (issue #18): where the citizen lives (from the referral's address), their wishes, the offers they were introduced to. */
  postcode?: string;
  /** Issue 22: the screening the referral came from. */
  screeningId?: string;
  wishes?: CitizenWishes;
  introductions?: CaseIntroduction[];
  // The course of a case (issue #19; domain/case/case.course.ts): absent until the first such event.
  /** The citizen's relatives and network as they stand (a removed one is gone). */
  relatives?: CaseRelative[];
  /** The agreement about the course in force (the last recorded). */
  agreement?: CaseAgreement;
  /** How often the citizen went along with the helper, and on their own. */
  goingAlong?: GoingAlong;
  /** The companion's appointments (seed 002), in the order scheduled, each as it stands. */
  appointments?: CaseAppointment[];
}

export interface CaseAppointment {
  appointmentId: string;
  with: AppointmentWith;
  /** personal (sealed in the event): purpose, preparation, debrief, and the reason it was cancelled. */
  purpose: string;
  /** The agreed time. */
  at: string;
  preparation?: string;
  status: 'scheduled' | 'accompanied' | 'cancelled';
  /** When the helper went along, and what was talked over afterwards. */
  accompaniedAt?: string;
  debrief?: string;
  cancelReason?: string;
}

export interface CaseRelative {
  relativeId: string;
  /** personal (sealed in the event): name, phone, note and involvement. */
  name: string;
  relation: RelativeRelation;
  phone?: string;
  note?: string;
  involvement: Involvement[];
}

export interface CaseAgreement {
  /** personal */
  goals: string[];
  frequency: AgreementFrequency;
  expectedEnd?: string;
  /** personal */
  endCriteria: string;
  agreedWith: AgreementParty[];
}

export interface GoingAlong {
  accompanied: number;
  alone: number;
  lastAccompaniedAt?: string;
  lastAloneAt?: string;
}

export interface CasePause {
  /** Why (personal: sealed in the event, e.g. a hospital stay). */
  reason: string;
  /** When visits stopped. */
  at: string;
  /** When it is expected to end, if known. */
  until?: string;
}

/** An offer the citizen was introduced to, and how it went. */
export interface CaseIntroduction {
  offerId: string;
  offerName: string;
  offerKind: OfferKind;
  at: string;
  accompaniedBy?: string;
  outcome?: OfferOutcome;
  outcomeAt?: string;
}

export interface NoCase {
  status: 'None';
}

export interface Referred extends CaseCore {
  status: 'Referred';
}

export interface Waiting extends CaseCore {
  status: 'Waiting';
  track: Track;
  priority: Priority;
  /** When it was triaged, if the triage said (a booking cannot come before it). */
  triagedAt?: string;
}

export interface Active extends CaseCore {
  status: 'Active';
  track: Track;
  priority: Priority;
  triagedAt?: string;
  visitorId: string;
  visitorKind: VisitorKind;
  visitorName: string;
  visitorPhone?: string;
  firstVisitAt: string;
  /** The next agreed visit, as written on the visit card. */
  nextVisitAt?: string;
  lastVisitAt?: string;
  /** Themes followed up at the last visit: what to pick up next time. */
  lastThemes: string[];
  /** The fixed time agreed (VisitSlotAgreed), if any. */
  visitSlot?: VisitSlot;
}

export interface Closed extends CaseCore {
  status: 'Closed';
  /** True when the referral was declined before any visit (then `reason` is a decline reason). */
  declined: boolean;
  reason: ClosureReason | DeclineReason;
  closedAt: string;
  track?: Track;
  priority?: Priority;
  visitorId?: string;
  /** The follow-ups after the end (issue #19), in the order scheduled; absent when none was. */
  followUps?: CaseFollowUp[];
}

export interface CaseFollowUp {
  followUpId: string;
  dueAt: string;
  held?: { at: string; outcome: FollowUpOutcome };
}

export type CaseState = NoCase | Referred | Waiting | Active | Closed;
export type OpenCase = Referred | Waiting | Active;
