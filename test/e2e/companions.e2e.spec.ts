import type { Principal } from '../../src/privacy/tokens';
import { karenReferral, visitor } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The companion (bisidder, issue #19) over HTTP. Seed 002: "Hvad går tilbuddet
 * ud på (støtte før, under og efter en samtale)?": the appointment and its
 * preparation before, going along and the debrief after. Coordinator and the
 * assigned helper may; the purpose, preparation and debrief are sealed and
 * gone for an auditor.
 */
describe("the companion's appointments over HTTP", () => {
  let t: TestApp;
  let ole: string;
  let caseId: string;
  let citizenId: string;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
    ole = (await t.http.post('/visitors').send(visitor('volunteer', 5, 'Ole Bisidder')).expect(201)).body.visitorId;
    ({ caseId, citizenId } = (await t.http.post('/cases').send(karenReferral({ programme: 'companion' })).expect(201)).body);
    await t.http.post(`/cases/${caseId}/triage`).send({ track: 'volunteer', reason: 'Ønsker en bisidder', priority: 'normal' }).expect(200);
    await t.http.post(`/cases/${caseId}/first-visit`).send({ visitorId: ole, visitAt: '2026-03-09T10:00:00+01:00' }).expect(200);
  });
  afterAll(() => t.close());

  const asOle = (): Principal => ({ sub: 'ole@bisidder.dk', role: 'visitor', visitorId: ole });
  const post = (path: string, body: object, as: Principal | null = asOle()) => (as ? t.as(as) : t.http).post(`/cases/${caseId}${path}`).send(body);
  const head = async () => (await t.http.get('/health')).body.store.position as number;
  const jobcentre = { with: 'kommune_jobcenter', purpose: 'Samtale om sygedagpenge', at: '2026-03-20T10:00:00+01:00', preparation: 'Spørgsmålene skrevet ned sammen' };

  it('lets the coordinator and the assigned helper schedule (201 { appointmentId }), and no one else (403)', async () => {
    const scheduled = await post('/appointments', jobcentre).expect(201);
    expect(scheduled.body).toMatchObject({ caseId, appointmentId: expect.any(String) });
    expect(scheduled.headers.location).toBe(`/cases/${caseId}`);
    await post('/appointments', { ...jobcentre, with: 'egen_laege', purpose: 'Blodprøvesvar' }, null).expect(201);
    const other = (await t.http.post('/visitors').send(visitor('volunteer', 5, 'Anden Bisidder')).expect(201)).body.visitorId;
    for (const principal of [
      { sub: 'anden@bisidder.dk', role: 'visitor', visitorId: other },
      { sub: 'leder@kommune.dk', role: 'manager' },
      { sub: 'evaluator@vive.dk', role: 'auditor' },
      { sub: 'it@kommune.dk', role: 'admin' },
    ] as Principal[]) {
      expect((await post('/appointments', jobcentre, principal)).status).toBe(403);
      expect((await post(`/appointments/${scheduled.body.appointmentId}/cancel`, { reason: 'x' }, principal)).status).toBe(403);
    }
  });

  it('refuses a bad body with 400 naming each field, and changes nothing', async () => {
    const before = await head();
    const bad = await post('/appointments', { with: 'tandlaege', purpose: '', at: 'tirsdag' }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['at', 'purpose', 'with']);
    expect((await post('/appointments', { ...jobcentre, at: '2026-01-05T10:00:00+01:00' }).expect(409)).body.code).toBe('before_referral');
    expect(await head()).toBe(before);
  });

  it('lists the appointments still ahead on the visit card, and counts them on the caseload', async () => {
    const load = (await t.as(asOle()).get(`/visitors/${ole}/caseload`).expect(200)).body;
    expect(load.appointments).toBe(2);
    const card = load.cases.find((c: { caseId: string }) => c.caseId === caseId);
    expect(card.appointments.map((a: { with: string; purpose: string }) => [a.with, a.purpose])).toEqual([
      ['kommune_jobcenter', 'Samtale om sygedagpenge'],
      ['egen_laege', 'Blodprøvesvar'],
    ]);
  });

  it('records going along with the debrief; not twice, not after a cancel, and an unknown appointment is 404', async () => {
    const view = (await t.http.get(`/cases/${caseId}`).expect(200)).body;
    const [jobId, doctorId] = view.appointments.map((a: { appointmentId: string }) => a.appointmentId);
    await post(`/appointments/${jobId}/accompanied`, { at: '2026-03-20T10:00:00+01:00', debrief: 'Gennemgik svarene over en kop kaffe' }).expect(200);
    expect((await post(`/appointments/${jobId}/accompanied`, { at: '2026-03-20T11:00:00+01:00', debrief: 'igen' }).expect(409)).body.code).toBe('appointment_accompanied');
    await post(`/appointments/${doctorId}/cancel`, { reason: 'Lægen har flyttet tiden' }).expect(200);
    const refused = await post(`/appointments/${doctorId}/accompanied`, { at: '2026-03-21T10:00:00+01:00', debrief: 'x' }).expect(409);
    expect(refused.body).toMatchObject({ code: 'appointment_cancelled', userMessage: 'Mødet er aflyst.' });
    await post('/appointments/3f1b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d/cancel', { reason: 'x' }).expect(404);
    await post('/appointments/not-a-uuid/cancel', { reason: 'x' }).expect(400);
    expect((await post(`/appointments/${jobId}/accompanied`, { debrief: '' }).expect(400)).body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['at', 'debrief']);

    const after = (await t.http.get(`/cases/${caseId}`).expect(200)).body.appointments;
    expect(after).toEqual([
      { ...jobcentre, appointmentId: jobId, at: '2026-03-20T09:00:00.000Z', status: 'accompanied', accompaniedAt: '2026-03-20T09:00:00.000Z', debrief: 'Gennemgik svarene over en kop kaffe' },
      { appointmentId: doctorId, with: 'egen_laege', purpose: 'Blodprøvesvar', at: '2026-03-20T09:00:00.000Z', preparation: jobcentre.preparation, status: 'cancelled', cancelReason: 'Lægen har flyttet tiden' },
    ]);
    expect((await t.as(asOle()).get(`/visitors/${ole}/caseload`).expect(200)).body.appointments).toBe(0);
    const labels = ((await t.http.get(`/cases/${caseId}/history`).expect(200)).body as Array<{ label: string }>).map((e) => e.label);
    expect(labels).toEqual(expect.arrayContaining(['Aftale om ledsagelse til møde', 'Fulgt til møde af bisidderen', 'Møde med ledsagelse aflyst']));
  });

  it('shows an auditor whom and when, never why or what was said', async () => {
    const auditor = t.as({ sub: 'evaluator@vive.dk', role: 'auditor' });
    for (const path of [`/cases/${caseId}`, `/cases/${caseId}/events`, `/cases/${caseId}/history`]) {
      const text = JSON.stringify((await auditor.get(path).expect(200)).body);
      for (const word of ['sygedagpenge', 'Spørgsmålene', 'kaffe', 'Blodprøvesvar', 'flyttet tiden']) expect(text).not.toContain(word);
      expect(text).toContain('kommune_jobcenter');
    }
  });
  it('erased with the citizen: the purpose, preparation and debrief are [slettet], whom and when stay', async () => {
    await t.as({ sub: 'dpo@kommune.dk', role: 'admin' }).post(`/citizens/${citizenId}/erase`).send({}).expect(200);
    const history = (await t.http.get(`/cases/${caseId}/history`).expect(200)).body as Array<{ type: string; data: Record<string, unknown> }>;
    expect(history.find((e) => e.type === 'AppointmentScheduled')!.data).toMatchObject({ with: 'kommune_jobcenter', purpose: '[slettet]', preparation: '[slettet]' });
    expect(history.find((e) => e.type === 'AppointmentAccompanied')!.data).toMatchObject({ debrief: '[slettet]' });
    expect(JSON.stringify(history)).not.toMatch(/sygedagpenge|kaffe|Blodprøvesvar/);
  });
});
