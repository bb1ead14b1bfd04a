import { randomUUID } from 'node:crypto';
import { fridaReferral, visitor } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

/** What concerns the person across cases: consent withdrawn, and everything held about them (art. 15). */
describe('a citizen over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp('sqlite')));
  afterAll(() => t.close());
  const admin = () => t.as({ sub: 'dpo@kommune.dk', role: 'admin' });

  it('closes every open case when consent is withdrawn, and does it again only for what is still open', async () => {
    const guideId = (await t.http.post('/visitors').send(visitor('volunteer', 3)).expect(201)).body.visitorId;
    const first = (await t.http.post('/cases').send(fridaReferral()).expect(201)).body;
    await t.http.post(`/cases/${first.caseId}/close`).send({ reason: 'other' }).expect(200);
    const open = (await t.http.post('/cases').send({ ...fridaReferral(), citizen: undefined, citizenId: first.citizenId }).expect(201)).body;
    await t.http.post(`/cases/${open.caseId}/triage`).send({ track: 'volunteer', reason: 'r', priority: 'normal' }).expect(200);
    await t.http.post(`/cases/${open.caseId}/first-visit`).send({ visitorId: guideId, visitAt: '2026-05-01T16:00:00+02:00' }).expect(200);

    const withdrawn = await t.http.post(`/citizens/${first.citizenId}/consent/withdraw`).send({ at: '2026-05-10T10:00:00+02:00' }).expect(200);
    expect(withdrawn.body).toEqual({ citizenId: first.citizenId, closedCaseIds: [open.caseId] });
    expect((await t.http.get(`/cases/${open.caseId}`).expect(200)).body).toMatchObject({ status: 'Closed', reason: 'consent_withdrawn', closedAt: '2026-05-10T08:00:00.000Z' });
    // The visitor's place is free again.
    expect((await t.http.get(`/visitors/${guideId}/caseload`).expect(200)).body).toMatchObject({ activeCases: 0 });

    const again = await admin().post(`/citizens/${first.citizenId}/consent/withdraw`).send({ at: '2026-05-11T10:00:00+02:00' }).expect(200);
    expect(again.body.closedCaseIds).toEqual([]);
  });

  it('refuses an unknown citizen, a bad time, and a visitor or manager', async () => {
    await t.http.post(`/citizens/${randomUUID()}/consent/withdraw`).send({ at: '2026-05-10T10:00:00+02:00' }).expect(404);
    const { citizenId } = (await t.http.post('/cases').send(fridaReferral()).expect(201)).body;
    await t.http.post(`/citizens/${citizenId}/consent/withdraw`).send({ at: 'yesterday' }).expect(400);
    await t.as({ sub: 'm', role: 'manager' }).post(`/citizens/${citizenId}/consent/withdraw`).send({ at: '2026-05-10T10:00:00+02:00' }).expect(403);
  });

  it('exports everything held about the person, with who read it, for admins only', async () => {
    const { caseId, citizenId } = (await t.http.post('/cases').send(fridaReferral()).expect(201)).body;
    await t.http.get(`/cases/${caseId}`).expect(200);
    const exported = (await admin().get(`/citizens/${citizenId}/export`).expect(200)).body;
    expect(exported).toMatchObject({ citizenId, cases: [{ caseId, events: [{ type: 'ReferralReceived', data: { citizen: { name: 'Frida Mortensen' } } }] }], citizen: [] });
    expect(exported.accessLog.map((e: { route: string }) => e.route)).toContain('GET /cases/:caseId');
    await t.http.get(`/citizens/${citizenId}/export`).expect(403);
    // The export itself is a read of the person's data, and is logged.
    const log = (await admin().get(`/citizens/${citizenId}/access-log`).expect(200)).body;
    expect(log.map((e: { route: string; subject: string }) => `${e.subject} ${e.route}`)).toContain('dpo@kommune.dk GET /citizens/:citizenId/export');
  });
});
