import { karenReferral, visitor } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Issue 22, assessments on time, over HTTP: "GET /assessments/due (coordinator;
 * a visitor sees their own) lists what is due and overdue".
 */
describe('GET /assessments/due', () => {
  let t: TestApp;
  let caseId: string;
  let assigned: string;
  let other: string;
  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
  const head = async () => (await t.http.get('/health')).body.store.position as number;
  const as = (visitorId: string) => t.as({ sub: `${visitorId}@sogn.dk`, role: 'visitor', visitorId });

  beforeAll(async () => {
    t = await startTestApp('sqlite');
    assigned = (await t.http.post('/visitors').send(visitor('volunteer', 5, 'Birthe Tildelt')).expect(201)).body.visitorId;
    other = (await t.http.post('/visitors').send(visitor('volunteer', 5, 'Ole Anden')).expect(201)).body.visitorId;
    ({ caseId } = (await t.http.post('/cases').send(karenReferral({ referredAt: daysAgo(40) })).expect(201)).body);
    await t.http.post(`/cases/${caseId}/triage`).send({ track: 'volunteer', reason: 'r', priority: 'normal', at: daysAgo(39) }).expect(200);
    await t.http.post(`/cases/${caseId}/first-visit`).send({ visitorId: assigned, visitAt: daysAgo(30), at: daysAgo(38) }).expect(200);
  });
  afterAll(() => t.close());

  it('lists the intake measurement as overdue 14 days after the first visit, to the coordinator and the case\'s visitor only', async () => {
    const items = (await t.http.get(`/assessments/due?minPosition=${await head()}`).expect(200)).body;
    expect(items).toEqual([{ caseId, citizenId: expect.any(String), programme: 'care_visits', visitorId: assigned, kind: 'intake', dueAt: expect.any(String), overdue: true, daysOverdue: expect.any(Number) }]);
    expect(items[0].daysOverdue).toBeGreaterThanOrEqual(15);
    expect((await as(assigned).get('/assessments/due').expect(200)).body.map((i: { caseId: string }) => i.caseId)).toEqual([caseId]);
    expect((await as(other).get('/assessments/due').expect(200)).body).toEqual([]);
    await as(other).get(`/assessments/due?visitorId=${assigned}`).expect(403);
    await t.http.get('/assessments/due?withinDays=91').expect(400);
  });

  it('is satisfied by a UCLA-3 on the case; the next falls due 12 weeks later', async () => {
    await as(assigned).post(`/cases/${caseId}/assessments`).send({ instrument: 'ucla3', answers: [3, 2, 2] }).expect(200);
    const position = await head();
    expect((await t.http.get(`/assessments/due?minPosition=${position}`).expect(200)).body).toEqual([]);
    const later = (await t.http.get(`/assessments/due?minPosition=${position}&withinDays=90`).expect(200)).body;
    expect(later).toMatchObject([{ caseId, kind: 'periodic', overdue: false, daysOverdue: expect.any(Number) }]);
    expect(later[0].daysOverdue).toBeLessThanOrEqual(-83);
  });
});
