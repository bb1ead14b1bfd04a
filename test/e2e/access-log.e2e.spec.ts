import { randomUUID } from 'node:crypto';
import { fridaReferral, karenReferral, visitor } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

/** Every read of a person's data is logged, and an admin can tell the citizen who read it (art. 15). */
describe('the access log', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp('sqlite')));
  afterAll(() => t.close());
  const admin = () => t.as({ sub: 'dpo@kommune.dk', role: 'admin' });

  it('records who read a citizen, through which route, once per list read with the ids it returned, and keeps it across a restart', async () => {
    const visitorId = (await t.http.post('/visitors').send(visitor('volunteer', 3)).expect(201)).body.visitorId;
    const karen = (await t.http.post('/cases').send(karenReferral()).expect(201)).body;
    const frida = (await t.http.post('/cases').send(fridaReferral()).expect(201)).body;
    await t.http.post(`/cases/${karen.caseId}/triage`).send({ track: 'volunteer', reason: 'r', priority: 'normal' }).expect(200);
    await t.http.post(`/cases/${karen.caseId}/first-visit`).send({ visitorId, visitAt: '2026-03-09T10:00:00+01:00' }).expect(200);

    await t.http.get(`/cases/${karen.caseId}`).expect(200);
    await t.as({ sub: 'Birthe Madsen <birthe@sogn.dk>', role: 'visitor', visitorId }).get(`/cases/${karen.caseId}`).expect(200);
    await t.http.get(`/cases/${karen.caseId}/history`).expect(200);
    await t.http.get('/cases').expect(200);

    const log = (await admin().get(`/citizens/${karen.citizenId}/access-log`).expect(200)).body;
    expect(log.map((e: { subject: string; route: string }) => [e.subject, e.route])).toEqual([
      ['test-coordinator', 'GET /cases/:caseId'],
      ['Birthe Madsen <birthe@sogn.dk>', 'GET /cases/:caseId'],
      ['test-coordinator', 'GET /cases/:caseId/history'],
      ['test-coordinator', 'GET /cases'],
    ]);
    const listRead = log[3];
    expect(listRead.citizenIds).toEqual(expect.arrayContaining([karen.citizenId, frida.citizenId]));
    expect(JSON.stringify(log)).not.toMatch(/Karen|Frida|Algade/);

    t = await t.restart();
    const afterRestart = (await admin().get(`/citizens/${karen.citizenId}/access-log`).expect(200)).body;
    expect(afterRestart).toEqual(log);
  });

  it('is for admins only, and knows no unknown citizen', async () => {
    const { citizenId } = (await t.http.post('/cases').send(karenReferral()).expect(201)).body;
    await t.http.get(`/citizens/${citizenId}/access-log`).expect(403);
    await admin().get(`/citizens/${randomUUID()}/access-log`).expect(404);
  });

  it('filters by period and role, newest first on request, and pages with a Link header to the next page', async () => {
    // A name of its own: the same name and phone as the visitor above is one person (409 visitor_exists).
    const visitorId = (await t.http.post('/visitors').send(visitor('volunteer', 3, 'Birthe Adgang')).expect(201)).body.visitorId;
    // A CPR number of her own: the fixture's would join the Karen of the tests above (and her reads).
    const karen = (await t.http.post('/cases').send(karenReferral({ citizen: { name: 'Karen Nielsen', address: 'Algade 12, 2. th, 4180 Sorø', cpr: '150345-1234' } })).expect(201)).body;
    await t.http.post(`/cases/${karen.caseId}/triage`).send({ track: 'volunteer', reason: 'r', priority: 'normal' }).expect(200);
    await t.http.post(`/cases/${karen.caseId}/first-visit`).send({ visitorId, visitAt: '2026-03-09T10:00:00+01:00' }).expect(200);
    const before = new Date().toISOString();
    for (let i = 0; i < 3; i++) await t.http.get(`/cases/${karen.caseId}`).expect(200);
    await t.as({ sub: 'birthe', role: 'visitor', visitorId }).get(`/cases/${karen.caseId}`).expect(200);
    const url = `/citizens/${karen.citizenId}/access-log`;
    const all = (await admin().get(url).expect(200)).body as Array<{ at: string; subject: string; role: string }>;
    expect(all).toHaveLength(4);

    const visitors = (await admin().get(url).query({ role: 'visitor' }).expect(200)).body;
    expect(visitors.map((e: { subject: string }) => e.subject)).toEqual(['birthe']);
    expect((await admin().get(url).query({ from: '2000-01-01T00:00:00+01:00', to: before }).expect(200)).body).toEqual([]);
    expect((await admin().get(url).query({ from: before }).expect(200)).body).toHaveLength(4);

    // Two a page, newest first: the pages together are the whole log, each entry once.
    const first = await admin().get(url).query({ order: 'newest', limit: 2 }).expect(200);
    expect(first.body).toEqual([all[3], all[2]]);
    const next = /^<([^>]+)>; rel="next"$/.exec(first.headers.link)![1]!;
    expect(next).toMatch(new RegExp(`^${url}\\?.*order=newest.*limit=2.*cursor=`));
    const second = await admin().get(next).expect(200);
    expect(second.body).toEqual([all[1], all[0]]);
    expect(second.headers.link).toBeUndefined();
  });

  it('refuses a bad filter or cursor with a 400 naming the parameter, and changes nothing', async () => {
    const { citizenId } = (await t.http.post('/cases').send(karenReferral()).expect(201)).body;
    for (const [field, value] of [['from', '2026-03-01'], ['role', 'mayor'], ['limit', '0'], ['limit', '501'], ['order', 'random'], ['cursor', 'not-a-cursor']]) {
      const res = await admin().get(`/citizens/${citizenId}/access-log`).query({ [field!]: value }).expect(400);
      expect(res.body).toMatchObject({ code: 'validation_failed', errors: [expect.objectContaining({ field })] });
    }
  });
});
