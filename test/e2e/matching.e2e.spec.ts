import { cafeNygade, fridaReferral, karenReferral, suicidalReferral, visitor } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

/** Matching over HTTP (issue #18): profiles, wishes, suggestions, introductions to offers and their outcome. */
describe('the right match', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
  });
  afterAll(() => t.close());

  const profile = (overrides: Record<string, unknown> = {}) => ({
    programmes: ['community_guide'],
    interests: ['self_help_group', 'social_cafe'],
    languages: ['da'],
    postcodes: ['7500'],
    availability: [{ weekday: 3, from: '12:00', to: '18:00' }],
    gender: 'female',
    ...overrides,
  });
  const fridasWishes = {
    interests: ['self_help_group', 'social_cafe'],
    languages: ['da'],
    availability: [{ weekday: 3, from: '13:00', to: '17:00' }],
    mobility: 'walks',
    note: 'Bliver overvældet i store grupper',
  };
  const register = async (name: string, kind: 'volunteer' | 'volunteer_professional' | 'employee' = 'volunteer') =>
    (await t.http.post('/visitors').send(visitor(kind, 3, name)).expect(201)).body.visitorId as string;
  const triaged = async (body: object) => {
    const { caseId } = (await t.http.post('/cases').send(body).expect(201)).body;
    await t.http.post(`/cases/${caseId}/triage`).send({ track: 'volunteer', reason: 'r', priority: 'normal' }).expect(200);
    return caseId as string;
  };

  it('records a profile, which the visitor reads back; a profile names only known codes', async () => {
    const guide = await register('Gitte Guide');
    await t.http.post(`/visitors/${guide}/profile`).send(profile()).expect(200);
    expect((await t.as({ sub: 'g', role: 'visitor', visitorId: guide }).get(`/visitors/${guide}/profile`).expect(200)).body).toMatchObject({ name: 'Gitte Guide', profile: profile() });
    const bad = await t.http.post(`/visitors/${guide}/profile`).send(profile({ interests: ['bowling'], postcodes: ['75'], availability: [{ weekday: 3, from: '18:00', to: '12:00' }] })).expect(400);
    expect((bad.body.errors as Array<{ field: string }>).map((e) => e.field)).toEqual(expect.arrayContaining(['interests', 'postcodes']));
    const spans = await t.http.post(`/visitors/${guide}/profile`).send(profile({ availability: [{ weekday: 3, from: '18:00', to: '12:00' }] })).expect(400);
    expect(spans.body.errors).toEqual([{ field: 'availability.0.to', message: 'to must lie after from' }]);
  });

  it('refuses to book a visitor on a programme their profile does not name: 409 visitor_not_in_programme', async () => {
    const guide = await register('Gunnar Guide');
    await t.http.post(`/visitors/${guide}/profile`).send(profile()).expect(200);
    const unprofiled = await register('Uffe Uden Profil');
    // The booking list leaves them out; a visitor with no profile serves every programme.
    const listed = (await t.http.get('/visitors?available=true&programme=care_visits').expect(200)).body.map((v: { visitorId: string }) => v.visitorId);
    expect(listed).not.toContain(guide);
    expect(listed).toContain(unprofiled);
    const caseId = await triaged(karenReferral());
    const res = await t.http.post(`/cases/${caseId}/first-visit`).send({ visitorId: guide, visitAt: '2026-03-09T10:00:00+01:00' }).expect(409);
    expect(res.body).toMatchObject({ code: 'visitor_not_in_programme' });
    expect(res.body.userMessage).toMatch(/ordning/);
  });

  it("suggests visitors and offers for Frida with reasons, and keeps her wishes' note sealed", async () => {
    const guide = await register('Hanne Holstebro');
    await t.http.post(`/visitors/${guide}/profile`).send(profile()).expect(200);
    const other = await register('Søren Sorø');
    await t.http.post(`/visitors/${other}/profile`).send(profile({ programmes: ['care_visits'], postcodes: ['4180'] })).expect(200);
    const cafe = (await t.http.post('/offers').send(cafeNygade()).expect(201)).body.offerId;
    const caseId = await triaged(fridaReferral());
    await t.http.post(`/cases/${caseId}/wishes`).send(fridasWishes).expect(200);

    const { visitors, offers } = (await t.http.get(`/cases/${caseId}/suggestions`).expect(200)).body;
    expect(visitors.map((v: { visitorId: string }) => v.visitorId)).toContain(guide);
    expect(visitors.map((v: { visitorId: string }) => v.visitorId)).not.toContain(other);
    // Gitte (the first test) has the same profile: they tie, and the name decides.
    const hanne = visitors.find((v: { visitorId: string }) => v.visitorId === guide);
    expect(hanne).toMatchObject({ freePlaces: 3, score: visitors[0].score });
    expect(hanne.reasons.map((r: { code: string }) => r.code)).toEqual(
      expect.arrayContaining(['shared_interest:self_help_group', 'same_area', 'available_at_citizen_time', 'has_free_place']),
    );
    expect(offers[0]).toMatchObject({ offerId: cafe, name: 'Café Nygade' });
    expect(offers[0].reasons).toContainEqual({ code: 'shared_interest:social_cafe', text: 'Fælles interesse: social café', points: 3 });

    const events = (await t.http.get(`/cases/${caseId}/events`).expect(200)).body;
    expect(events.find((e: { type: string }) => e.type === 'WishesRecorded').data.note).toBe(fridasWishes.note);
    expect((await t.http.get(`/cases/${caseId}`).expect(200)).body.wishes).toEqual(fridasWishes);
  });

  it('takes wishes with the referral', async () => {
    const { caseId } = (await t.http.post('/cases').send({ ...fridaReferral(), wishes: fridasWishes }).expect(201)).body;
    const types = (await t.http.get(`/cases/${caseId}/events`).expect(200)).body.map((e: { type: string }) => e.type);
    expect(types).toEqual(['ReferralReceived', 'WishesRecorded']);
    const bad = await t.http.post('/cases').send({ ...fridaReferral(), wishes: { ...fridasWishes, mobility: 'flying' } }).expect(400);
    expect(bad.body.errors[0].field).toBe('wishes.mobility');
  });

  it('suggests only professional-capable visitors for Poul', async () => {
    const volunteer = await register('Vera Frivillig');
    const nurse = await register('Nina Sygeplejerske', 'volunteer_professional');
    const caseId = (await t.http.post('/cases').send(suicidalReferral()).expect(201)).body.caseId;
    const ids = (await t.http.get(`/cases/${caseId}/suggestions`).expect(200)).body.visitors.map((v: { visitorId: string }) => v.visitorId);
    expect(ids).toContain(nurse);
    expect(ids).not.toContain(volunteer);
  });

  it('lets the visitor introduce the citizen to an offer and record that she joined, as a relation of kind community', async () => {
    const guide = await register('Ida Guide');
    await t.http.post(`/visitors/${guide}/profile`).send(profile()).expect(200);
    const cafe = (await t.http.post('/offers').send(cafeNygade({ name: 'Café Nygade 2' })).expect(201)).body.offerId;
    const caseId = await triaged(fridaReferral());
    await t.http.post(`/cases/${caseId}/first-visit`).send({ visitorId: guide, visitAt: '2026-04-15T10:00:00+02:00' }).expect(200);
    const asGuide = t.as({ sub: 'ida@rodekors.dk', role: 'visitor', visitorId: guide });
    // The case's visitor sees offers only.
    const seen = (await asGuide.get(`/cases/${caseId}/suggestions`).expect(200)).body;
    expect(seen.visitors).toEqual([]);
    expect(seen.offers.map((o: { offerId: string }) => o.offerId)).toContain(cafe);

    await asGuide.post(`/cases/${caseId}/offers`).send({ offerId: cafe, at: '2026-04-22T14:00:00+02:00', accompaniedBy: guide }).expect(200);
    await asGuide.post(`/cases/${caseId}/offers/${cafe}/outcome`).send({ outcome: 'joined', at: '2026-05-20T14:00:00+02:00', relation: true, note: 'Glad for det' }).expect(200);
    const view = (await t.http.get(`/cases/${caseId}`).expect(200)).body;
    expect(view.introductions).toEqual([{ offerId: cafe, offerName: 'Café Nygade 2', offerKind: 'practice_community', at: '2026-04-22T12:00:00.000Z', accompaniedBy: guide, outcome: 'joined', outcomeAt: '2026-05-20T12:00:00.000Z' }]);
    expect(view.relations).toEqual([{ kind: 'community', description: 'Café Nygade 2', at: '2026-05-20T12:00:00.000Z' }]);
    const history = (await t.http.get(`/cases/${caseId}/history`).expect(200)).body.map((h: { label: string }) => h.label);
    expect(history).toEqual(expect.arrayContaining(['Introduceret til tilbud', 'Udfald af tilbud registreret', 'Ny relation etableret']));
    // Introduced already: no longer suggested.
    expect((await asGuide.get(`/cases/${caseId}/suggestions`).expect(200)).body.offers.map((o: { offerId: string }) => o.offerId)).not.toContain(cafe);
  });

  it('refuses an outcome for an offer never introduced (409 not_introduced) and an unknown offer (404), changing nothing', async () => {
    const caseId = await triaged(fridaReferral());
    const cafe = (await t.http.post('/offers').send(cafeNygade({ name: 'Café 3' })).expect(201)).body.offerId;
    expect((await t.http.post(`/cases/${caseId}/offers/${cafe}/outcome`).send({ outcome: 'joined', at: '2026-05-20T14:00:00+02:00' }).expect(409)).body.code).toBe('not_introduced');
    await t.http.post(`/cases/${caseId}/offers`).send({ offerId: '00000000-0000-4000-8000-000000000000', at: '2026-04-22T14:00:00+02:00' }).expect(404);
    expect((await t.http.get(`/cases/${caseId}`).expect(200)).body.revision).toBe(1);
  });

  it('shows the manager where offers are missing: aggregates only, no case, no person', async () => {
    const { caseId, position } = (await t.http.post('/cases').send({ ...fridaReferral(), wishes: { ...fridasWishes, interests: ['needlework'] } }).expect(201)).body;
    // Read your writes: on PostgreSQL the projector runs beside the request, so ask for the referral's position.
    const res = await t.as({ sub: 'leder@sogn.dk', role: 'manager' }).get(`/offers/gaps?programme=community_guide&minPosition=${position}`).expect(200);
    expect(res.body.interests).toContainEqual({ interest: 'needlework', label: 'håndarbejde', cases: 1, withoutOffer: 1 });
    expect(res.body.introductions).toContainEqual(expect.objectContaining({ kind: 'practice_community', joined: 1 }));
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(caseId);
    expect(text).not.toContain('Frida');
    expect((await t.as({ sub: 'leder@sogn.dk', role: 'manager' }).get('/offers/gaps?from=2026-13-01').expect(400)).body.errors[0].field).toBe('from');
  });
});
