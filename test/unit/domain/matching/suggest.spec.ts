import type { CaseToMatch, OfferToMatch, VisitorToMatch } from '../../../../domain/matching/suggest';
import { suggest, suggestOffers, suggestVisitors, SUGGESTION_LIMIT } from '../../../../domain/matching/suggest';
import type { VisitorProfile } from '../../../../domain/matching/matching.profile';

/**
 * The suggestions as a specification, with the seeds' people as cases.
 * Seed 001 ("Det rigtige match"): "gennem de frivillige får hjemmeplejen
 * kendskab til aktiviteter, der kan matche borgernes behov". Seed 003: the
 * guides "matcher med lokale tilbud".
 */

const profile = (overrides: Partial<VisitorProfile> = {}): VisitorProfile => ({
  programmes: ['care_visits'],
  interests: [],
  languages: ['da'],
  postcodes: ['4180'],
  availability: [],
  ...overrides,
});

const helper = (name: string, overrides: Partial<VisitorToMatch> = {}): VisitorToMatch => ({
  visitorId: `v-${name}`,
  name,
  kind: 'volunteer',
  active: true,
  capacity: 3,
  activeCases: 1,
  profile: profile(),
  ...overrides,
});

const offer = (name: string, overrides: Partial<OfferToMatch> = {}): OfferToMatch => ({
  offerId: `o-${name}`,
  name,
  kind: 'activity_centre',
  postcode: '4180',
  schedule: [{ weekday: 2, time: '10:00' }],
  interests: [],
  accessible: false,
  active: true,
  ...overrides,
});

/** Karen (seed 000/001): a widow in Sorø with KOL who walks with a rollator; likes gardening and coffee, free on Tuesday mornings. */
const karen: CaseToMatch = {
  programme: 'care_visits',
  postcode: '4180',
  needsProfessional: false,
  wishes: {
    interests: ['gardening', 'coffee_and_talk'],
    languages: ['da'],
    availability: [{ weekday: 2, from: '09:00', to: '12:00' }],
    mobility: 'walker',
    preferredGender: 'female',
  },
  introducedOfferIds: [],
};

/** Poul (seed 000): suicidal thoughts at referral, so only an employee or a volunteer with a professional background. */
const poul: CaseToMatch = { ...karen, needsProfessional: true, wishes: { ...karen.wishes!, interests: ['card_games'], preferredGender: undefined } };

/** Frida (seed 003): in Holstebro, overwhelmed in groups, a self-help group and a social café; a community guide's case. */
const frida: CaseToMatch = {
  programme: 'community_guide',
  postcode: '7500',
  needsProfessional: false,
  wishes: { interests: ['self_help_group', 'social_cafe'], languages: ['da'], availability: [{ weekday: 3, from: '13:00', to: '17:00' }], mobility: 'walks' },
  introducedOfferIds: [],
};

describe('suggested visitors', () => {
  it("ranks Karen's visitors by the sum of their reasons, and says why", () => {
    const birthe = helper('Birthe', { profile: profile({ interests: ['gardening', 'coffee_and_talk'], availability: [{ weekday: 2, from: '10:00', to: '12:00' }], gender: 'female' }) });
    const ole = helper('Ole', { profile: profile({ interests: ['card_games'], postcodes: ['4190'] }) });
    const [first, second] = suggestVisitors(karen, [ole, birthe]);
    expect(first).toEqual({
      visitorId: 'v-Birthe',
      name: 'Birthe',
      freePlaces: 2,
      score: 3 + 3 + 4 + 2 + 1 + 2,
      reasons: [
        { code: 'shared_interest:gardening', text: 'Fælles interesse: havearbejde', points: 3 },
        { code: 'shared_interest:coffee_and_talk', text: 'Fælles interesse: kaffe og snak', points: 3 },
        { code: 'same_area', text: 'Samme område (4180)', points: 4 },
        { code: 'available_at_citizen_time', text: 'Kan tirsdag 09:00-12:00, når borgeren kan', points: 2 },
        { code: 'preferred_gender', text: 'Det køn, borgeren foretrækker', points: 1 },
        { code: 'has_free_place', text: '2 ledige pladser', points: 2 },
      ],
    });
    expect(second).toMatchObject({ visitorId: 'v-Ole', score: 2 + 2, reasons: [{ code: 'neighbouring_area' }, { code: 'has_free_place' }] });
    // The score is the sum of the reasons, nothing hidden.
    for (const s of [first!, second!]) expect(s.score).toBe(s.reasons.reduce((sum, r) => sum + r.points, 0));
  });

  it('names a shared language other than Danish', () => {
    const amina = helper('Amina', { profile: profile({ languages: ['da', 'ar'] }) });
    const [s] = suggestVisitors({ ...karen, wishes: { ...karen.wishes!, languages: ['ar', 'da'] } }, [amina]);
    expect(s!.reasons.map((r) => r.code)).toContain('language:ar');
    expect(s!.reasons.find((r) => r.code === 'language:ar')!.text).toBe('Taler arabisk');
  });

  it('leaves out whoever breaks a hard rule: inactive, full, another programme, too far, the current visitor', () => {
    const out = suggestVisitors({ ...karen, visitorId: 'v-Current' }, [
      helper('Inactive', { active: false }),
      helper('Full', { activeCases: 3 }),
      helper('Guide', { profile: profile({ programmes: ['community_guide'] }) }),
      helper('Far', { profile: profile({ postcodes: ['7500'] }) }),
      helper('Current'),
      helper('Fits'),
    ]);
    expect(out.map((s) => s.name)).toEqual(['Fits']);
  });

  it('suggests a visitor registered before profiles existed: every programme, anywhere, ranked on free places alone', () => {
    const [s] = suggestVisitors(karen, [helper('Gammel', { profile: undefined })]);
    expect(s).toMatchObject({ name: 'Gammel', score: 2, reasons: [{ code: 'has_free_place' }] });
  });

  it('suggests only professional-capable visitors for Poul (suicidal thoughts)', () => {
    const out = suggestVisitors(poul, [helper('Frivillig'), helper('Sygeplejerske', { kind: 'volunteer_professional' }), helper('Ansat', { kind: 'employee' })]);
    expect(out.map((s) => s.name).sort()).toEqual(['Ansat', 'Sygeplejerske']);
  });

  it(`answers at most ${SUGGESTION_LIMIT}, best first, ties by free places then name`, () => {
    const many = Array.from({ length: 25 }, (_, i) => helper(`H${String(i).padStart(2, '0')}`, { activeCases: i % 3 }));
    const out = suggestVisitors(karen, many);
    expect(out).toHaveLength(SUGGESTION_LIMIT);
    expect(out.every((s, i) => i === 0 || out[i - 1]!.score >= s.score)).toBe(true);
  });
});

describe('suggested offers', () => {
  const cafe = offer('Café Nygade', { kind: 'practice_community', postcode: '7500', interests: ['social_cafe', 'coffee_and_talk'], schedule: [{ weekday: 3, time: '14:00' }], accessible: true });
  const selfHelp = offer('Selvhjælpsgruppen', { kind: 'association', postcode: '7500', interests: ['self_help_group'], schedule: [{ weekday: 1, time: '19:00' }] });
  const sorø = offer('Sorø Aktivitetscenter', { postcode: '4180', interests: ['social_cafe'] });

  it("finds Frida's café and self-help group in Holstebro, the café first: it meets when she can, without stairs", () => {
    const out = suggestOffers(frida, [sorø, selfHelp, cafe]);
    expect(out.map((o) => o.name)).toEqual(['Café Nygade', 'Selvhjælpsgruppen']);
    expect(out[0]!.reasons.map((r) => r.code)).toEqual(['shared_interest:social_cafe', 'same_area', 'available_at_citizen_time', 'accessible']);
    expect(out[0]!.reasons[2]!.text).toBe('Mødes onsdag kl. 14:00, når borgeren kan');
  });

  it('leaves out retired offers, offers already introduced, and (in a wheelchair) offers with steps; none for a bedbound citizen', () => {
    expect(suggestOffers(frida, [{ ...cafe, active: false }, selfHelp]).map((o) => o.name)).toEqual(['Selvhjælpsgruppen']);
    expect(suggestOffers({ ...frida, introducedOfferIds: [cafe.offerId] }, [cafe, selfHelp]).map((o) => o.name)).toEqual(['Selvhjælpsgruppen']);
    expect(suggestOffers({ ...frida, wishes: { ...frida.wishes!, mobility: 'wheelchair' } }, [cafe, selfHelp]).map((o) => o.name)).toEqual(['Café Nygade']);
    expect(suggestOffers({ ...frida, wishes: { ...frida.wishes!, mobility: 'bedbound' } }, [cafe, selfHelp])).toEqual([]);
  });

  it('weighs an accessible offer higher for Karen with her rollator', () => {
    const [s] = suggestOffers(karen, [offer('Havecaféen', { interests: ['gardening'], accessible: true })]);
    expect(s!.reasons).toContainEqual({ code: 'accessible', text: 'Tilgængeligt uden trapper', points: 2 });
  });

  it('gives both lists at once', () => {
    const out = suggest(frida, [helper('Guide', { profile: profile({ programmes: ['community_guide'], postcodes: ['7500'] }) })], [cafe]);
    expect(out.visitors.map((v) => v.name)).toEqual(['Guide']);
    expect(out.offers.map((o) => o.name)).toEqual(['Café Nygade']);
  });
});
