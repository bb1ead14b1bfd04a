import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Principal } from '../../src/privacy/tokens';
import { karenReferral, visitor } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

/** Issue 20: a volunteer from application to supervision, over HTTP, with the role table. */
describe('volunteers from application to supervision', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp('sqlite')));
  afterAll(() => t.close());

  const application = (name = 'Birthe Madsen', phone = '+4540506070') => ({
    name,
    phone,
    email: 'birthe@example.dk',
    programmes: ['care_visits'],
    motivation: 'MOTIVATION-MARKER savner at gøre nytte',
    howHeard: 'Kirkebladet',
    at: '2024-11-20T10:00:00+01:00',
  });
  const waitingCase = async () => {
    const { caseId } = (await t.http.post('/cases').send(karenReferral({ citizen: { name: 'Karen Nielsen', address: 'Algade 12, 4180 Sorø' } })).expect(201)).body;
    await t.http.post(`/cases/${caseId}/triage`).send({ track: 'volunteer', reason: 'Ensom', priority: 'normal' }).expect(200);
    return caseId as string;
  };
  const book = (caseId: string, visitorId: string) => t.http.post(`/cases/${caseId}/first-visit`).send({ visitorId, visitAt: '2026-12-01T10:00:00+01:00' });

  it('an applicant is not booked; after interview, approval and a straffeattest they are, with their provisos shown', async () => {
    const res = await t.http.post('/visitors/applications').send(application()).expect(201);
    const { visitorId } = res.body;
    expect(res.headers.location).toBe(`/visitors/${visitorId}`);
    const caseId = await waitingCase();
    expect((await book(caseId, visitorId).expect(409)).body.code).toBe('visitor_not_approved');

    await t.http.post(`/visitors/${visitorId}/interview`).send({ at: '2024-12-01T10:00:00+01:00', by: 'Jette Holm', outcome: 'approve', note: 'INTERVIEW-MARKER rolig' }).expect(200);
    await t.http.post(`/visitors/${visitorId}/approve`).send({ programmes: ['care_visits'], provisos: ['Ikke hos nyligt efterladte'], capacity: 2, at: '2024-12-10T10:00:00+01:00' }).expect(200);
    const refused = (await book(caseId, visitorId).expect(409)).body;
    expect(refused).toMatchObject({ code: 'vetting_required', missing: ['straffeattest'] });
    expect(refused.userMessage).toContain('straffeattest');
    const offered = async () => (await t.http.get('/visitors?available=true&programme=care_visits').expect(200)).body.map((v: { visitorId: string }) => v.visitorId);
    expect(await offered()).not.toContain(visitorId);

    // Checked before they applied here.
    await t.http.post(`/visitors/${visitorId}/vetting`).send({ kind: 'straffeattest', checkedAt: '2024-06-01T10:00:00+02:00', expiresAt: '2099-06-01T00:00:00+02:00', result: 'clear' }).expect(200);
    await t.http.post(`/visitors/${visitorId}/training`).send({ course: 'Introduktion', at: '2025-01-10T10:00:00+01:00' }).expect(200);
    const row = (await t.http.get('/visitors?available=true&programme=care_visits').expect(200)).body.find((v: { visitorId: string }) => v.visitorId === visitorId);
    expect(row).toMatchObject({ status: 'active', provisos: ['Ikke hos nyligt efterladte'], freePlaces: 2 });
    await book(caseId, visitorId).expect(200);
    await t.http.post(`/cases/${caseId}/visits`).send({ visitorId, visitedAt: new Date().toISOString(), durationMinutes: 90 }).expect(200);

    const view = (await t.http.get(`/visitors/${visitorId}`).expect(200)).body;
    expect(view).toMatchObject({
      status: 'active',
      programmes: ['care_visits'],
      provisos: ['Ikke hos nyligt efterladte'],
      vetting: [{ kind: 'straffeattest', valid: true }],
      training: [{ course: 'Introduktion', valid: true }],
      missingVetting: [],
      capacity: 2,
      activeCases: 1,
      visits: { thisMonth: { visits: 1, hours: 1.5 }, thisYear: { visits: 1, hours: 1.5 } },
    });
    // Approved 2024-12-10, never supervised: due 12 weeks later, long overdue.
    expect(view.supervision).toMatchObject({ count: 0, nextDue: '2025-03-04T09:00:00.000Z', overdue: true });
    expect(JSON.stringify(view)).not.toContain('Karen');
    // The caseload knows a volunteer who came through an application (the visitor's own 'Mine borgere').
    const caseload = (await t.as({ sub: 'birthe', role: 'visitor', visitorId }).get(`/visitors/${visitorId}/caseload`).expect(200)).body;
    expect(caseload).toMatchObject({ capacity: 2, active: true, activeCases: 1 });
    const attention = (await t.http.get('/visitors/attention').expect(200)).body.find((r: { visitorId: string }) => r.visitorId === visitorId);
    expect(attention.reasons.map((r: { reason: string }) => r.reason)).toEqual(['supervision_overdue']);

    await t.http.post(`/visitors/${visitorId}/supervision`).send({ kind: 'group', by: 'Jette Holm', note: 'SUPERVISION-MARKER' }).expect(200);
    expect((await t.http.get(`/visitors/${visitorId}`).expect(200)).body.supervision).toMatchObject({ count: 1, overdue: false });

    // Leaving waits for the case to be reassigned.
    const leaving = (await t.http.post(`/visitors/${visitorId}/leave`).send({ reason: 'Flytter' }).expect(409)).body;
    expect(leaving).toMatchObject({ code: 'visitor_has_cases', caseIds: [caseId] });
  });

  it('an expired vetting takes the volunteer off the offer and refuses the booking', async () => {
    const { visitorId } = (await t.http.post('/visitors/applications').send(application('Ole Udløbet', '+4541414141')).expect(201)).body;
    await t.http.post(`/visitors/${visitorId}/interview`).send({ by: 'Jette Holm', outcome: 'approve' }).expect(200);
    await t.http.post(`/visitors/${visitorId}/approve`).send({ programmes: ['care_visits'], capacity: 2 }).expect(200);
    await t.http.post(`/visitors/${visitorId}/vetting`).send({ kind: 'straffeattest', checkedAt: '2020-01-01T10:00:00+01:00', expiresAt: '2023-01-01T10:00:00+01:00', result: 'clear' }).expect(200);
    const offered = (await t.http.get('/visitors?available=true&programme=care_visits').expect(200)).body.map((v: { visitorId: string }) => v.visitorId);
    expect(offered).not.toContain(visitorId);
    expect((await book(await waitingCase(), visitorId).expect(409)).body.code).toBe('vetting_required');
    const row = (await t.http.get('/visitors/attention').expect(200)).body.find((r: { visitorId: string }) => r.visitorId === visitorId);
    expect(row.reasons).toContainEqual({ reason: 'vetting_expired', since: '2023-01-01T09:00:00.000Z', detail: 'straffeattest' });
  });

  it('staff registered directly are booked as before (no vetting asked of them)', async () => {
    const { visitorId } = (await t.http.post('/visitors').send(visitor('employee', 3, 'Hanne Ansat')).expect(201)).body;
    await book(await waitingCase(), visitorId).expect(200);
    expect((await t.http.get(`/visitors/${visitorId}`).expect(200)).body).toMatchObject({ status: 'active', appliedAt: null, missingVetting: [] });
  });

  it('refuses bad input with 400 and changes nothing', async () => {
    const bad = await t.http.post('/visitors/applications').send({ ...application(), phone: '123', programmes: [] }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['phone', 'programmes']);
    const { visitorId } = (await t.http.post('/visitors/applications').send(application('Lis Fremtid', '+4542424242')).expect(201)).body;
    const ahead = new Date(Date.now() + 3 * 86_400_000).toISOString();
    await t.http.post(`/visitors/${visitorId}/interview`).send({ by: 'J', outcome: 'approve', at: ahead }).expect(400);
    await t.http.post(`/visitors/${visitorId}/vetting`).send({ kind: 'ukendt', checkedAt: '2025-01-01T10:00:00Z', result: 'clear' }).expect(400);
    expect((await t.http.get(`/visitors/${visitorId}/history`).expect(200)).body.map((e: { type: string }) => e.type)).toEqual(['VisitorApplied']);
  });

  it("seals the notes under the visitor's key, opens them for the coordinator, logs the read, and erases them after leaving", async () => {
    const { visitorId } = (await t.http.post('/visitors/applications').send(application('Kirsten Notat', '+4543434343')).expect(201)).body;
    await t.http.post(`/visitors/${visitorId}/interview`).send({ by: 'Jette Holm', outcome: 'decline', note: 'NOTE-MARKER-4711' }).expect(200);
    await t.http.post(`/visitors/${visitorId}/decline`).send({ reason: 'REASON-MARKER-4711' }).expect(200);
    const dbFiles = readdirSync(t.dataDir).filter((f) => f.startsWith('brobygger.db'));
    if (process.env.E2E_STORE !== 'postgres') {
      for (const file of dbFiles) expect(readFileSync(join(t.dataDir, file)).includes('NOTE-MARKER-4711')).toBe(false);
    }
    const history = (await t.http.get(`/visitors/${visitorId}/history`).expect(200)).body;
    expect(history.map((e: { label: string }) => e.label)).toEqual(['Ansøgning modtaget', 'Samtale holdt', 'Afslag']);
    expect(history[1].data.note).toBe('NOTE-MARKER-4711');
    const log = (await t.as({ sub: 'admin', role: 'admin' }).get(`/visitors/${visitorId}/access-log`).expect(200)).body;
    expect(JSON.stringify(log)).toContain('GET /visitors/:visitorId/history');

    await t.as({ sub: 'admin', role: 'admin' }).post(`/visitors/${visitorId}/erase`).send({}).expect(200);
    const erased = (await t.http.get(`/visitors/${visitorId}/history`).expect(200)).body;
    expect(erased[1].data.note).toBe('[slettet]');
    expect(erased[2].data.reason).toBe('[slettet]');
    expect(erased.at(-1).label).toBe('Noter slettet');
  });

  it('an active volunteer may not be erased (409 visitor_not_left)', async () => {
    const { visitorId } = (await t.http.post('/visitors/applications').send(application('Per Aktiv', '+4544444444')).expect(201)).body;
    await t.http.post(`/visitors/${visitorId}/interview`).send({ by: 'J', outcome: 'approve' }).expect(200);
    await t.http.post(`/visitors/${visitorId}/approve`).send({ programmes: ['community_guide'], capacity: 1 }).expect(200);
    expect((await t.as({ sub: 'admin', role: 'admin' }).post(`/visitors/${visitorId}/erase`).send({}).expect(409)).body.code).toBe('visitor_not_left');
    await t.http.post(`/visitors/${visitorId}/pause`).send({ reason: 'Ferie', until: '2099-01-01T00:00:00Z' }).expect(200);
    await t.http.post(`/visitors/${visitorId}/leave`).send({ reason: 'Flytter' }).expect(200);
    await t.as({ sub: 'admin', role: 'admin' }).post(`/visitors/${visitorId}/erase`).send({}).expect(200);
  });

  it('keeps the standing and the hours across a restart (the persisted Directory, version 5)', async () => {
    const { visitorId } = (await t.http.post('/visitors/applications').send(application('Else Genstart', '+4547474747')).expect(201)).body;
    await t.http.post(`/visitors/${visitorId}/interview`).send({ by: 'J', outcome: 'approve' }).expect(200);
    await t.http.post(`/visitors/${visitorId}/approve`).send({ programmes: ['care_visits'], provisos: ['Kun formiddage'], capacity: 1 }).expect(200);
    await t.http.post(`/visitors/${visitorId}/vetting`).send({ kind: 'straffeattest', checkedAt: '2025-01-01T10:00:00+01:00', result: 'clear' }).expect(200);
    const caseId = await waitingCase();
    await book(caseId, visitorId).expect(200);
    await t.http.post(`/cases/${caseId}/visits`).send({ visitorId, visitedAt: new Date().toISOString(), durationMinutes: 45 }).expect(200);
    const before = (await t.http.get(`/visitors/${visitorId}`).expect(200)).body;
    t = await t.restart();
    expect((await t.http.get(`/visitors/${visitorId}`).expect(200)).body).toEqual(before);
    expect(before).toMatchObject({ provisos: ['Kun formiddage'], activeCases: 1, visits: { thisMonth: { visits: 1, hours: 0.8 } } });
  });

  describe('who may do what', () => {
    let own: string;
    let other: string;
    beforeAll(async () => {
      own = (await t.http.post('/visitors/applications').send(application('Grethe Egen', '+4545454545')).expect(201)).body.visitorId;
      other = (await t.http.post('/visitors/applications').send(application('Hans Anden', '+4546464646')).expect(201)).body.visitorId;
      await t.http.post(`/visitors/${own}/coordinator`).send({ coordinatorSub: 'lone' }).expect(200);
    });
    type Who = 'own visitor' | 'other visitor' | 'their lead' | 'other lead' | 'coordinator' | 'manager' | 'admin';
    const principal = (who: Who): Principal => {
      if (who === 'own visitor') return { sub: 'grethe', role: 'visitor', visitorId: own };
      if (who === 'other visitor') return { sub: 'hans', role: 'visitor', visitorId: other };
      if (who === 'their lead') return { sub: 'lone', role: 'volunteer_lead' };
      if (who === 'other lead') return { sub: 'lars', role: 'volunteer_lead' };
      return { sub: `${who}@example.dk`, role: who };
    };
    const EVERYONE: Who[] = ['own visitor', 'other visitor', 'their lead', 'other lead', 'coordinator', 'manager', 'admin'];
    const routes: Array<{ route: string; allowed: Who[]; send: (as: Who) => ReturnType<TestApp['http']['get']> }> = [
      { route: 'GET /visitors/:visitorId', allowed: ['own visitor', 'their lead', 'coordinator', 'admin'], send: (as) => t.as(principal(as)).get(`/visitors/${own}`) },
      { route: 'GET /visitors/:visitorId/history', allowed: ['own visitor', 'coordinator', 'admin'], send: (as) => t.as(principal(as)).get(`/visitors/${own}/history`) },
      { route: 'GET /visitors/attention', allowed: ['coordinator'], send: (as) => t.as(principal(as)).get('/visitors/attention') },
      { route: 'GET /visitors/led', allowed: ['their lead', 'other lead'], send: (as) => t.as(principal(as)).get('/visitors/led') },
      { route: 'POST /visitors/applications', allowed: ['coordinator', 'admin'], send: (as) => t.as(principal(as)).post('/visitors/applications').send({}) },
      { route: 'POST /visitors/:visitorId/interview', allowed: ['coordinator', 'admin'], send: (as) => t.as(principal(as)).post(`/visitors/${own}/interview`).send({}) },
      { route: 'POST /visitors/:visitorId/supervision', allowed: ['coordinator', 'admin'], send: (as) => t.as(principal(as)).post(`/visitors/${own}/supervision`).send({}) },
      { route: 'POST /visitors/:visitorId/erase', allowed: ['admin'], send: (as) => t.as(principal(as)).post(`/visitors/${own}/erase`).send({ not: 1 }) },
    ];
    it.each(routes.flatMap(({ route, allowed, send }) => EVERYONE.map((who) => [route, who, allowed.includes(who), send] as const)))('%s as %s: allowed %s', async (_route, who, allowed, send) => {
      const res = await send(who);
      if (allowed) expect([200, 201, 400, 404, 409]).toContain(res.status);
      else expect(res.status).toBe(403);
    });

    it("a lead sees their own volunteers' status and caseload counts, nothing of citizens", async () => {
      const led = (await t.as(principal('their lead')).get('/visitors/led').expect(200)).body;
      expect(led).toEqual([{ visitorId: own, name: 'Grethe Egen', status: 'applicant', capacity: 0, activeCases: 0 }]);
      expect((await t.as(principal('other lead')).get('/visitors/led').expect(200)).body).toEqual([]);
      await t.as(principal('their lead')).get('/cases').expect(403);
      await t.as(principal('their lead')).get('/waiting-list').expect(403);
    });
  });
});
