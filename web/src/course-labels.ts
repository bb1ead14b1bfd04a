import type { AgreementFrequency, AgreementParty, Involvement, RelativeRelation } from '../../domain/shared/course-codes';

/** The Danish words for the course's codes (issue #19): relatives, how they take part, the agreement. */
export const RELATIVE_RELATION: Record<RelativeRelation, string> = {
  daughter: 'Datter',
  son: 'Søn',
  parent: 'Forælder',
  spouse: 'Ægtefælle',
  partner: 'Partner',
  sibling: 'Søskende',
  grandchild: 'Barnebarn',
  friend: 'Ven',
  neighbour: 'Nabo',
  other: 'Andet',
};

export const INVOLVEMENT: Record<Involvement, string> = {
  informed: 'Holdes orienteret',
  goes_along: 'Tager med',
  needs_relief: 'Har brug for aflastning',
};

export const FREQUENCY: Record<AgreementFrequency, string> = {
  weekly: 'Hver uge',
  fortnightly: 'Hver anden uge',
  monthly: 'Hver måned',
  as_needed: 'Efter behov',
};

export const PARTY: Record<AgreementParty, string> = {
  citizen: 'Borgeren',
  relative: 'Pårørende',
  visitor: 'Frivillig eller ansat',
  coordinator: 'Koordinator',
  referrer: 'Henviser',
  other: 'Andre',
};
