import { randomUUID } from 'node:crypto';
import { karenReferral } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

/** Nothing a client sends gets a 500, every refusal is problem+json, and no refused request appends an event. */
describe('bad input over HTTP', () => {
  let t: TestApp;
  let caseId: string;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
    caseId = (await t.http.post('/cases').send(karenReferral()).expect(201)).body.caseId;
  });
  afterAll(() => t.close());

  const eventCount = async () => (await t.http.get(`/cases/${caseId}/events`).expect(200)).body.length as number;
  const health = async () => (await t.http.get('/health').expect(200)).body.store.position as number;

  const expectProblem = (res: { status: number; headers: Record<string, string>; body: Record<string, unknown> }, status: number) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ type: expect.any(String), title: expect.any(String), status, detail: expect.any(String), instance: expect.any(String) });
  };

  const refusals: Array<[string, () => Promise<{ status: number; headers: Record<string, string>; body: Record<string, unknown> }>, number]> = [
    ['malformed JSON', () => t.http.post(`/cases/${caseId}/triage`).set('content-type', 'application/json').send('{"track": '), 400],
    ['an empty JSON body', () => t.http.post(`/cases/${caseId}/triage`).set('content-type', 'application/json').send(''), 400],
    ['a wrong content type', () => t.http.post(`/cases/${caseId}/triage`).set('content-type', 'text/plain').send('track=volunteer'), 415],
    ['a form body', () => t.http.post(`/cases/${caseId}/triage`).type('form').send({ track: 'volunteer' }), 415],
    ['an unknown field', () => t.http.post(`/cases/${caseId}/triage`).send({ track: 'volunteer', reason: 'r', priority: 'high', sneaky: 1 }), 400],
    ['a wrong code', () => t.http.post(`/cases/${caseId}/triage`).send({ track: 'volunteers', reason: 'r', priority: 'high' }), 400],
    ['a wrong type', () => t.http.post(`/cases/${caseId}/triage`).send({ track: 'volunteer', reason: 42, priority: 'high' }), 400],
    ['a JSON array instead of an object', () => t.http.post(`/cases/${caseId}/triage`).send([1, 2]), 400],
    ['__proto__ in the body', () => t.http.post(`/cases/${caseId}/triage`).set('content-type', 'application/json').send('{"__proto__": {"x": 1}, "track": "volunteer"}'), 400],
    ['constructor.prototype in the body', () => t.http.post(`/cases/${caseId}/triage`).set('content-type', 'application/json').send('{"constructor": {"prototype": {"x": 1}}}'), 400],
    ['JSON nested too deep', () => t.http.post(`/cases/${caseId}/triage`).set('content-type', 'application/json').send('['.repeat(100_000) + ']'.repeat(100_000)), 400],
    ['a body over 1 MB', () => t.http.post(`/cases/${caseId}/triage`).send({ track: 'volunteer', reason: 'x'.repeat(1_100_000), priority: 'high' }), 413],
    ['an impossible date', () => t.http.post(`/cases/${caseId}/risks`).send({ risk: 'suicidal_thoughts', note: 'n', at: '2026-02-30T10:00:00+01:00' }), 400],
    ['a date without an offset', () => t.http.post(`/cases/${caseId}/risks`).send({ risk: 'suicidal_thoughts', note: 'n', at: '2026-03-01T10:00:00' }), 400],
    ['a date more than 24 hours ahead', () => t.http.post(`/cases/${caseId}/risks`).send({ risk: 'suicidal_thoughts', note: 'n', at: '2099-01-01T10:00:00Z' }), 400],
    ['a case id that is not a UUID', () => t.http.post('/cases/not-a-uuid/triage').send({ track: 'volunteer', reason: 'r', priority: 'high' }), 400],
    ['an unknown case', () => t.http.post(`/cases/${randomUUID()}/triage`).send({ track: 'volunteer', reason: 'r', priority: 'high' }), 404],
    ['an unknown visitor', () => t.http.post(`/cases/${caseId}/first-visit`).send({ visitorId: randomUUID(), visitAt: '2026-03-09T10:00:00+01:00' }), 404],
    ['a broken rule', () => t.http.post(`/cases/${caseId}/visits`).send({ visitorId: randomUUID(), visitedAt: '2026-03-09T10:00:00+01:00' }), 409],
    ['a stale If-Match', () => t.http.post(`/cases/${caseId}/triage`).set('if-match', '"7"').send({ track: 'volunteer', reason: 'r', priority: 'high' }), 412],
    ['a malformed If-Match', () => t.http.post(`/cases/${caseId}/triage`).set('if-match', 'yesterday').send({ track: 'volunteer', reason: 'r', priority: 'high' }), 400],
    ['an unknown route', () => t.http.post('/nowhere').send({}), 404],
    ['a malformed URI', () => t.http.get('/cases/%E0%A4%A'), 400],
    ['an unknown programme in a query', () => t.http.get('/cases').query({ programme: 'bingo' }), 400],
    ['a negative limit', () => t.http.get('/cases').query({ limit: -1 }), 400],
    ['a consent not given', () => t.http.post('/cases').send(karenReferral({ consent: { given: false } })), 409],
    ['a CPR with no real date', () => t.http.post('/cases').send(karenReferral({ citizen: { name: 'A', address: 'B 1, 4180 Sorø', cpr: '310245-1234' } })), 400],
    ['a phone that is not Danish', () => t.http.post('/cases').send(karenReferral({ citizen: { name: 'A', address: 'B 1, 4180 Sorø', phone: '+46701234567' } })), 400],
    ['a referral with neither citizen nor citizenId', () => t.http.post('/cases').send(karenReferral({ citizen: undefined })), 400],
    ['a referral for an unknown citizenId', () => t.http.post('/cases').send(karenReferral({ citizen: undefined, citizenId: randomUUID() })), 404],
    ['a UCLA-3 answer out of range', () => t.http.post(`/cases/${caseId}/assessments`).send({ instrument: 'ucla3', answers: [1, 2, 4] }), 400],
    ['a NUL character in a text (PostgreSQL cannot store it)', () => t.http.post(`/cases/${caseId}/risks`).send({ risk: 'suicidal_thoughts', note: 'før\u0000efter', at: '2026-03-01T10:00:00+01:00' }), 400],
    ['a NUL character in a sign-in name', () => t.http.post('/auth/login').send({ username: 'jette\u0000', password: 'kaffe' }), 400],
    ['null for an optional field (it may be left out, not null)', () => t.http.post('/visitors').send({ name: 'Birthe Madsen', kind: 'volunteer', capacity: 3, phone: null }), 400],
    ['null for an optional field of a nested object', () => t.http.post('/cases').send(karenReferral({ referrer: { name: 'Jette Holm', role: 'home_nurse', organisation: null } })), 400],
    ['a value that looks sealed (the service alone writes enc:v1:…)', () => t.http.post('/cases').send(karenReferral({ referrer: { name: 'Jette Holm', role: 'home_nurse', organisation: `enc:v1:${randomUUID()}:AAAA` } })), 400],
  ];

  it.each(refusals)('refuses %s with a problem and appends nothing', async (_name, send, status) => {
    const [before, head] = [await eventCount(), await health()];
    const res = await send();
    expectProblem(res, status);
    expect(await eventCount()).toBe(before);
    expect(await health()).toBe(head);
  });

  it('names the field of a refused text by its whole path', async () => {
    const res = await t.http.post('/cases').send(karenReferral({ referrer: { name: 'Jette\u0000Holm', role: 'home_nurse' } }));
    expectProblem(res, 400);
    expect(res.body).toMatchObject({ code: 'validation_failed', errors: [{ field: 'referrer.name', message: expect.stringContaining('NUL') }] });
  });

  it('refuses null where a field may only be left out, naming it', async () => {
    const res = await t.http.post('/visitors').send({ name: 'Birthe Madsen', kind: 'volunteer', capacity: 3, phone: null });
    expectProblem(res, 400);
    expect(res.body).toMatchObject({ code: 'validation_failed', errors: expect.arrayContaining([{ field: 'phone', message: 'phone must be a string' }]) });
    expect(new Set((res.body.errors as Array<{ field: string }>).map((e) => e.field))).toEqual(new Set(['phone']));
    await t.http.post('/visitors').send({ name: 'Birthe Madsen', kind: 'volunteer', capacity: 3 }).expect(201);
  });

  it('lists each field at fault in errors[]', async () => {
    const res = await t.http.post('/cases').send(karenReferral({ programme: 'bingo', referrer: { name: '', role: 'home_nurse', phone: '123' } }));
    expectProblem(res, 400);
    const fields = (res.body.errors as Array<{ field: string }>).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['programme', 'referrer.name', 'referrer.phone']));
  });

  it('gives the current revision in the ETag of a 412', async () => {
    const res = await t.http.post(`/cases/${caseId}/triage`).set('if-match', '"5"').send({ track: 'volunteer', reason: 'r', priority: 'high' });
    expectProblem(res, 412);
    expect(res.headers.etag).toBe('"0"');
  });
});
