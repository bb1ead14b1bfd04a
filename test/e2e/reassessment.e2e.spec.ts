import type { Principal } from '../../src/privacy/tokens';
import { karenReferral, visitor } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Who assesses (issue #19), over HTTP. Seed 003: "Det er fællesskabsguiderne,
 * der vurderer, om de kan løse brobygningsopgaven, eller om borgerens situation
 * kræver hjælp fra fagprofessionelle."
 */
describe('reassessment over HTTP', () => {
  let t: TestApp;
  let anna: string;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
    anna = (await t.http.post('/visitors').send(visitor('volunteer', 5, 'Anna Guide')).expect(201)).body.visitorId;
  });
  afterAll(() => t.close());

  const asAnna = (): Principal => ({ sub: 'anna@guide.dk', role: 'visitor', visitorId: anna });
  const active = async (programme: string) => {
    const caseId = (await t.http.post('/cases').send(karenReferral({ programme })).expect(201)).body.caseId as string;
    await t.http.post(`/cases/${caseId}/triage`).send({ track: 'volunteer', reason: 'Ensom', priority: 'normal' }).expect(200);
    await t.http.post(`/cases/${caseId}/first-visit`).send({ visitorId: anna, visitAt: '2026-03-09T10:00:00+01:00' }).expect(200);
    return caseId;
  };
  const body = { track: 'professional', reason: 'Angst; mere end en frivillig kan give', needs: ['contact_difficulties'] };

  it('the guide reassesses after the first meeting; to the professional track the case returns to the waiting folder and leaves her list', async () => {
    const caseId = await active('community_guide');
    expect((await t.as(asAnna()).post(`/cases/${caseId}/reassessment`).send(body).expect(409)).body.code).toBe('first_meeting_pending');
    await t.as(asAnna()).post(`/cases/${caseId}/visits`).send({ visitorId: anna, visitedAt: '2026-03-09T10:30:00+01:00' }).expect(200);
    await t.as(asAnna()).post(`/cases/${caseId}/reassessment`).send(body).expect(200);

    const view = (await t.http.get(`/cases/${caseId}`).expect(200)).body;
    expect(view).toMatchObject({ status: 'Waiting', track: 'professional', needs: expect.arrayContaining(['contact_difficulties']) });
    expect(view).not.toHaveProperty('visitorId');
    const folder = (await t.http.get('/waiting-list').expect(200)).body as Array<{ caseId: string; stage: string; track: string }>;
    expect(folder.find((w) => w.caseId === caseId)).toMatchObject({ stage: 'waiting', track: 'professional' });
    const load = (await t.http.get(`/visitors/${anna}/caseload`).expect(200)).body as { cases: Array<{ caseId: string }> };
    expect(load.cases.some((c) => c.caseId === caseId)).toBe(false);
    // Not hers any more: the guard refuses her.
    await t.as(asAnna()).get(`/cases/${caseId}`).expect(403);
    const history = (await t.http.get(`/cases/${caseId}/history`).expect(200)).body as Array<{ label: string }>;
    expect(history.at(-1)).toMatchObject({ label: 'Vurderet på ny' });
  });

  it('leaves it to the coordinator in the other programmes; the suicidal-thoughts rule holds', async () => {
    const caseId = await active('visiting_friend');
    await t.as(asAnna()).post(`/cases/${caseId}/visits`).send({ visitorId: anna, visitedAt: '2026-03-09T10:30:00+01:00' }).expect(200);
    expect((await t.as(asAnna()).post(`/cases/${caseId}/reassessment`).send(body).expect(409)).body.code).toBe('coordinator_assesses');
    const refused = await t.http.post(`/cases/${caseId}/reassessment`).send({ track: 'volunteer', reason: 'r', needs: ['suicidal_thoughts'] }).expect(409);
    expect(refused.body.code).toBe('professional_required');
    const bad = await t.http.post(`/cases/${caseId}/reassessment`).send({ track: 'elsewhere', needs: ['sad'] }).expect(400);
    expect([...new Set(bad.body.errors.map((e: { field: string }) => e.field.split('.')[0]))].sort()).toEqual(['needs', 'reason', 'track']);
    await t.http.post(`/cases/${caseId}/reassessment`).send(body).expect(200);
    expect((await t.http.get(`/cases/${caseId}`).expect(200)).body).toMatchObject({ status: 'Waiting', track: 'professional' });
  });
});
