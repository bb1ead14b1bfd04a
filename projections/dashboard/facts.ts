import type { DeclineReason, FollowUpOutcome, OnwardDestination } from '../../domain/shared/course-codes';
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
  /**
   * Issue #19: the relatives on the case who need relief (RelativeAdded's clear `needsRelief`), with when they
   * were added; a removed one no longer counts. The id is a relative's random id, to match a removal: no name.
   */
  relief?: Array<{ relativeId: string; at: string }>;
  /** Issue #19: where the citizen was referred onward, and when. */
  onward?: Array<{ to: OnwardDestination; at: string }>;
  /** Issue #19: the follow-ups held after the end, and how they went. */
  followUps?: Array<{ outcome: FollowUpOutcome; at: string }>;
}
