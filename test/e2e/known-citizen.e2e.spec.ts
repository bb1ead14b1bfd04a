import { karenReferral } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

const KAREN_CPR = '120345-1234';
const karen = (name = 'Karen Nielsen', cpr = KAREN_CPR) => karenReferral({ citizen: { name, address: 'Algade 12, 2. th, 4180 Sorø', cpr } });

/**
 * A coordinator finds a citizen already known before taking a referral
 * (issue #17), and a referral whose CPR number is known joins that citizen.
 * Names and CPR numbers are sealed per citizen; the lookup keeps keyed hashes
 * in memory only (docs/privacy.md, "Finding a known citizen").
 */
describe('finding a known citizen', () => {
  let t: TestApp;
  const admin = () => t.as({ sub: 'dpo@kommune.dk', role: 'admin' });
  beforeAll(async () => (t = await startTestApp('sqlite')));
  afterAll(() => t.close());

  it('joins a referral to the citizen its CPR number names ("Karen Nielsen" is "Karen Marie Nielsen")', async () => {
    const first = (await t.http.post('/cases').send(karen()).expect(201)).body;
    expect(first).not.toHaveProperty('knownCitizen');
    const again = (await t.http.post('/cases').send(karen('Karen Marie Nielsen')).expect(201)).body;
    expect(again).toMatchObject({ citizenId: first.citizenId, knownCitizen: true });
    expect(again.caseId).not.toBe(first.caseId);
    // In capitals, it is still her.
    const third = (await t.http.post('/cases').send(karen('KAREN NIELSEN')).expect(201)).body;
    expect(third).toMatchObject({ citizenId: first.citizenId, knownCitizen: true });
  });

  it('refuses a referral whose CPR number is a known citizen\'s and whose name is clearly another person\'s (409 cpr_name_mismatch), appending nothing', async () => {
    const before = (await t.http.get('/health')).body.store.position;
    const res = await t.http.post('/cases').send(karen('Poul Jensen')).expect(409);
    expect(res.body).toMatchObject({ code: 'cpr_name_mismatch' });
    expect(res.body.userMessage).toMatch(/CPR-nummeret tilhører en kendt borger/);
    expect((await t.http.get('/health')).body.store.position).toBe(before);
  });

  it('finds her by CPR number (with or without hyphen) and by the beginnings of her names, folded', async () => {
    const [found] = (await t.http.get(`/citizens?cpr=${KAREN_CPR}`).expect(200)).body;
    expect(found).toEqual({ citizenId: expect.any(String), name: 'KAREN NIELSEN', birthYear: 1945, openCases: 3, lastReferralAt: '2026-03-02T08:15:00.000Z' });
    expect((await t.http.get('/citizens?cpr=1203451234').expect(200)).body).toEqual([found]);
    expect((await t.http.get('/citizens?search=kar%20niel').expect(200)).body).toEqual([found]);
    expect((await t.http.get('/citizens?search=nielsen').expect(200)).body).toEqual([found]);
    expect((await t.http.get('/citizens?search=karen%20hansen').expect(200)).body).toEqual([]);
    expect((await t.http.get('/citizens?cpr=010203-1234').expect(200)).body).toEqual([]);

    const soeren = (await t.http.post('/cases').send(karenReferral({ citizen: { name: 'Søren Østergård', address: 'Storgade 3, 4180 Sorø' } })).expect(201)).body;
    expect((await t.http.get('/citizens?search=Soeren%20oester').expect(200)).body).toEqual([expect.objectContaining({ citizenId: soeren.citizenId, name: 'Søren Østergård', openCases: 1 })]);
    expect((await t.http.get('/citizens?search=s%C3%B8r').expect(200)).body.map((c: { citizenId: string }) => c.citizenId)).toContain(soeren.citizenId);
  });

  it('answers at most 20, the latest referral first', async () => {
    for (let i = 0; i < 21; i++) {
      const referredAt = `2026-02-${String(i + 1).padStart(2, '0')}T10:00:00+01:00`;
      await t.http.post('/cases').send(karenReferral({ referredAt, citizen: { name: `Hans Hansen${i}`, address: 'Algade 1, 4180 Sorø' } })).expect(201);
    }
    const found = (await t.http.get('/citizens?search=hans').expect(200)).body;
    expect(found).toHaveLength(20);
    expect(found[0]).toMatchObject({ name: 'Hans Hansen20' });
    expect(found.map((c: { lastReferralAt: string }) => c.lastReferralAt)).toEqual([...found.map((c: { lastReferralAt: string }) => c.lastReferralAt)].sort().reverse());
  });

  it('logs who looked whom up', async () => {
    const [found] = (await t.http.get(`/citizens?cpr=${KAREN_CPR}`).expect(200)).body;
    const log = (await admin().get(`/citizens/${found.citizenId}/access-log`).expect(200)).body;
    expect(log.map((e: { route: string; subject: string }) => `${e.subject} ${e.route}`)).toContain('test-coordinator GET /citizens');
  });

  it('refuses a query with neither or both, a short search and a malformed CPR number (400)', async () => {
    for (const query of ['', `?cpr=${KAREN_CPR}&search=karen`, '?search=k', '?cpr=12-03-45', '?cpr=120345-12345']) {
      const res = await t.http.get(`/citizens${query}`);
      expect([query, res.status]).toEqual([query, 400]);
      expect(res.body.errors.length).toBeGreaterThan(0);
    }
  });

  it('is for coordinators only', async () => {
    for (const role of ['manager', 'auditor', 'admin'] as const) await t.as({ sub: `${role}@kommune.dk`, role }).get('/citizens?search=karen').expect(403);
    await t.as({ sub: 'birthe@sogn.dk', role: 'visitor', visitorId: '00000000-0000-4000-8000-000000000001' }).get('/citizens?search=karen').expect(403);
    await t.as('anonymous').get('/citizens?search=karen').expect(401);
  });

  it('is rebuilt after a restart (it is kept in memory only), and never finds an erased citizen, whose CPR number then makes a new citizen', async () => {
    t = await t.restart();
    const [found] = (await t.http.get(`/citizens?cpr=${KAREN_CPR}`).expect(200)).body;
    expect(found).toMatchObject({ name: 'KAREN NIELSEN' });

    await admin().post(`/citizens/${found.citizenId}/erase`).send({}).expect(200);
    expect((await t.http.get(`/citizens?cpr=${KAREN_CPR}`).expect(200)).body).toEqual([]);
    expect((await t.http.get('/citizens?search=karen').expect(200)).body).toEqual([]);

    const fresh = (await t.http.post('/cases').send(karen('Poul Jensen')).expect(201)).body;
    expect(fresh.citizenId).not.toBe(found.citizenId);
    expect(fresh).not.toHaveProperty('knownCitizen');
    t = await t.restart();
    expect((await t.http.get(`/citizens?cpr=${KAREN_CPR}`).expect(200)).body).toEqual([expect.objectContaining({ citizenId: fresh.citizenId, name: 'Poul Jensen' })]);
  });
});
