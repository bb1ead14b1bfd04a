import type { ClosureReason, Programme } from './codes';

/**
 * The code lists of a case's course (issue #19): the citizen's relatives and
 * network, and the agreement about the course (seed 003: "Inddrag borgerens
 * netværk", "klare aftaler omkring forløbet").
 */

/**
 * What the relative is to the citizen ("datter", "søn", ...); the one part of a
 * relative an auditor sees. `parent` is not in issue #19's list, but seed 003's
 * relative is Frida's mother ("Fridas mor er drivkraften").
 */
export const RELATIVE_RELATIONS = ['daughter', 'son', 'parent', 'spouse', 'partner', 'sibling', 'grandchild', 'friend', 'neighbour', 'other'] as const;
export type RelativeRelation = (typeof RELATIVE_RELATIONS)[number];

/**
 * How a relative takes part: is kept informed, goes along, or needs relief
 * themself ("pårørende kan også have behov for aflastning", seed 003).
 */
export const INVOLVEMENTS = ['informed', 'goes_along', 'needs_relief'] as const;
export type Involvement = (typeof INVOLVEMENTS)[number];

/** How often the helper and the citizen meet, as agreed. */
export const AGREEMENT_FREQUENCIES = ['weekly', 'fortnightly', 'monthly', 'as_needed'] as const;
export type AgreementFrequency = (typeof AGREEMENT_FREQUENCIES)[number];

/** Who took part in agreeing the course. */
export const AGREEMENT_PARTIES = ['citizen', 'relative', 'visitor', 'coordinator', 'referrer', 'other'] as const;
export type AgreementParty = (typeof AGREEMENT_PARTIES)[number];

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
 * Per programme: how many months after the end the follow-up falls due, by
 * default. An admin may change it per programme (`followUpMonths`,
 * domain/programme/programme.settings.ts); a change affects only cases closed
 * after it.
 */
export const FOLLOW_UP_AFTER_MONTHS: Readonly<Record<Programme, number>> = {
  care_visits: 3,
  visiting_friend: 3,
  community_guide: 3,
  companion: 3,
};
