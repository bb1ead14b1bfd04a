/**
 * The partner register's code lists (issue 21, from seeds 000 and 002).
 * Codes are English-ish snake_case and stable; the Danish words are for the
 * user interface.
 */
export const PARTNER_KINDS = [
  'hjemmepleje',
  'visitation',
  'forebyggende_hjemmebesog',
  'demenskoordinator',
  'paarorendekonsulent',
  'egen_laege',
  'plejehjem',
  'borgerservice',
  'sygehus',
  'praest_sogn',
  'boligsocial',
  'frivilligcenter',
  'andet',
] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

export const PARTNER_KIND_DA: Readonly<Record<PartnerKind, string>> = {
  hjemmepleje: 'Hjemmepleje',
  visitation: 'Visitation',
  forebyggende_hjemmebesog: 'Forebyggende hjemmebesøg',
  demenskoordinator: 'Demenskoordinator',
  paarorendekonsulent: 'Pårørendekonsulent',
  egen_laege: 'Egen læge (lægesekretær)',
  plejehjem: 'Plejehjem',
  borgerservice: 'Borgerservice',
  sygehus: 'Sygehus',
  praest_sogn: 'Præst og sogn',
  boligsocial: 'Boligsocial indsats',
  frivilligcenter: 'Frivilligcenter',
  andet: 'Andet',
};

/** Seed 002: a meeting with the management first, then staff meetings, by phone or a visit. */
export const MEETING_KINDS = ['ledelse', 'personalemøde', 'temadag', 'telefon', 'besøg'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const MEETING_KIND_DA: Readonly<Record<MeetingKind, string>> = {
  ledelse: 'Møde med ledelsen',
  personalemøde: 'Personalemøde',
  temadag: 'Temadag',
  telefon: 'Telefonsamtale',
  besøg: 'Besøg',
};

/** Seed 002: "Husk at tage foldere og postkort med". */
export const MATERIALS = ['henvisningskort', 'folder', 'plakat'] as const;
export type Material = (typeof MATERIALS)[number];

/** Seed 002: "Ved de overhovedet, at vi findes?" */
export const KNOWS_US = ['no', 'heard', 'yes'] as const;
export type KnowsUs = (typeof KNOWS_US)[number];

/** Seed 002: "Neutrale, positive, negative, skeptiske?" */
export const ATTITUDES = ['positive', 'neutral', 'sceptical'] as const;
export type Attitude = (typeof ATTITUDES)[number];

/** Most people at one outreach meeting; more is a typo. */
export const MAX_ATTENDEES = 1000;
