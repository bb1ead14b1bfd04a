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
