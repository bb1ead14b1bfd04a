import type { ClosureReason, Programme } from './codes';

/**
 * Code lists for the end of a case and after it (issue #19): why a referral is
 * declined, how a follow-up went, where a citizen was referred onward. English
 * snake_case and stable; the Danish words are in web/src/labels.ts and
 * docs/glossary.md.
 */

/** A referral declined never describes a course (no `relation_established`): its own list. */
export const DECLINE_REASONS = [
  'not_lonely',
  'declined_by_citizen',
  'no_capacity',
  'wrong_target_group',
  'referred_elsewhere',
  'deceased',
  'other',
] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

/**
 * A `ReferralDeclined` written before issue #19 carried a closure reason: the
 * decline reason it reads as (src/event-store/upcasters.ts), the old code kept
 * beside it as `formerReason`.
 */
export const DECLINE_REASON_OF_CLOSURE: Readonly<Record<ClosureReason, DeclineReason>> = {
  relation_established: 'other',
  citizen_declined: 'declined_by_citizen',
  moved: 'other',
  deceased: 'deceased',
  transferred_to_professionals: 'referred_elsewhere',
  consent_withdrawn: 'declined_by_citizen',
  other: 'other',
};

export const FOLLOW_UP_OUTCOMES = ['still_connected', 'partly', 'lost_touch', 'not_reached'] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];

/** Seed 003: "Samarbejdet med kommunens brobyggere er afgørende, særligt i tilfælde hvor borgeren har brug for anden hjælp". */
export const ONWARD_DESTINATIONS = ['kommunal_brobygger', 'egen_laege', 'psykiatri', 'kommunens_visitation', 'aeldreraad', 'andet'] as const;
export type OnwardDestination = (typeof ONWARD_DESTINATIONS)[number];

/**
 * Per programme: how many months after the end the follow-up falls due. The
 * programme's settings live in code (as the helper's word does,
 * domain/shared/helper-words.ts); a change is a commit, and affects only
 * cases closed after it.
 */
export const FOLLOW_UP_AFTER_MONTHS: Readonly<Record<Programme, number>> = {
  care_visits: 3,
  visiting_friend: 3,
  community_guide: 3,
  companion: 3,
};
