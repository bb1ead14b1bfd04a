import { randomUUID } from 'node:crypto';
import type { Principal } from '../../src/privacy/tokens';
import { cafeNygade, karenReferral, visitor } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

type Answer = { status: number; headers: Record<string, string> };

/** Reads that answer only a question: without it they are a 400, with it a success. */
const REQUIRED_QUERY: Record<string, string> = { '/citizens': '?search=karen' };

/**
 * No answer of the API may be kept by a browser or a proxy, and none may run or
 * frame anything: checked over the whole route table as the app itself
 * describes it (its OpenAPI document), so a new route cannot slip past, with
 * every role's real requests, successes and refusals alike.
 */
describe('the headers of every answer', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  let routes: Array<{ method: 'get' | 'post' | 'put' | 'patch' | 'delete'; path: string }>;
  let answers: Array<{ what: string; res: Answer }>;

  beforeAll(async () => {
    t = await startTestApp('sqlite');
    const referral = (await t.http.post('/cases').send(karenReferral()).expect(201)).body;
    ids.caseId = referral.caseId;
    ids.citizenId = referral.citizenId;
    ids.visitorId = (await t.http.post('/visitors').send(visitor('volunteer')).expect(201)).body.visitorId;
    await t.http.post(`/cases/${ids.caseId}/triage`).send({ track: 'volunteer', reason: 'r', priority: 'normal' }).expect(200);
    await t.http.post(`/cases/${ids.caseId}/first-visit`).send({ visitorId: ids.visitorId, visitAt: '2026-03-09T10:00:00+01:00' }).expect(200);
    ids.offerId = (await t.http.post('/offers').send(cafeNygade()).expect(201)).body.offerId;
    // A programme's code, not an id (programme settings).
    ids.programme = 'companion';
    ids.taskId = (await t.http.post(`/cases/${ids.caseId}/tasks`).send({ kind: 'heating_aid', description: 'Ansøgning om varmehjælp' }).expect(200)).body.taskId;
    // Issue 21: a partner and its contact, so the partner page has a success too.
    ids.partnerId = (await t.http.post('/partners').send({ name: 'Hjemmeplejen Syd', kind: 'hjemmepleje', leader: { name: 'Lene Juhl' } }).expect(201)).body.partnerId;
    ids.contactId = (await t.http.post(`/partners/${ids.partnerId}/contacts`).send({ name: 'Mette Sørensen', role: 'SoSu' }).expect(200)).body.contactId;
    const doc = (await t.as('anonymous').get('/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    routes = Object.entries(doc.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => ({ method: method as 'get', path })));
    answers = await everyAnswer();
  }, 60_000);
  afterAll(() => t.close());

  const principals = (): Array<Principal | 'anonymous'> => [
    'anonymous',
    { sub: 'jette@sogn.dk', role: 'coordinator' },
    { sub: 'birthe@sogn.dk', role: 'visitor', visitorId: ids.visitorId },
    { sub: 'mette@sogn.dk', role: 'manager' },
    { sub: 'revisor@sogn.dk', role: 'auditor' },
    { sub: 'admin@sogn.dk', role: 'admin' },
    { sub: 'sosu@hjemmeplejen.dk', role: 'screener' },
    // Issue 20: a frivillighedstovholder, so GET /visitors/led has a success too.
    { sub: 'lone@sogn.dk', role: 'volunteer_lead' },
  ];

  /** Every route, as every role, with the seeded ids and with unknown ones; commands get an empty body (a refusal: nothing is appended). */
  async function everyAnswer(): Promise<Array<{ what: string; res: Answer }>> {
    const answers: Array<{ what: string; res: Answer }> = [];
    for (const { method, path } of routes) {
      for (const known of [true, false]) {
        const url = path.replace(/\{(\w+)\}/g, (_m, name: string) => (known ? (ids[name] ?? randomUUID()) : randomUUID())) + (REQUIRED_QUERY[path] ?? '');
        for (const who of principals()) {
          const request = t.as(who)[method](url);
          const res = method === 'get' ? await request : await request.send({});
          answers.push({ what: `${method.toUpperCase()} ${url} as ${who === 'anonymous' ? who : who.role}: ${res.status}`, res });
        }
      }
    }
    return answers;
  }

  it('covers the whole route table, with a success for every read', async () => {
    expect(routes.length).toBeGreaterThan(30);
    for (const { path } of routes.filter((r) => r.method === 'get')) {
      const prefix = `GET ${path.replace(/\{(\w+)\}/g, (_m, name: string) => ids[name] ?? '')}${REQUIRED_QUERY[path] ?? ''} as`;
      expect({ path, succeeded: answers.some(({ what, res }) => what.startsWith(prefix) && res.status < 300) }).toEqual({ path, succeeded: true });
    }
    const statuses = new Set(answers.map(({ res }) => res.status));
    expect([...statuses]).toEqual(expect.arrayContaining([200, 400, 401, 403, 404]));
  });

  it('tells no browser or proxy to keep any answer of the API', async () => {
    const kept = answers.filter(({ what, res }) => !what.includes('/docs') && res.headers['cache-control'] !== 'no-store').map(({ what, res }) => `${what} (${res.headers['cache-control']})`);
    expect(kept).toEqual([]);
  });

  it('gives every answer of the API a content policy that allows nothing', async () => {
    const loose = answers
      .filter(({ what, res }) => !what.includes('/docs') && res.headers['content-security-policy'] !== "default-src 'none';frame-ancestors 'none'")
      .map(({ what, res }) => `${what} (${res.headers['content-security-policy']})`);
    expect(loose).toEqual([]);
  });

  it('keeps the policy that lets Swagger UI run its inline script for /docs alone', async () => {
    const page = await t.as('anonymous').get('/docs').redirects(1).expect(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self' 'unsafe-inline'");
    const health = await t.as('anonymous').get('/health');
    expect(health.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(health.headers['x-frame-options']).toBe('DENY');
  });

  it('sends the same headers with an answer no route gave (an unknown path, a bad URL)', async () => {
    for (const path of ['/nowhere', '/cases/%E0%A4%A', `/cases/${'a'.repeat(300)}`]) {
      const res = await t.http.get(path);
      expect({ path, cache: res.headers['cache-control'], csp: res.headers['content-security-policy'] }).toEqual({ path, cache: 'no-store', csp: "default-src 'none';frame-ancestors 'none'" });
    }
  });
});
