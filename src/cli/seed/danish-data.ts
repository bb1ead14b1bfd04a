import type { ReferrerRole } from '../../../domain/shared/codes';

/** Names, places and partners that read like the seeds' Danish cases. Synthetic: no real person. */

export const FIRST_NAMES = [
  'Karen', 'Inge', 'Kirsten', 'Hanne', 'Birthe', 'Grethe', 'Ruth', 'Else', 'Lis', 'Bente', 'Jytte', 'Frida', 'Ida', 'Emma',
  'Poul', 'Jens', 'Niels', 'Hans', 'Erik', 'Ole', 'Bent', 'Henning', 'Svend', 'Knud', 'Mads', 'Oskar', 'Lars', 'Anders',
] as const;

export const LAST_NAMES = [
  'Nielsen', 'Jensen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Jørgensen',
  'Petersen', 'Madsen', 'Kristensen', 'Olsen', 'Thomsen', 'Poulsen', 'Johansen', 'Møller', 'Mortensen', 'Holm',
] as const;

export const STREETS = ['Algade', 'Storgade', 'Nørregade', 'Søndergade', 'Østergade', 'Vestergade', 'Kirkevej', 'Skovvej', 'Engvej', 'Møllevej', 'Stationsvej', 'Rosenvænget'] as const;

/** A postcode and its town. */
export type Town = readonly [postcode: string, town: string];

/**
 * Where the seeded people live: each region a town and the postcodes next to
 * it, so a visitor's citizens live within a short drive (never Sorø and
 * København on one caseload). Sorø first: the parish care visits of seed 000,
 * and a small seed's whole world.
 */
export const REGIONS: ReadonlyArray<{ name: string; towns: readonly Town[] }> = [
  { name: 'Sorø', towns: [['4180', 'Sorø'], ['4200', 'Slagelse'], ['4100', 'Ringsted'], ['4171', 'Glumsø'], ['4190', 'Munke Bjergby']] },
  { name: 'Holstebro', towns: [['7500', 'Holstebro'], ['7600', 'Struer'], ['7560', 'Hjerm'], ['7570', 'Vemb']] },
  { name: 'København', towns: [['2200', 'København N'], ['2100', 'København Ø'], ['2400', 'København NV'], ['2000', 'Frederiksberg']] },
  { name: 'Aarhus', towns: [['8000', 'Aarhus C'], ['8200', 'Aarhus N'], ['8210', 'Aarhus V'], ['8240', 'Risskov']] },
  { name: 'Odense', towns: [['5000', 'Odense C'], ['5200', 'Odense V'], ['5210', 'Odense NV'], ['5230', 'Odense M']] },
  { name: 'Holbæk', towns: [['4300', 'Holbæk'], ['4340', 'Tølløse'], ['4390', 'Vipperød'], ['4450', 'Jyderup']] },
  { name: 'Næstved', towns: [['4700', 'Næstved'], ['4160', 'Herlufmagle'], ['4750', 'Lundby'], ['4736', 'Karrebæksminde']] },
  { name: 'Aalborg', towns: [['9000', 'Aalborg'], ['9200', 'Aalborg SV'], ['9210', 'Aalborg SØ'], ['9400', 'Nørresundby']] },
  { name: 'Esbjerg', towns: [['6700', 'Esbjerg'], ['6705', 'Esbjerg Ø'], ['6710', 'Esbjerg V'], ['6715', 'Esbjerg N']] },
];

/** Partners by role, as in the seeds: home care, prevention, parishes, GPs, patient organisations. */
export const PARTNERS: ReadonlyArray<{ role: ReferrerRole; organisations: readonly string[]; weight: number }> = [
  { role: 'home_nurse', organisations: ['Hjemmeplejen Syd', 'Hjemmeplejen Nord', 'Hjemmesygeplejen Sorø'], weight: 18 },
  { role: 'home_helper', organisations: ['Hjemmeplejen Syd', 'Hjemmeplejen Nord'], weight: 10 },
  { role: 'visitator', organisations: ['Visitationen, Sorø Kommune'], weight: 8 },
  { role: 'prevention_worker', organisations: ['Forebyggende hjemmebesøg'], weight: 10 },
  { role: 'priest', organisations: ['Sorø Sogn', 'Sankt Peders Sogn', 'Holstebro Sogn'], weight: 8 },
  { role: 'parish_worker', organisations: ['Sorø Sogn', 'Sankt Peders Sogn'], weight: 6 },
  { role: 'general_practitioner', organisations: ['Lægehuset Algade', 'Lægerne i Storgade'], weight: 7 },
  { role: 'social_worker', organisations: ['Jobcenter Sorø', 'Socialpsykiatrien'], weight: 5 },
  { role: 'hospital', organisations: ['Slagelse Sygehus', 'Holbæk Sygehus'], weight: 4 },
  { role: 'patient_organisation', organisations: ['Ældre Sagen', 'Hjerteforeningen', 'Kræftens Bekæmpelse'], weight: 6 },
  { role: 'church_organisation', organisations: ['Kirkens Korshær', 'Folkekirkens Nødhjælp'], weight: 3 },
  { role: 'occupational_therapist', organisations: ['Træningscentret'], weight: 3 },
  { role: 'group_leader', organisations: ['Dagcentret Solgården'], weight: 2 },
  { role: 'relative', organisations: [], weight: 6 },
  { role: 'self', organisations: [], weight: 4 },
];

export const SITUATIONS = {
  physical: ['KOL, går dårligt på trapper', 'Nedsat syn', 'Hjerteproblemer', 'Efter hoftebrud', 'Diabetes', 'Kræft i behandling'],
  psychological: ['Trist og isoleret', 'Angst, overvældet i grupper', 'Sorg efter ægtefællens død', 'Tankemylder om natten', 'Nedtrykt'],
  social: ['Enke, ingen børn i nærheden', 'Flyttet til byen, kender ingen', 'Børnene bor i udlandet', 'Har mistet kontakten til vennerne'],
} as const;

export const THEMES = ['varmehjælp', 'datteren i Aarhus', 'haven', 'helbredstillæg', 'gåture', 'kirkens café', 'boligydelse', 'barnebarnets konfirmation', 'lægebesøg'] as const;
