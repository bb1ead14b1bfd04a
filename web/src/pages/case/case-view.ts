import type { Introduction, Wishes } from '../../matching';
import type { DeclineReason, FollowUpOutcome, OnwardDestination } from '../../../../domain/shared/course-codes';
import type { ClosureReason, Need, Priority, Programme, ReferrerRole, RelationKind, TaskKind, Track, VisitorKind } from '../../../../domain/shared/codes';
import type { AgreementFrequency, AgreementParty, Involvement, RelativeRelation } from '../../../../domain/shared/course-codes';
import type { VisitSlot } from '../../../../domain/shared/visit-slot';
import type { AppointmentWith } from '../../../../domain/shared/companion-codes';

/** The companion's appointment (issue #19, seed 002). */
export interface Appointment {
  appointmentId: string;
  with: AppointmentWith;
  purpose: string;
  at: string;
  preparation?: string;
  status: 'scheduled' | 'accompanied' | 'cancelled';
  accompaniedAt?: string;
  debrief?: string;
  cancelReason?: string;
}

/** A relative on the case (issue #19). */
export interface Relative {
  relativeId: string;
  name: string;
  relation: RelativeRelation;
  phone?: string;
  note?: string;
  involvement: Involvement[];
}

/** GET /cases/:caseId, as the app reads it (every status in one shape; absent fields are absent). */
export interface CaseView {
  caseId: string;
  citizenId?: string;
  citizen?: { name: string; address: string; phone?: string; cpr?: string } | string;
  status: 'Referred' | 'Waiting' | 'Active' | 'Closed';
  programme: Programme;
  referredAt: string;
  referrerRole: ReferrerRole;
  referrerOrganisation?: string;
  /** Issue 22: the referral came from a screening. */
  screeningId?: string;
  /** The referrer, and what the referral says of the citizen, as corrected since (`ReferralCorrected`); absent for an auditor. */
  referrerName?: string;
  referrerPhone?: string;
  situation?: { physical?: string; psychological?: string; social?: string };
  needs: Need[];
  requestedTasks: TaskKind[];
  riskFlags: Need[];
  tasks: Array<{ taskId: string; kind: TaskKind; description?: string; status: 'open' | 'completed'; outcome?: string }>;
  assessments: Array<{ instrument: 'ucla3'; score: number; at: string }>;
  relations: Array<{ kind: RelationKind; description?: string; at: string }>;
  track?: Track;
  priority?: Priority;
  visitorId?: string;
  visitorKind?: VisitorKind;
  visitorName?: string;
  visitorPhone?: string;
  firstVisitAt?: string;
  nextVisitAt?: string;
  lastVisitAt?: string;
  lastThemes?: string[];
  /** The fixed time (issue #17). */
  visitSlot?: VisitSlot;
  /** While visits are paused (a hospital stay, a holiday). */
  pause?: { reason: string; at: string; until?: string };
  /** The course (issue #19): present once anything of it was recorded. */
  relatives?: Relative[];
  agreement?: { goals: string[]; frequency: AgreementFrequency; expectedEnd?: string; endCriteria: string; agreedWith: AgreementParty[] };
  goingAlong?: { accompanied: number; alone: number; lastAccompaniedAt?: string; lastAloneAt?: string };
  appointments?: Appointment[];
  declined?: boolean;
  /** A decline reason when `declined` (issue #19). */
  reason?: ClosureReason | DeclineReason;
  closedAt?: string;
  /** Matching (issue #18). */
  postcode?: string;
  wishes?: Wishes;
  introductions?: Introduction[];
  /** After the end (issue #19). */
  followUps?: Array<{ followUpId: string; dueAt: string; held?: { at: string; outcome: FollowUpOutcome; score?: number } }>;
  referredOnward?: Array<{ to: OnwardDestination; reason: string; at: string }>;
  revision: number;
}

/** A visitor from GET /visitors. */
export interface VisitorRow {
  visitorId: string;
  name: string;
  kind: VisitorKind;
  phone?: string;
  active: boolean;
  capacity: number;
  activeCases: number;
  freePlaces: number;
  /** Issue 20: the volunteer's lifecycle status and the provisos of their approval. */
  status?: string;
  provisos?: string[];
}

/** Who may take a case on a track: any visitor on the volunteer track, a professional on the professional one. */
export const fits = (track: Track | undefined, kind: VisitorKind): boolean => track !== 'professional' || kind !== 'volunteer';

export const citizenName = (c: CaseView): string => (typeof c.citizen === 'object' ? c.citizen.name : typeof c.citizen === 'string' ? c.citizen : 'Borger');
