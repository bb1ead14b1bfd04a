import type { RegisterOffer } from '../../../domain/offer/offer.commands';
import type { Interest, Language, Mobility, OfferKind, TimeSpan, Weekday } from '../../../domain/matching/matching.codes';
import type { CitizenWishes, VisitorProfile } from '../../../domain/matching/matching.profile';
import type { Programme } from '../../../domain/shared/codes';
import { FIRST_NAMES, LAST_NAMES, STREETS, Town } from './danish-data';
import type { Random } from './random';

/**
 * The seed's matching (issue #18): a profile for every helper, wishes for most
 * citizens, and a catalogue of offers in every town, so that suggestions are
 * meaningful on a fresh start. Drawn from a Random of its own, so the case
 * stories are the same as without it.
 */

/** FIRST_NAMES lists the women's names first. */
const WOMEN = new Set(FIRST_NAMES.slice(0, 14));

/** Interests the seeds' people have: coffee and talk, walks, the garden, cards, the church, a choir. */
const COMMON: readonly Interest[] = ['coffee_and_talk', 'walks', 'gardening', 'card_games', 'needlework', 'music_and_singing', 'church', 'nature', 'cooking', 'reading', 'it_help'];
const OTHER_LANGUAGES: readonly Language[] = ['ar', 'tr', 'pl', 'de', 'en', 'ur', 'so'];

function some<T>(random: Random, items: readonly T[], min: number, max: number): T[] {
  const out = new Set<T>();
  const n = random.int(min, max);
  while (out.size < n) out.add(random.pick(items));
  return [...out];
}

/** Two or three daytime spans on working days, on the hour. */
function daytime(random: Random, count: number): TimeSpan[] {
  const days = some(random, [1, 2, 3, 4, 5] as Weekday[], count, count).sort();
  return days.map((weekday) => {
    const from = random.int(9, 13);
    return { weekday, from: `${String(from).padStart(2, '0')}:00`, to: `${String(from + random.int(2, 4)).padStart(2, '0')}:00` };
  });
}

export function profileOf(random: Random, programme: Programme, towns: readonly Town[], name: string, anchorYear: number): VisitorProfile {
  const other = random.chance(0.12) ? [random.pick(OTHER_LANGUAGES)] : [];
  return {
    programmes: [programme],
    interests: some(random, COMMON, 2, 4),
    languages: ['da', ...other],
    postcodes: towns.map(([postcode]) => postcode),
    availability: daytime(random, random.int(2, 3)),
    gender: WOMEN.has(name.split(' ')[0] as (typeof FIRST_NAMES)[number]) ? 'female' : 'male',
    birthYear: anchorYear - random.int(25, 78),
  };
}

export function wishesOf(random: Random, programme: Programme): CitizenWishes {
  const interests = programme === 'community_guide' ? some(random, ['self_help_group', 'social_cafe', ...COMMON] as Interest[], 2, 3) : some(random, COMMON, 1, 3);
  const mobility = random.weighted<Mobility>({ walks: 5, walker: 4, wheelchair: 1, bedbound: programme === 'care_visits' ? 1 : 0 });
  return {
    interests,
    languages: random.chance(0.08) ? ['da', random.pick(OTHER_LANGUAGES)] : ['da'],
    ...(random.chance(0.3) && { preferredGender: random.chance(0.8) ? ('female' as const) : ('male' as const) }),
    availability: daytime(random, random.int(1, 3)),
    mobility,
  };
}

/** What a town has: an activity centre, a drop-in café, a choir, a library reading group, … as in the seeds' towns. */
const CATALOGUE: ReadonlyArray<{ name: (town: string) => string; kind: OfferKind; organisation: (town: string) => string; interests: readonly Interest[] }> = [
  { name: (t) => `${t} Aktivitetscenter`, kind: 'activity_centre', organisation: (t) => `${t} Kommune`, interests: ['card_games', 'needlework', 'crafts', 'coffee_and_talk'] },
  { name: (t) => `Café Fællesrummet, ${t}`, kind: 'drop_in_centre', organisation: () => 'Kirkens Korshær', interests: ['coffee_and_talk', 'social_cafe'] },
  { name: (t) => `${t} Seniorkor`, kind: 'association', organisation: (t) => `${t} Seniorkor`, interests: ['music_and_singing'] },
  { name: (t) => `Læseklubben på ${t} Bibliotek`, kind: 'library', organisation: (t) => `${t} Bibliotek`, interests: ['reading', 'coffee_and_talk'] },
  { name: (t) => `Gå-holdet i ${t}`, kind: 'sport', organisation: () => 'Ældre Sagen', interests: ['walks', 'nature', 'sport_and_exercise'] },
  { name: (t) => `Sogneeftermiddag i ${t} Kirke`, kind: 'church', organisation: (t) => `${t} Sogn`, interests: ['church', 'coffee_and_talk', 'music_and_singing'] },
  { name: (t) => `Øvefællesskabet, ${t} Frivilligcenter`, kind: 'practice_community', organisation: (t) => `Frivilligcenter ${t}`, interests: ['social_cafe', 'self_help_group', 'board_games'] },
  { name: (t) => `Haveklubben ${t}`, kind: 'association', organisation: (t) => `Haveselskabet ${t}`, interests: ['gardening', 'nature'] },
  { name: (t) => `It-café for seniorer, ${t}`, kind: 'volunteer_centre', organisation: () => 'Ældre Sagen', interests: ['it_help', 'coffee_and_talk'] },
  { name: (t) => `Madklubben i ${t}`, kind: 'other', organisation: (t) => `Frivilligcenter ${t}`, interests: ['cooking', 'coffee_and_talk'] },
];

/** A town's offers: most of the catalogue, some missing, so the gaps view has something to show. */
export function offersOf(random: Random, [postcode, town]: Town, newId: () => string): Array<RegisterOffer['data']> {
  return CATALOGUE.filter(() => random.chance(0.7)).map((entry) => ({
    offerId: newId(),
    name: entry.name(town),
    kind: entry.kind,
    organisation: entry.organisation(town),
    address: `${random.pick(STREETS)} ${random.int(1, 60)}, ${postcode} ${town}`,
    postcode,
    schedule: [{ weekday: random.int(1, 5) as Weekday, time: `${String(random.int(9, 15)).padStart(2, '0')}:${random.pick(['00', '30'])}` }],
    interests: [...entry.interests],
    accessible: random.chance(0.7),
    contact: { name: `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`, phone: `+45${random.int(2, 9)}${random.digits(7)}` },
  }));
}
