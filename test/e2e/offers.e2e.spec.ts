import { STORAGE, Storage } from '../../src/storage/storage.port';
import { cafeNygade } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

/** The catalogue of offers over HTTP: `POST /offers`, `/update`, `/retire`, `GET /offers` (issue #18). */
describe('the catalogue of offers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
  });
  afterAll(() => t.close());

  it('registers an offer (201, Location) and lists it with its contact opened, the phone normalised', async () => {
    const res = await t.http.post('/offers').send(cafeNygade()).expect(201);
    expect(res.headers.location).toBe(`/offers/${res.body.offerId}`);
    const list = (await t.as({ sub: 'v@sogn.dk', role: 'visitor', visitorId: res.body.offerId }).get('/offers?postcode=7500').expect(200)).body;
    expect(list).toContainEqual(expect.objectContaining({ offerId: res.body.offerId, name: 'Café Nygade', active: true, contact: { name: 'Lone Bech', phone: '+4597421234' } }));
  });

  it('keeps the contact person sealed in the stored events', async () => {
    const { offerId } = (await t.http.post('/offers').send(cafeNygade({ name: 'Strikkecaféen', contact: { name: 'Grethe Sørensen' } })).expect(201)).body;
    const events = await t.app.get<symbol, Storage>(STORAGE).events.readStream(`offer-${offerId}`);
    expect(JSON.stringify(events)).not.toContain('Grethe');
    expect(JSON.stringify(events)).toContain('Strikkecaféen');
  });

  it('filters by postcode (same or neighbouring), interest, kind and active', async () => {
    const near = (await t.http.post('/offers').send(cafeNygade({ name: 'Holstebro Sangkor', kind: 'association', postcode: '7490', interests: ['music_and_singing'] })).expect(201)).body.offerId;
    const far = (await t.http.post('/offers').send(cafeNygade({ name: 'Sorø Aktivitetscenter', kind: 'activity_centre', postcode: '4180', interests: ['music_and_singing', 'card_games'] })).expect(201)).body.offerId;
    const ids = async (query: string) => ((await t.http.get(`/offers?${query}`).expect(200)).body as Array<{ offerId: string }>).map((o) => o.offerId);
    expect(await ids('postcode=7500&interest=music_and_singing')).toEqual([near]);
    expect(await ids('interest=music_and_singing')).toEqual(expect.arrayContaining([near, far]));
    expect(await ids('kind=activity_centre')).toEqual([far]);
    await t.http.post(`/offers/${far}/retire`).send({ reason: 'Lukket' }).expect(200);
    expect(await ids('kind=activity_centre&active=true')).toEqual([]);
    expect(await ids('kind=activity_centre')).toEqual([far]);
  });

  it('updates what changed, and refuses a change to a retired offer (409 offer_retired) or one that changes nothing (409 offer_unchanged)', async () => {
    const { offerId } = (await t.http.post('/offers').send(cafeNygade({ name: 'Læseklubben', kind: 'library' })).expect(201)).body;
    await t.http.post(`/offers/${offerId}/update`).send({ schedule: [{ weekday: 2, time: '10:00' }], targetGroup: 'Ældre, der kan lide at læse' }).expect(200);
    expect((await t.http.get(`/offers/${offerId}`).expect(200)).body).toMatchObject({ schedule: [{ weekday: 2, time: '10:00' }], targetGroup: 'Ældre, der kan lide at læse' });
    expect((await t.http.post(`/offers/${offerId}/update`).send({ kind: 'library' }).expect(409)).body.code).toBe('offer_unchanged');
    await t.http.post(`/offers/${offerId}/retire`).send({}).expect(200);
    expect((await t.http.post(`/offers/${offerId}/update`).send({ name: 'Ny' }).expect(409)).body.code).toBe('offer_retired');
  });

  it('refuses bad input with the fields named, and changes nothing', async () => {
    const before = (await t.http.get('/offers')).body.length;
    const res = await t.http.post('/offers').send(cafeNygade({ postcode: '75', kind: 'bowling', interests: ['knitting'], schedule: [{ weekday: 8, time: '9' }], contact: { name: '' } })).expect(400);
    const fields = (res.body.errors as Array<{ field: string }>).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['postcode', 'kind', 'interests', 'schedule.0.weekday', 'schedule.0.time', 'contact.name']));
    expect((await t.http.get('/offers')).body.length).toBe(before);
    await t.http.post('/offers/00000000-0000-4000-8000-000000000000/retire').send({}).expect(404);
  });
});
