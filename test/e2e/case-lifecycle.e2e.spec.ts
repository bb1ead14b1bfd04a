import { fridaReferral, karenReferral, suicidalReferral, visitor } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

/**
 * A coordinator follows real cases from the seeds over HTTP, from the referral
 * to the relation that makes the helper no longer the citizen's main support.
 */
describe('a case over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp('sqlite')));
  afterAll(() => t.close());

  const register = async (body: object) => (await t.http.post('/visitors').send(body).expect(201)).body.visitorId as string;

  it('walks Karen from referral to a relation established and the case closed', async () => {
    const visitorId = await register(visitor('volunteer', 3));

    const created = await t.http.post('/cases').send(karenReferral()).expect(201);
    const { caseId, citizenId } = created.body;
    expect(created.headers.location).toBe(`/cases/${caseId}`);
    expect(created.headers.etag).toBe('"0"');
    expect(created.body).toEqual({ caseId, citizenId, revision: 0, position: expect.any(Number) });

    const post = (path: string, body: object, status = 200) => t.http.post(`/cases/${caseId}${path}`).send(body).expect(status);
    await post('/triage', { track: 'volunteer', reason: 'Ensom efter mandens død', priority: 'normal' });
    expect((await t.http.get(`/cases/${caseId}`).expect(200)).body.status).toBe('Waiting');

    await post('/first-visit', { visitorId, visitAt: '2026-03-09T10:00:00+01:00' });
    await post('/visits', {
      visitorId,
      visitedAt: '2026-03-09T10:05:00+01:00',
      nextVisitAt: '2026-03-16T10:00:00+01:00',
      themes: ['varmehjælp', 'datteren i Aarhus'],
      note: 'God første samtale',
    });
    await post('/dismissals', {
      visitorId,
      at: '2026-03-16T10:02:00+01:00',
      nextVisitAt: '2026-03-23T10:00:00+01:00',
      assessment: 'Bag facaden et ønske om besøg',
    });
    const task = await post('/tasks', { kind: 'heating_aid', description: 'Ansøgning om varmehjælp' });
    expect(task.body.taskId).toEqual(expect.any(String));
    await post(`/tasks/${task.body.taskId}/complete`, { outcome: 'Bevilget' });
    await post('/assessments', { instrument: 'ucla3', answers: [3, 3, 2] });
    await post('/relations', { kind: 'social_cafe', description: 'Kirkens café om torsdagen', at: '2026-04-02T14:00:00+02:00' });
    const closed = await post('/close', { reason: 'relation_established', at: '2026-04-20T12:00:00+02:00' });
    expect(closed.headers.etag).toBe(`"${closed.body.revision}"`);

    const state = (await t.http.get(`/cases/${caseId}`).expect(200)).body;
    expect(state).toMatchObject({ status: 'Closed', caseId, citizenId, reason: 'relation_established' });
    const events = (await t.http.get(`/cases/${caseId}/events`).expect(200)).body;
    expect(events.map((e: { type: string }) => e.type)).toEqual([
      'ReferralReceived',
      'TriagedToVolunteer',
      'FirstVisitBooked',
      'VisitHeld',
      'VisitorDismissedButReturning',
      'TaskOpened',
      'TaskCompleted',
      'LonelinessAssessed',
      'RelationEstablished',
      'CaseClosed',
      // Issue #19: closing schedules the follow-up three months later.
      'FollowUpScheduled',
    ]);
    expect(events.map((e: { revision: number }) => e.revision)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(events[0].metadata).toMatchObject({ actor: { id: 'test-coordinator', role: 'coordinator' }, occurredAt: '2026-03-02T08:15:00.000Z' });
    expect(events[7].data).toMatchObject({ score: 8, instrument: 'ucla3' });
    // A closed case takes nothing but its follow-ups.
    const refused = await post('/visits', { visitorId, visitedAt: '2026-04-21T10:00:00+02:00' }, 409);
    expect(refused.body).toMatchObject({ status: 409, code: 'case_closed' });
  });

  it('keeps a suicidal-thoughts case on the professional track', async () => {
    const volunteerId = await register(visitor('volunteer', 3, 'Ole Frivillig'));
    const nurseId = await register(visitor('volunteer_professional', 3, 'Grethe Sygeplejerske'));
    const { caseId } = (await t.http.post('/cases').send(suicidalReferral()).expect(201)).body;

    const refused = await t.http.post(`/cases/${caseId}/triage`).send({ track: 'volunteer', reason: 'r', priority: 'high' }).expect(409);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ status: 409, code: 'professional_required', userMessage: expect.stringMatching(/selvmord/i) });

    await t.http.post(`/cases/${caseId}/triage`).send({ track: 'professional', reason: 'Selvmordstanker', priority: 'high' }).expect(200);
    await t.http.post(`/cases/${caseId}/first-visit`).send({ visitorId: volunteerId, visitAt: '2026-03-05T10:00:00+01:00' }).expect(409);
    await t.http.post(`/cases/${caseId}/first-visit`).send({ visitorId: nurseId, visitAt: '2026-03-05T10:00:00+01:00' }).expect(200);
    await t.http.post(`/cases/${caseId}/reassign`).send({ toVisitorId: volunteerId, reason: 'ferie' }).expect(409);
    expect((await t.http.get(`/cases/${caseId}`)).body).toMatchObject({ status: 'Active', track: 'professional', visitorId: nurseId });
  });

  it('moves a case to the professional track when a risk is flagged, and stops a plain volunteer until reassigned', async () => {
    const volunteerId = await register(visitor('volunteer', 3, 'Lise Frivillig'));
    const employeeId = await register(visitor('employee', 3, 'Anne Ansat'));
    const { caseId } = (await t.http.post('/cases').send(karenReferral()).expect(201)).body;
    await t.http.post(`/cases/${caseId}/triage`).send({ track: 'volunteer', reason: 'r', priority: 'normal' }).expect(200);
    await t.http.post(`/cases/${caseId}/first-visit`).send({ visitorId: volunteerId, visitAt: '2026-03-09T10:00:00+01:00' }).expect(200);
    await t.http.post(`/cases/${caseId}/risks`).send({ risk: 'suicidal_thoughts', note: 'Taler om ikke at ville leve', at: '2026-03-09T11:00:00+01:00' }).expect(200);

    const visit = { visitorId: volunteerId, visitedAt: '2026-03-16T10:00:00+01:00' };
    expect((await t.http.post(`/cases/${caseId}/visits`).send(visit).expect(409)).body.code).toBe('professional_required');
    await t.http.post(`/cases/${caseId}/reassign`).send({ toVisitorId: employeeId, reason: 'Selvmordstanker' }).expect(200);
    // Continuity: only the assigned visitor records visits.
    expect((await t.http.post(`/cases/${caseId}/visits`).send(visit).expect(409)).body.code).toBe('not_assigned_visitor');
    await t.http.post(`/cases/${caseId}/visits`).send({ ...visit, visitorId: employeeId }).expect(200);
  });

  it('follows Frida, referred by her mother, to a practice community', async () => {
    const guideId = await register(visitor('volunteer', 2, 'Mette Fællesskabsguide'));
    const { caseId, citizenId } = (await t.http.post('/cases').send(fridaReferral()).expect(201)).body;
    await t.http.post(`/cases/${caseId}/assessments`).send({ instrument: 'ucla3', answers: [3, 3, 3] }).expect(200);
    await t.http.post(`/cases/${caseId}/triage`).send({ track: 'volunteer', reason: 'Ung, angst', priority: 'normal' }).expect(200);
    await t.http.post(`/cases/${caseId}/first-visit`).send({ visitorId: guideId, visitAt: '2026-04-15T16:00:00+02:00' }).expect(200);
    await t.http
      .post(`/cases/${caseId}/relations`)
      .send({ kind: 'self_help_group', description: 'Selvhjælpsgruppe', at: '2026-05-01T19:00:00+02:00' })
      .expect(200);
    await t.http
      .post(`/cases/${caseId}/relations`)
      .send({ kind: 'practice_community', description: 'Socialcafé som øverum', at: '2026-06-01T19:00:00+02:00' })
      .expect(200);
    await t.http.post(`/cases/${caseId}/close`).send({ reason: 'relation_established' }).expect(200);

    // Referred again later by citizenId: no personal details needed, same citizen.
    const again = await t.http.post('/cases').send({ ...fridaReferral(), citizen: undefined, citizenId }).expect(201);
    expect(again.body.citizenId).toBe(citizenId);
    const list = (await t.http.get('/cases').query({ search: 'frida' }).expect(200)).body;
    expect(list.map((c: { caseId: string }) => c.caseId).sort()).toEqual([caseId, again.body.caseId].sort());
  });

  it('lists visitors with their free places and refuses to overbook one', async () => {
    const visitorId = await register(visitor('employee', 1, 'Åse Travl'));
    const waiting = async () => {
      const { caseId } = (await t.http.post('/cases').send(karenReferral()).expect(201)).body;
      await t.http.post(`/cases/${caseId}/triage`).send({ track: 'volunteer', reason: 'r', priority: 'low' }).expect(200);
      return caseId as string;
    };
    const [a, b] = [await waiting(), await waiting()];
    const both = await Promise.all(
      [a, b].map((caseId) => t.http.post(`/cases/${caseId}/first-visit`).send({ visitorId, visitAt: '2026-03-10T10:00:00+01:00' })),
    );
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(both.find((r) => r.status === 409)!.body.code).toBe('visitor_at_capacity');
    const rows = (await t.http.get('/visitors').expect(200)).body;
    expect(rows.find((v: { visitorId: string }) => v.visitorId === visitorId)).toMatchObject({ capacity: 1, activeCases: 1, freePlaces: 0 });
    const available = (await t.http.get('/visitors').query({ available: 'true' }).expect(200)).body;
    expect(available.some((v: { visitorId: string }) => v.visitorId === visitorId)).toBe(false);
  });
});
