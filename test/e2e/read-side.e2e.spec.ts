import { fridaReferral, karenReferral, suicidalReferral, visitor } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';
import { ReadModelsService } from '../../src/read-models/read-models.service';

/** The views people work from, over HTTP, each reflecting every command acknowledged before it. */
describe('the read side over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp('sqlite')));
  afterAll(() => t.close());

  const register = async (body: object) => (await t.http.post('/visitors').send(body).expect(201)).body.visitorId as string;
  const refer = async (body: object) => (await t.http.post('/cases').send(body).expect(201)).body.caseId as string;
  const post = (caseId: string, path: string, body: object) => t.http.post(`/cases/${caseId}${path}`).send(body).expect(200);

  it('keeps the waiting folder: triaged cases, high priority first, with days waiting and the position it reflects', async () => {
    const normal = await refer(karenReferral());
    const urgent = await refer(suicidalReferral());
    await post(normal, '/triage', { track: 'volunteer', reason: 'r', priority: 'normal' });
    const last = await post(urgent, '/triage', { track: 'professional', reason: 'Selvmordstanker', priority: 'high' });
    const res = await t.http.get('/waiting-list').expect(200);
    expect(Number(res.headers['x-projection-position'])).toBeGreaterThanOrEqual(last.body.position);
    const ids = res.body.map((e: { caseId: string }) => e.caseId);
    expect(ids.indexOf(urgent)).toBeLessThan(ids.indexOf(normal));
    expect(res.body.find((e: { caseId: string }) => e.caseId === urgent)).toMatchObject({
      track: 'professional',
      priority: 'high',
      riskFlags: ['suicidal_thoughts'],
      referrerOrganisation: 'Hjemmeplejen Syd',
      daysWaiting: expect.any(Number),
    });
    const professional = (await t.http.get('/waiting-list').query({ track: 'professional', minPosition: last.body.position }).expect(200)).body;
    expect(professional.map((e: { caseId: string }) => e.caseId)).toContain(urgent);
    expect(professional.map((e: { caseId: string }) => e.caseId)).not.toContain(normal);
  });

  it("shows a visitor's caseload with the visit card, open tasks and free places", async () => {
    const visitorId = await register(visitor('volunteer', 2, 'Birthe Caseload'));
    const caseId = await refer(karenReferral());
    await post(caseId, '/triage', { track: 'volunteer', reason: 'r', priority: 'normal' });
    await post(caseId, '/first-visit', { visitorId, visitAt: '2026-03-09T10:00:00+01:00' });
    await post(caseId, '/visits', { visitorId, visitedAt: '2026-03-09T10:05:00+01:00', nextVisitAt: '2099-03-16T10:00:00+01:00', themes: ['varmehjælp'] });
    await post(caseId, '/tasks', { kind: 'heating_aid', description: 'Ansøgning om varmehjælp' });
    const load = (await t.http.get(`/visitors/${visitorId}/caseload`).expect(200)).body;
    expect(load).toMatchObject({ visitorId, capacity: 2, activeCases: 1, freePlaces: 1, overdue: 0 });
    expect(load.cases[0]).toMatchObject({ caseId, nextVisitAt: '2099-03-16T09:00:00.000Z', lastThemes: ['varmehjælp'], openTasks: [{ kind: 'heating_aid' }] });
    // The referral's situation (sealed in the store, opened for the visitor) and requested tasks, to read before going.
    expect(load.cases[0]).toMatchObject({ situation: karenReferral().situation, requestedTasks: karenReferral().requestedTasks });
    await t.http.get('/visitors/00000000-0000-4000-8000-000000000000/caseload').expect(404);
  });

  it('gives the auditable history and replays the case as it stood, by business and by recorded time', async () => {
    const guideId = await register(visitor('volunteer', 2, 'Mette Guide'));
    const caseId = await refer(fridaReferral());
    await post(caseId, '/triage', { track: 'volunteer', reason: 'Ung, angst', priority: 'normal' });
    await post(caseId, '/first-visit', { visitorId: guideId, visitAt: '2026-04-15T16:00:00+02:00' });
    await post(caseId, '/relations', { kind: 'self_help_group', description: 'Selvhjælpsgruppe', at: '2026-05-01T19:00:00+02:00' });

    const read = await t.http.get(`/cases/${caseId}/history`).expect(200);
    const history = read.body;
    expect(history.map((e: { label: string }) => e.label)).toEqual(['Henvisning modtaget', 'Vurderet til frivilligt spor', 'Første besøg aftalt', 'Ny relation etableret']);
    // Folded from the stream: it reflects at least the position of its last event.
    expect(Number(read.headers['x-projection-position'])).toBeGreaterThanOrEqual(history[history.length - 1].position);
    const own = await t.http.get(`/cases/${caseId}/history`).query({ minPosition: history[history.length - 1].position }).expect(200);
    expect(own.body).toEqual(history);
    expect(history[0]).toMatchObject({ type: 'ReferralReceived', occurredAt: '2026-04-10T08:00:00.000Z', revision: 0, actor: { role: 'coordinator' }, recordedAt: expect.any(String) });
    // By business time: on 20 April the relation (1 May) had not happened yet.
    const april = (await t.http.get(`/cases/${caseId}/history`).query({ asOf: '2026-04-20T00:00:00+02:00' }).expect(200)).body;
    expect(april.map((e: { type: string }) => e.type)).not.toContain('RelationEstablished');
    // By recorded time: before the service existed we knew nothing.
    await t.http.get(`/cases/${caseId}/replay`).query({ asOf: '2020-01-01T00:00:00Z', time: 'recorded' }).expect(404);
    // The referral happened on 10 April; the triage happened when it was decided (today), so on 12 April the case was only referred.
    const replay = (await t.http.get(`/cases/${caseId}/replay`).query({ asOf: '2026-04-12T00:00:00+02:00', time: 'occurred' }).expect(200)).body;
    expect(replay).toMatchObject({ status: 'Referred', caseId, events: 1 });
    const now = (await t.http.get(`/cases/${caseId}/replay`).expect(200)).body;
    expect(now).toMatchObject({ status: 'Active', relations: [{ kind: 'self_help_group' }] });
  });

  it('gives the manager monthly figures without names, and the partners with who has gone silent', async () => {
    const dashboard = (await t.http.get('/dashboard').query({ from: '2026-03-01', to: '2026-04-30' }).expect(200)).body;
    expect(dashboard.months.map((m: { month: string }) => m.month)).toEqual(['2026-03', '2026-04']);
    expect(dashboard.months[0].referrals.byReferrerRole.home_nurse).toBeGreaterThan(0);
    expect(JSON.stringify(dashboard)).not.toMatch(/Karen|Frida|Jette|citizenId/);
    const partners = (await t.http.get('/partners').query({ silentDays: 30 }).expect(200)).body;
    expect(partners).toEqual(expect.arrayContaining([expect.objectContaining({ organisation: 'Hjemmeplejen Syd', role: 'home_nurse', silent: true })]));
  });

  it.each([
    ['/waiting-list?limit=0'],
    ['/waiting-list?programme=bingo'],
    ['/waiting-list?minPosition=-1'],
    ['/dashboard?from=2026-02-30'],
    ['/dashboard?from=2026-05-01&to=2026-04-01'],
    ['/partners?silentDays=abc'],
    ['/cases/00000000-0000-4000-8000-000000000000/history?asOf=yesterday'],
    ['/cases/00000000-0000-4000-8000-000000000000/replay?time=later'],
  ])('refuses %s with a 400 problem', async (url) => {
    const res = await t.http.get(url).expect(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });

  it('answers 503 with Retry-After when the read model cannot reach the position asked for', async () => {
    const own = await startTestApp('sqlite');
    try {
      // The projector stops (as if stuck); a command goes on to the store, past what the read model reflects.
      await own.app.get(ReadModelsService).projector.stop();
      const { position } = (await own.http.post('/cases').send(karenReferral()).expect(201)).body;
      const res = await own.http.get('/waiting-list').query({ minPosition: position }).expect(503);
      expect(res.body).toMatchObject({ code: 'projection_behind', status: 503 });
      expect(res.headers['retry-after']).toBe('1');
    } finally {
      await own.close();
    }
  });

  it('refuses with 400 a minPosition beyond the last event written: no answer ever gave it', async () => {
    const caseId = await refer(karenReferral());
    for (const path of ['/waiting-list', `/cases/${caseId}/history`]) {
      const res = await t.http.get(path).query({ minPosition: 10_000_000 }).expect(400);
      expect(res.body).toMatchObject({ code: 'validation_failed', errors: [{ field: 'minPosition' }] });
    }
  });

  it('is healthy once every projection has caught up, and says how far each is', async () => {
    const health = (await t.http.get('/health').expect(200)).body;
    expect(health.status).toBe('ok');
    expect(health.projections.map((p: { name: string }) => p.name)).toEqual(['waiting-list', 'caseload', 'dashboard', 'partners', 'match-facts', 'follow-ups', 'outcome-facts', 'referral-cards', 'screenings', 'assessments']);
  });

  it('rebuilds its read models on start from the events alone', async () => {
    const before = (await t.http.get('/waiting-list').expect(200)).body;
    t = await t.restart();
    for (let i = 0; i < 50 && (await t.http.get('/health')).status !== 200; i++) await new Promise((r) => setTimeout(r, 100));
    expect((await t.http.get('/waiting-list').expect(200)).body.map((e: { caseId: string }) => e.caseId)).toEqual(before.map((e: { caseId: string }) => e.caseId));
  });
});
