import type { Interest, Meeting, OfferKind, TimeSpan } from '../../domain/matching/matching.codes';
import { GENDER_LABELS, INTEREST_LABELS, LANGUAGE_LABELS, MOBILITY_LABELS, OFFER_KIND_LABELS, WEEKDAY_LABELS } from '../../domain/matching/matching.codes';

/** Matching (issue #18) as the app reads it: the code lists' Danish words, capitalised for a heading or a chip, and the API's shapes. */
const capital = <K extends string>(labels: Readonly<Record<K, string>>): Record<K, string> =>
  Object.fromEntries(Object.entries(labels).map(([code, text]) => [code, (text as string).charAt(0).toUpperCase() + (text as string).slice(1)])) as Record<K, string>;

export const INTEREST = capital(INTEREST_LABELS);
export const OFFER_KIND = capital(OFFER_KIND_LABELS);
export const LANGUAGE = capital(LANGUAGE_LABELS);
export const MOBILITY = capital(MOBILITY_LABELS);
export const GENDER = capital(GENDER_LABELS);
export const WEEKDAY = capital(WEEKDAY_LABELS as Record<string, string>);

export const OUTCOME = { joined: 'Blev en del af det', tried_not_for_me: 'Prøvede, men ikke noget for borgeren', dropped_out: 'Faldt fra' } as const;
export type Outcome = keyof typeof OUTCOME;

export interface Reason {
  code: string;
  text: string;
  points: number;
}

export interface Offer {
  offerId: string;
  name: string;
  kind: OfferKind;
  organisation: string;
  address: string;
  postcode: string;
  schedule: Meeting[];
  interests: Interest[];
  targetGroup?: string;
  accessible: boolean;
  contact: { name: string; phone?: string };
  active: boolean;
}

/** The citizen's wishes and a visitor's profile, as the domain declares them (domain/matching/matching.profile.ts). */
export type { CitizenWishes as Wishes, VisitorProfile as Profile } from '../../domain/matching/matching.profile';

export interface Suggestions {
  visitors: Array<{ visitorId: string; name: string; score: number; reasons: Reason[]; freePlaces: number }>;
  offers: Array<{ offerId: string; name: string; kind: OfferKind; postcode: string; score: number; reasons: Reason[] }>;
}

export interface Introduction {
  offerId: string;
  offerName: string;
  offerKind: OfferKind;
  at: string;
  accompaniedBy?: string;
  outcome?: Outcome;
  outcomeAt?: string;
}

/** "Onsdag 14:00", "Tirsdag 10:00-12:00". */
export const meetingText = (m: Meeting): string => `${WEEKDAY[m.weekday]} ${m.time}`;
export const spanText = (s: TimeSpan): string => `${WEEKDAY[s.weekday]} ${s.from}-${s.to}`;
