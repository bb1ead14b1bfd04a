import type { AgreementFrequency, AgreementParty, Involvement, RelativeRelation } from '../../domain/shared/course-codes';
import type { AppointmentWith } from '../../domain/shared/companion-codes';

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

/** Whom the companion goes with the citizen to meet (seed 002: "sagsbehandlere, lægen, hospitalet"). */
export const APPOINTMENT_WITH: Record<AppointmentWith, string> = {
  kommune_jobcenter: 'Jobcentret',
  kommune_borgerservice: 'Borgerservice',
  kommune_sagsbehandler: 'Sagsbehandler i kommunen',
  hospital: 'Hospitalet',
  egen_laege: 'Egen læge',
  psykiatri: 'Psykiatrien',
  bank: 'Banken',
  advokat: 'Advokat',
  andet: 'Andet',
};
