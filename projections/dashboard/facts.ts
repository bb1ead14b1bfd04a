import type { DeclineReason } from '../../domain/shared/course-codes';
import type { ClosureReason, Programme, ReferrerRole, RelationKind } from '../../domain/shared/codes';

/**
 * What the manager's figures need of one case: codes and times only, never a
 * name or a citizen id, so the dashboard cannot leak a person.
 */
export interface CaseFacts {
  programme: Programme;
  referrerRole: ReferrerRole;
  referredAt: string;
  /** Business time of the triage. */
  triagedAt?: string;
  /** Business time of the booking: when the case left the waiting folder. */
  bookedAt?: string;
  /** The agreed time of the first visit. */
  firstVisitAt?: string;
  relations: Array<{ kind: RelationKind; at: string }>;
  /** A declined referral's reason is a decline reason (issue #19). */
  closure?: { reason: ClosureReason | DeclineReason; at: string; declined: boolean };
  /** UCLA-3 scores in business-time order. */
  scores: Array<{ at: string; score: number }>;
  /** Issue #19: each time the citizen went along with the helper (`alone: false`) or on their own; absent before any. */
  goingAlong?: Array<{ at: string; alone: boolean }>;
}
