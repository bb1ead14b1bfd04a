import type { ClosureReason, Need, Track } from '../shared/codes';
import type { FollowUpOutcome, OnwardDestination } from '../shared/course-codes';
import type { Message } from '../shared/decider';
import type { PersonalParts } from '../shared/personal';

// The case stream's events, the end and after it: closing, the follow-up, referral onward, and a new
// judgement of the track (issue #19). Their contract: domain/case/case.events.ts.

/** `noFollowUp`: why no follow-up was scheduled at the end (issue #19; absent when one was, and in older events). */
export type CaseClosed = Message<'CaseClosed', { reason: ClosureReason; at: string; noFollowUp?: string }>;

/** Written with the CaseClosed it follows: "og følger op" (seed 003). */
export type FollowUpScheduled = Message<'FollowUpScheduled', { followUpId: string; dueAt: string }>;

/** The follow-up took place (or the citizen was not reached): `ucla3` three answers 1–3 and their score. */
export type FollowUpHeld = Message<
  'FollowUpHeld',
  { followUpId: string; at: string; outcome: FollowUpOutcome; ucla3?: [number, number, number]; score?: number; note?: string }
>;

/** The citizen needs help the programme cannot give; a CaseClosed with `transferred_to_professionals` may follow. */
export type ReferredOnward = Message<'ReferredOnward', { to: OnwardDestination; reason: string; at: string }>;

/**
 * A new judgement of the track (seed 003: the guide assesses after the first
 * meeting): `needs` found since the referral; `handedBackFrom` the plain
 * volunteer whose case went back to the waiting folder on moving to the professional track.
 */
export type CaseReassessed = Message<
  'CaseReassessed',
  { track: Track; reason: string; needs?: Need[]; by: string; at: string; handedBackFrom?: string }
>;

export type AfterCloseEvent =
  | CaseClosed
  | FollowUpScheduled
  | FollowUpHeld
  | ReferredOnward
  | CaseReassessed;

/** The personal part of each event above, field by field (see CASE_PERSONAL_DATA). */
export const AFTER_CLOSE_PERSONAL_DATA: PersonalParts<AfterCloseEvent> = {
  CaseClosed: { reason: 'clear', at: 'clear', noFollowUp: 'personal' },
  FollowUpScheduled: { followUpId: 'clear', dueAt: 'clear' },
  FollowUpHeld: { followUpId: 'clear', at: 'clear', outcome: 'clear', ucla3: 'clear', score: 'clear', note: 'personal' },
  ReferredOnward: { to: 'clear', reason: 'personal', at: 'clear' },
  CaseReassessed: { track: 'clear', reason: 'personal', needs: 'clear', by: 'clear', at: 'clear', handedBackFrom: 'clear' },
};
