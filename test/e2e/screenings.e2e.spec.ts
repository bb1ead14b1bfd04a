import { randomUUID } from 'node:crypto';
import { caseIdFrom } from '../../src/cases/shared/derived-case-id';
import { CaseCommands } from '../../src/cases/shared/case-commands';
import { EVENT_STORE, EventStore } from '../../src/event-store/event-store.port';
import { PersonalDataCipher } from '../../src/privacy/crypto/personal-data.cipher';
import { startTestApp, TestApp } from './support/test-app';
import { karenReferral } from './support/fixtures';

/**
 * Issue 22, screening before any referral, over HTTP. Seed 001 (Sorø): an app
 * "der fungerer som opsporingsværktøj, så det også kan bruges til systematisk
 * opsporing af ensomhed"; the screener is home care staff (its
 * frivillighedstovholdere) or a preventive home visit.
 */
describe('screenings over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp('sqlite')));
  afterAll(() => t.close());

  const screener = () => t.as({ sub: 'sosu@hjemmeplejen.dk', role: 'screener' });
  const head = async () => (await t.http.get('/health')).body.store.position as number;
  const raw = async (screeningId: string) => (await t.app.get<EventStore>(EVENT_STORE).readStream(`screening-${screeningId}`)).map((e) => ({ type: e.type, data: e.data }));
  const at = '2026-11-24T10:30:00+01:00';
  const referral = { programme: 'visiting_friend', address: 'Algade 12, 2. th, 4180 Sorø', referrer: { name: 'Mette Sørensen', role: 'home_nurse', organisation: 'Hjemmeplejen Syd' } };

  it('without consent keeps only unit, time and score; a name or a note is refused (400) and nothing is written', async () => {
    const res = await screener().post('/screenings').send({ at, unit: 'Hjemmeplejen Syd', ucla3: [3, 2, 3], consentToRefer: false }).expect(201);
    const { screeningId } = res.body;
    expect(res.headers.location).toBe(`/screenings/${screeningId}`);
    expect(res.body).toEqual({ screeningId, revision: 0, position: expect.any(Number) });
    expect(await raw(screeningId)).toEqual([
      { type: 'LonelinessScreened', data: { screeningId, at: '2026-11-24T09:30:00.000Z', unit: 'Hjemmeplejen Syd', ucla3: [3, 2, 3], score: 8, lonely: true, scaleVersion: 'ucla3-v1', consentToRefer: false } },
    ]);

    const before = await head();
    const refused = await screener().post('/screenings').send({ at, unit: 'Hjemmeplejen Syd', ucla3: [3, 3, 3], consentToRefer: false, citizen: { name: 'Karen Nielsen' }, note: 'trist' }).expect(400);
    expect(refused.body.errors).toEqual([
      { field: 'citizen', message: expect.stringMatching(/without consent to refer no personal data is kept/) },
      { field: 'note', message: expect.stringMatching(/without consent to refer no personal data is kept/) },
    ]);
    await screener().post('/screenings').send({ at, unit: 'Hjemmeplejen Syd', ucla3: [3, 4, 3], consentToRefer: false }).expect(400);
    await screener().post('/screenings').send({ at, unit: 'Hjemmeplejen Syd', ucla3: [3, 3, 3], consentToRefer: true }).expect(400);
    expect(await head()).toBe(before);

    const notReferable = await screener().post(`/screenings/${screeningId}/refer`).send(referral).expect(409);
    expect(notReferable.body.code).toBe('screening_without_consent');
  });

  it('with consent seals who was screened, and refers in one step: a new case that remembers the screening', async () => {
    const { screeningId } = (
      await screener()
        .post('/screenings')
        .send({ at, unit: 'Hjemmeplejen Syd', ucla3: [3, 3, 2], consentToRefer: true, citizen: { name: 'Ellen Madsen', phone: '20 30 40 99' }, note: 'Ser ingen siden faldet' })
        .expect(201)
    ).body;
    const stored = JSON.stringify(await raw(screeningId));
    for (const clear of ['Ellen', 'Madsen', '20304099', 'faldet']) expect(stored).not.toContain(clear);
    expect(stored).toContain(`enc:v2:${screeningId}:`);

    const res = await screener().post(`/screenings/${screeningId}/refer`).set('Idempotency-Key', 'refer-ellen').send(referral).expect(200);
    const { caseId, citizenId } = res.body;
    expect(res.body).toEqual({ screeningId, revision: 1, position: expect.any(Number), caseId: expect.any(String), citizenId: expect.any(String) });
    const replay = await screener().post(`/screenings/${screeningId}/refer`).set('Idempotency-Key', 'refer-ellen').send(referral).expect(200);
    expect(replay.body).toEqual(res.body);
    expect(replay.headers['idempotent-replayed']).toBe('true');

    const view = (await t.http.get(`/cases/${caseId}`).expect(200)).body;
    expect(view).toMatchObject({ status: 'Referred', citizenId, screeningId, programme: 'visiting_friend', needs: ['loneliness_symptoms'], citizen: { name: 'Ellen Madsen', phone: '+4520304099', address: referral.address } });
    const again = await screener().post(`/screenings/${screeningId}/refer`).send(referral).expect(409);
    expect(again.body).toMatchObject({ code: 'screening_referred', caseId });
    expect((await t.http.get('/cases').expect(200)).body.filter((c: { citizenId: string }) => c.citizenId === citizenId)).toHaveLength(1);
  });

  it('joins a citizen already known by CPR, as any referral does, and refuses another name (409, the screening unchanged)', async () => {
    const known = (await t.http.post('/cases').send(karenReferral()).expect(201)).body;
    const view = (await t.http.get(`/cases/${known.caseId}`).expect(200)).body;
    const record = (name: string) =>
      screener().post('/screenings').send({ at, unit: 'Forebyggende hjemmebesøg', ucla3: [2, 2, 2], consentToRefer: true, citizen: { name, cpr: view.citizen.cpr } }).expect(201);
    const same = (await record(view.citizen.name)).body.screeningId;
    const joined = (await screener().post(`/screenings/${same}/refer`).send(referral).expect(200)).body;
    expect(joined).toMatchObject({ citizenId: known.citizenId, knownCitizen: true });

    const other = (await record('Poul Jensen')).body.screeningId;
    const before = await head();
    expect((await screener().post(`/screenings/${other}/refer`).send(referral).expect(409)).body.code).toBe('cpr_name_mismatch');
    expect(await head()).toBe(before);
    expect(await raw(other)).toHaveLength(1);
  });

  it('answers 404 for a screening never recorded, and 400 for a referral without an address', async () => {
    await screener().post('/screenings/3f1c6f0e-2b1a-4c1e-9d7a-0a4b5c6d7e8f/refer').send(referral).expect(404);
    const { screeningId } = (await screener().post('/screenings').send({ at, unit: 'U', ucla3: [1, 1, 1], consentToRefer: true, citizen: { name: 'Aage Berg' } }).expect(201)).body;
    const { address: _a, ...withoutAddress } = referral;
    await screener().post(`/screenings/${screeningId}/refer`).send(withoutAddress).expect(400);
  });

  it('counts them on the dashboard per unit and month (manager, coordinator): aggregates only', async () => {
    const figures = (await t.as({ sub: 'leder', role: 'manager' }).get(`/dashboard/screenings?minPosition=${await head()}&from=2026-11-01&to=2026-11-30`).expect(200)).body;
    expect(figures.rows).toEqual([
      { month: '2026-11', unit: 'Forebyggende hjemmebesøg', screened: 2, lonely: 0, lonelyShare: 0, consentToRefer: 2, referrals: 1, cases: 0, declined: 0 },
      { month: '2026-11', unit: 'Hjemmeplejen Syd', screened: 2, lonely: 2, lonelyShare: 1, consentToRefer: 1, referrals: 1, cases: 0, declined: 0 },
      { month: '2026-11', unit: 'U', screened: 1, lonely: 0, lonelyShare: 0, consentToRefer: 1, referrals: 0, cases: 0, declined: 0 },
    ]);
    expect(JSON.stringify(figures)).not.toMatch(/Ellen|screeningId|caseId/);
    await t.http.get('/dashboard/screenings?from=2026-02-30').expect(400);
    await t.http.get('/dashboard/screenings?from=2026-03-01&to=2026-02-01').expect(400);
  });

  it('erasing the citizen destroys the key of the screening their case came from: what the screener wrote goes too', async () => {
    const { screeningId } = (
      await screener().post('/screenings').send({ at, unit: 'Hjemmeplejen Nord', ucla3: [3, 3, 3], consentToRefer: true, citizen: { name: 'Gudrun Glemt' }, note: 'Vil gerne have besøg' }).expect(201)
    ).body;
    const { citizenId } = (await screener().post(`/screenings/${screeningId}/refer`).send(referral).expect(200)).body;
    const opened = async () => (await t.app.get(PersonalDataCipher).reveal(await raw(screeningId)))[0]!.data as { citizen: { name: string }; note: string; score: number };
    expect(await opened()).toMatchObject({ citizen: { name: 'Gudrun Glemt' }, note: 'Vil gerne have besøg' });
    await t.as({ sub: 'admin@sogn.dk', role: 'admin' }).post(`/citizens/${citizenId}/erase`).send({}).expect(200);
    expect(await opened()).toMatchObject({ citizen: { name: '[slettet]' }, note: '[slettet]', score: 9 });
  });
  it('a referral made twice (the case written, then a crash before the screening recorded it) finds the one case and records it: never a second case', async () => {
    const { screeningId } = (
      await screener().post('/screenings').send({ at, unit: 'Hjemmeplejen Syd', ucla3: [3, 3, 3], consentToRefer: true, citizen: { name: 'Poul Holm' } }).expect(201)
    ).body;
    // The crash, as it would leave the store: the case made under the screening's own case id, no ScreeningReferred.
    const caseId = caseIdFrom('screening-case', screeningId);
    const cases = t.app.get(CaseCommands);
    await cases.execute(caseId, { type: 'ReceiveReferral', data: { ...karenReferral({ citizen: { name: 'Poul Holm', address: referral.address } }), caseId, citizenId: randomUUID(), screeningId } } as never, {
      actor: { id: 'sosu@hjemmeplejen.dk', role: 'screener' },
      commandId: randomUUID(),
      correlationId: randomUUID(),
    });

    const res = await screener().post(`/screenings/${screeningId}/refer`).send(referral).expect(200);
    expect(res.body.caseId).toBe(caseId);
    expect((await raw(screeningId)).map((e) => e.type)).toEqual(['LonelinessScreened', 'ScreeningReferred']);
    const again = await screener().post(`/screenings/${screeningId}/refer`).send(referral).expect(409);
    expect(again.body.code).toBe('screening_referred');
  });
});
