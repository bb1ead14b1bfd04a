import { karenReferral, visitor } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

/** Issue #17's wrong answers, over HTTP: every view says the same as the case's own stream. */
describe('answers that agree with the case', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp('sqlite')));
  afterAll(() => t.close());

  const register = async (body: object) => (await t.http.post('/visitors').send(body).expect(201)).body.visitorId as string;
  const refer = async (body: object = karenReferral()) => (await t.http.post('/cases').send(body).expect(201)).body.caseId as string;
  const post = (caseId: string, path: string, body: object) => t.http.post(`/cases/${caseId}${path}`).send(body).expect(200);

  it('keeps one track everywhere after "Fortvivlet situation" is flagged on a volunteer-track case', async () => {
    const caseId = await refer();
    await post(caseId, '/triage', { track: 'volunteer', reason: 'Ensom efter mandens død', priority: 'normal' });
    await post(caseId, '/risks', { risk: 'desperate_situation', note: 'Fortvivlet ved besøget', at: '2026-03-05T10:00:00+01:00' });
    const state = (await t.http.get(`/cases/${caseId}`).expect(200)).body;
    const listed = (await t.http.get('/cases').query({ status: 'Waiting' }).expect(200)).body.find((c: { caseId: string }) => c.caseId === caseId);
    const waiting = (await t.http.get('/waiting-list').expect(200)).body.find((c: { caseId: string }) => c.caseId === caseId);
    expect(state.track).toBe('volunteer');
    expect(listed.track).toBe(state.track);
    expect(waiting.track).toBe(state.track);
  });

  it('lists referrals not yet triaged in the waiting folder, first and oldest first, with their stage', async () => {
    const older = await refer(karenReferral({ referredAt: '2020-01-06T09:00:00+01:00' }));
    const newer = await refer(karenReferral({ referredAt: '2020-01-08T09:00:00+01:00' }));
    const triagedCase = await refer(karenReferral({ referredAt: '2020-01-01T09:00:00+01:00' }));
    await post(triagedCase, '/triage', { track: 'volunteer', reason: 'r', priority: 'high' });
    const all = (await t.http.get('/waiting-list').expect(200)).body as Array<{ caseId: string; stage: string }>;
    const ids = all.map((e) => e.caseId);
    expect(all.find((e) => e.caseId === older)).toMatchObject({ stage: 'referred', daysWaiting: expect.any(Number) });
    expect(all.find((e) => e.caseId === triagedCase)).toMatchObject({ stage: 'waiting', track: 'volunteer', priority: 'high' });
    expect(ids.indexOf(older)).toBeLessThan(ids.indexOf(newer));
    expect(ids.indexOf(newer)).toBeLessThan(ids.indexOf(triagedCase));
    const referred = (await t.http.get('/waiting-list').query({ stage: 'referred' }).expect(200)).body as Array<{ stage: string }>;
    expect(referred.length).toBeGreaterThan(0);
    expect(referred.every((e) => e.stage === 'referred')).toBe(true);
    const waiting = (await t.http.get('/waiting-list').query({ stage: 'waiting' }).expect(200)).body as Array<{ caseId: string; stage: string }>;
    expect(waiting.every((e) => e.stage === 'waiting')).toBe(true);
    expect(waiting.map((e) => e.caseId)).toContain(triagedCase);
    await t.http.get('/waiting-list').query({ stage: 'triaged' }).expect(400);
  });

  it("replays the README's Karen case by business time when triage and first visit say when they happened", async () => {
    const birthe = await register(visitor('volunteer', 3, 'Birthe Tid'));
    const caseId = await refer();
    await post(caseId, '/triage', { track: 'volunteer', reason: 'Ensom efter mandens død', priority: 'normal', at: '2026-03-03T10:00:00+01:00' });
    await post(caseId, '/first-visit', { visitorId: birthe, visitAt: '2026-03-09T10:00:00+01:00', at: '2026-03-04T11:00:00+01:00' });
    await post(caseId, '/visits', { visitorId: birthe, visitedAt: '2026-03-09T10:05:00+01:00', nextVisitAt: '2026-03-16T10:00:00+01:00', themes: ['varmehjælp'] });
    const replay = (await t.http.get(`/cases/${caseId}/replay`).query({ asOf: '2026-04-01T00:00:00+02:00', time: 'occurred' }).expect(200)).body;
    expect(replay).toMatchObject({ status: 'Active', track: 'volunteer', priority: 'normal', lastVisitAt: '2026-03-09T09:05:00.000Z' });
    const beforeBooking = (await t.http.get(`/cases/${caseId}/replay`).query({ asOf: '2026-03-04T00:00:00+01:00', time: 'occurred' }).expect(200)).body;
    expect(beforeBooking.status).toBe('Waiting');
    const history = (await t.http.get(`/cases/${caseId}/history`).expect(200)).body as Array<{ type: string; occurredAt: string }>;
    expect(history.find((e) => e.type === 'TriagedToVolunteer')!.occurredAt).toBe('2026-03-03T09:00:00.000Z');
    expect(history.find((e) => e.type === 'FirstVisitBooked')!.occurredAt).toBe('2026-03-04T10:00:00.000Z');
  });

  it('refuses a triage or a booking said to happen more than 24 hours ahead, or before the referral', async () => {
    const birthe = await register(visitor('volunteer', 3, 'Birthe Regel'));
    const caseId = await refer();
    const ahead = new Date(Date.now() + 25 * 3600_000).toISOString();
    const future = await t.http.post(`/cases/${caseId}/triage`).send({ track: 'volunteer', reason: 'r', priority: 'normal', at: ahead }).expect(400);
    expect(future.body).toMatchObject({ code: 'validation_failed', errors: [{ field: 'at' }] });
    const early = await t.http.post(`/cases/${caseId}/triage`).send({ track: 'volunteer', reason: 'r', priority: 'normal', at: '2026-03-01T10:00:00+01:00' }).expect(409);
    expect(early.body).toMatchObject({ code: 'before_referral', userMessage: expect.stringContaining('henvis') });
    await t.http.post(`/cases/${caseId}/triage`).send({ track: 'volunteer', reason: 'r', priority: 'normal', at: 'i går' }).expect(400);
    await post(caseId, '/triage', { track: 'volunteer', reason: 'r', priority: 'normal', at: '2026-03-03T10:00:00+01:00' });
    const beforeTriage = await t.http.post(`/cases/${caseId}/first-visit`).send({ visitorId: birthe, visitAt: '2026-03-09T10:00:00+01:00', at: '2026-03-02T10:00:00+01:00' }).expect(409);
    expect(beforeTriage.body.code).toBe('before_triage');
    const beforeReferral = await t.http.post(`/cases/${caseId}/first-visit`).send({ visitorId: birthe, visitAt: '2026-03-09T10:00:00+01:00', at: '2026-02-02T10:00:00+01:00' }).expect(409);
    expect(beforeReferral.body.code).toBe('before_referral');
    // Nothing was appended by the refusals.
    expect((await t.http.get(`/cases/${caseId}`).expect(200)).body.status).toBe('Waiting');
  });

  it('does not list the citizen and relatives as partners: they are channels, not partners', async () => {
    await refer();
    await refer(karenReferral({ referrer: { name: 'Karen Nielsen', role: 'self' }, consent: undefined }));
    await refer(karenReferral({ referrer: { name: 'Hanne Nielsen', role: 'relative' } }));
    const partners = (await t.http.get('/partners').query({ silentDays: 30 }).expect(200)).body as Array<{ role: string }>;
    expect(partners.map((p) => p.role)).toContain('home_nurse');
    expect(partners.map((p) => p.role)).not.toContain('self');
    expect(partners.map((p) => p.role)).not.toContain('relative');
  });
});
