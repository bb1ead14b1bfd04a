import { createHash } from 'node:crypto';
import { karenReferral, visitor } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

/** Evaluators see every intervention's history with dates and codes, but never who the person is. */
describe('the auditor', () => {
  let t: TestApp;
  let caseId: string;
  let citizenId: string;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
    const visitorId = (await t.http.post('/visitors').send(visitor('volunteer', 3)).expect(201)).body.visitorId;
    ({ caseId, citizenId } = (await t.http.post('/cases').send(karenReferral()).expect(201)).body);
    await t.http.post(`/cases/${caseId}/triage`).send({ track: 'volunteer', reason: 'Ensom efter mandens død', priority: 'normal' }).expect(200);
    await t.http.post(`/cases/${caseId}/first-visit`).send({ visitorId, visitAt: '2026-03-09T10:00:00+01:00' }).expect(200);
    await t.http.post(`/cases/${caseId}/visits`).send({ visitorId, visitedAt: '2026-03-09T10:05:00+01:00', themes: ['datteren i Aarhus'], note: 'Græd over sin mand' }).expect(200);
    await t.http.post(`/cases/${caseId}/assessments`).send({ instrument: 'ucla3', answers: [3, 3, 2] }).expect(200);
  });
  afterAll(() => t.close());

  const auditor = () => t.as({ sub: 'evaluator@vive.dk', role: 'auditor' });
  /** Everything Karen's referral and visits said about her, or that names her visitor. */
  const personal = ['Karen', 'Nielsen', 'Algade', '57831234', '120345', 'Jette', '20304050', 'KOL', 'isoleret', 'enke', 'Ensom efter', 'datteren', 'Græd', 'Birthe', '40506070'];
  const expectNothingPersonal = (body: unknown) => {
    const text = JSON.stringify(body);
    for (const word of personal) expect(text).not.toContain(word);
  };

  it('reads the case list, the case, its events, history and replay without personal data, under one stable pseudonym', async () => {
    const bodies = await Promise.all([
      auditor().get('/cases').expect(200),
      auditor().get(`/cases/${caseId}`).expect(200),
      auditor().get(`/cases/${caseId}/events`).expect(200),
      auditor().get(`/cases/${caseId}/history`).expect(200),
      auditor().get(`/cases/${caseId}/replay`).expect(200),
    ]);
    for (const res of bodies) expectNothingPersonal(res.body);
    const pseudonym = bodies[1]!.body.citizen as string;
    expect(pseudonym).toMatch(/^p-[0-9a-f]{20}$/);
    expect(JSON.stringify(bodies.map((r) => r.body))).not.toContain(citizenId);
    expect(bodies[0]!.body.find((c: { caseId: string }) => c.caseId === caseId).citizen).toBe(pseudonym);
    // What evaluation needs stays: dates, codes, scores, postcode and birth year.
    expect(bodies[2]!.body[0].data).toMatchObject({ programme: 'care_visits', postcode: '4180', birthYear: 1945, referrer: { role: 'home_nurse', organisation: 'Hjemmeplejen Syd' }, citizen: pseudonym });
    expect(bodies[3]!.body.map((e: { label: string }) => e.label)).toContain('Ensomhed målt (UCLA-3)');
    // A keyed hash: not the hash of the CPR number or of the id.
    for (const input of ['120345-1234', citizenId]) expect(pseudonym).not.toContain(createHash('sha256').update(input).digest('hex').slice(0, 20));
  });

  it('may not search by name, and the coordinator still sees everything', async () => {
    await auditor().get('/cases').query({ search: 'Karen' }).expect(403);
    expect(JSON.stringify((await t.http.get(`/cases/${caseId}`).expect(200)).body)).toContain('Karen Nielsen');
  });

  it('exports every case history as NDJSON, pseudonymised, and the export is logged', async () => {
    const res = await auditor().get('/audit/export').expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const lines = res.text.trim().split('\n').map((line) => JSON.parse(line));
    const karens = lines.filter((l) => l.caseId === caseId);
    expect(karens.map((l) => l.type)).toEqual(['ReferralReceived', 'TriagedToVolunteer', 'FirstVisitBooked', 'VisitHeld', 'LonelinessAssessed']);
    expect(new Set(karens.map((l) => l.citizen)).size).toBe(1);
    expectNothingPersonal(lines);
    const log = (await t.as({ sub: 'dpo', role: 'admin' }).get(`/citizens/${citizenId}/access-log`).expect(200)).body;
    expect(log.map((e: { subject: string; route: string }) => `${e.subject} ${e.route}`)).toEqual(expect.arrayContaining(['evaluator@vive.dk GET /audit/export', 'evaluator@vive.dk GET /cases/:caseId']));
  });
});
