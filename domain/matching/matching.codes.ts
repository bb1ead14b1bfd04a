/**
 * The code lists of matching (docs/glossary.md, "Code lists"): what a visitor
 * likes and speaks, what a citizen wishes for, and what kind of place an offer
 * is. Codes are English snake_case and stable, as every code list; the Danish
 * words are what people read (the web app and the suggestions' reasons).
 */

/** Interests, covering the examples in the seeds ("aktiviteter, der kan matche borgernes behov", 001). */
export const INTEREST_LABELS = {
  coffee_and_talk: 'kaffe og snak',
  walks: 'gåture',
  gardening: 'havearbejde',
  card_games: 'kortspil',
  needlework: 'håndarbejde',
  music_and_singing: 'musik og sang',
  church: 'kirke',
  nature: 'natur',
  cooking: 'madlavning',
  it_help: 'it-hjælp',
  reading: 'læsning',
  sport_and_exercise: 'sport og motion',
  crafts: 'kreative værksteder',
  board_games: 'brætspil',
  history: 'lokalhistorie',
  pets: 'dyr',
  self_help_group: 'selvhjælpsgruppe',
  social_cafe: 'social café',
} as const;
export type Interest = keyof typeof INTEREST_LABELS;
export const INTERESTS = Object.keys(INTEREST_LABELS) as Interest[];

/** Where a community meets (seed 003: aktivitetscentre, væresteder, foreninger, øvefællesskaber). */
export const OFFER_KIND_LABELS = {
  activity_centre: 'aktivitetscenter',
  drop_in_centre: 'værested',
  association: 'forening',
  practice_community: 'øvefællesskab',
  church: 'kirke',
  library: 'bibliotek',
  sport: 'idræt',
  volunteer_centre: 'frivilligcenter',
  other: 'andet',
} as const;
export type OfferKind = keyof typeof OFFER_KIND_LABELS;
export const OFFER_KINDS = Object.keys(OFFER_KIND_LABELS) as OfferKind[];

/** Languages as ISO 639-1 codes; the Danish names are the labels (`language:ar` reads "taler arabisk"). */
export const LANGUAGE_LABELS = {
  da: 'dansk',
  en: 'engelsk',
  de: 'tysk',
  sv: 'svensk',
  no: 'norsk',
  pl: 'polsk',
  ro: 'rumænsk',
  uk: 'ukrainsk',
  ru: 'russisk',
  ar: 'arabisk',
  tr: 'tyrkisk',
  fa: 'persisk',
  ur: 'urdu',
  so: 'somalisk',
  ti: 'tigrinya',
  ku: 'kurdisk',
  bs: 'bosnisk',
  vi: 'vietnamesisk',
  ta: 'tamilsk',
  fr: 'fransk',
  es: 'spansk',
} as const;
export type Language = keyof typeof LANGUAGE_LABELS;
export const LANGUAGES = Object.keys(LANGUAGE_LABELS) as Language[];

/** ISO weekday numbers: 1 is Monday, as luxon counts. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const WEEKDAY_LABELS: Readonly<Record<Weekday, string>> = { 1: 'mandag', 2: 'tirsdag', 3: 'onsdag', 4: 'torsdag', 5: 'fredag', 6: 'lørdag', 7: 'søndag' };

/** How the citizen gets about: decides whether an offer must be accessible (a wheelchair) or come to them (bedbound). */
export const MOBILITY_LABELS = { walks: 'går selv', walker: 'rollator', wheelchair: 'kørestol', bedbound: 'sengeliggende' } as const;
export type Mobility = keyof typeof MOBILITY_LABELS;
export const MOBILITIES = Object.keys(MOBILITY_LABELS) as Mobility[];

export const GENDERS = ['female', 'male', 'other'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Readonly<Record<Gender, string>> = { female: 'kvinde', male: 'mand', other: 'andet' };

/** A weekly time span, local time in Denmark ("HH:MM"), `from` before `to`. */
export interface TimeSpan {
  weekday: Weekday;
  from: string;
  to: string;
}

/** A weekly meeting of an offer: its weekday and local starting time ("HH:MM"). */
export interface Meeting {
  weekday: Weekday;
  time: string;
}

export const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
