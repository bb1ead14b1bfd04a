import type { Programme } from '../shared/codes';
import type { Gender, Interest, Language, Mobility, TimeSpan } from './matching.codes';

/**
 * A visitor's profile: what the coordinator matches on. Staff data, not a
 * citizen's: kept in clear on the visitor's stream.
 */
export interface VisitorProfile {
  /** The programmes the visitor serves; a booking on another is refused (`visitor_not_in_programme`). */
  programmes: Programme[];
  interests: Interest[];
  /** Interests the code list does not have, in the visitor's words. */
  otherInterests?: string;
  languages: Language[];
  /** Where the visitor will go: their own postcode and those around it. */
  postcodes: string[];
  availability: TimeSpan[];
  gender?: Gender;
  birthYear?: number;
  note?: string;
}

/**
 * A citizen's wishes (seed 003: "Fridas ønsker og behov"). The codes are clear,
 * as a case's needs are, so the statistics can count them; what is written
 * about the person (the note, interests in their own words) is sealed.
 */
export interface CitizenWishes {
  interests: Interest[];
  /** personal */
  otherInterests?: string;
  languages: Language[];
  preferredGender?: Gender;
  availability: TimeSpan[];
  mobility: Mobility;
  /** personal */
  note?: string;
}
