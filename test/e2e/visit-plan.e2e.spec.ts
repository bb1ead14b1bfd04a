import type { Principal } from '../../src/privacy/tokens';
import { karenReferral, visitor } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

/**
 * A coordinator's daily work with the visit plan (issue #17), over HTTP: a
 * cancellation, the next visit booked, the fixed time, the overdue list, a
 * pause and its end. Seed 000: "Hvis det bliver nødvendig at ændre
 * besøgstidspunktet, ringer vi altid inden."
 */
describe('the visit plan over HTTP', () => {
  let t: TestApp;
  let birthe: string;
  let ole: string;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
    birthe = (await t.http.post('/visitors').send(visitor('volunteer', 20, 'Birthe Plan')).expect(201)).body.visitorId;
    ole = (await t.http.post('/visitors').send(visitor('volunteer', 20, 'Ole Plan')).expect(201)).body.visitorId;
  });
  afterAll(() => t.close());

  const asVisitor = (visitorId: string): Principal => ({ sub: `${visitorId}@sogn.dk`, role: 'visitor', visitorId });
  const post = (caseId: string, path: string, body: object) => t.http.post(`/cases/${caseId}${path}`).send(body);
  const head = async () => (await t.http.get('/health')).body.store.position as number;
  /** An active case with `visitorId`, its first visit agreed at `visitAt`. */
  const active = async (visitorId: string, visitAt: string, referral = karenReferral()) => {
    const caseId = (await t.http.post('/cases').send(referral).expect(201)).body.caseId as string;
    await post(caseId, '/triage', { track: 'volunteer', reason: 'Ensom', priority: 'normal' }).expect(200);
    await post(caseId, '/first-visit', { visitorId, visitAt }).expect(200);
    return caseId;
  };

  it('books the next visit after a cancellation, and refuses one while a visit is agreed (409 visit_already_agreed)', async () => {
    const caseId = await active(birthe, '2030-03-05T10:00:00+01:00');
    const refused = await post(caseId, '/visits/book', { visitAt: '2030-03-12T10:00:00+01:00', citizenNotified: true }).expect(409);
    expect(refused.body).toMatchObject({ code: 'visit_already_agreed', userMessage: expect.stringContaining('flyt det i stedet') });
    await post(caseId, '/visits/cancel', { at: '2030-03-05T10:00:00+01:00', by: 'citizen', reason: 'Til lægen' }).expect(200);
    const booked = await post(caseId, '/visits/book', { visitAt: '2030-03-06T14:00:00+01:00', citizenNotified: true }).expect(200);
    expect(booked.body.revision).toBe(4);
    expect((await t.http.get(`/cases/${caseId}`).expect(200)).body.nextVisitAt).toBe('2030-03-06T13:00:00.000Z');
    const history = (await t.http.get(`/cases/${caseId}/history`).expect(200)).body as Array<{ type: string; label: string }>;
    expect(history.at(-1)).toMatchObject({ type: 'NextVisitBooked', label: 'Næste besøg aftalt' });
  });

  it('needs the citizen called before the visitor cancels or a new time is booked (409 citizen_not_notified), and changes nothing', async () => {
    const caseId = await active(birthe, '2030-04-02T10:00:00+02:00');
    const before = await head();
    const cancel = await t.as(asVisitor(birthe)).post(`/cases/${caseId}/visits/cancel`).send({ at: '2030-04-02T10:00:00+02:00', by: 'visitor', reason: 'Syg' }).expect(409);
    expect(cancel.body.code).toBe('citizen_not_notified');
    expect(await head()).toBe(before);
    await t.as(asVisitor(birthe)).post(`/cases/${caseId}/visits/cancel`).send({ at: '2030-04-02T10:00:00+02:00', by: 'visitor', reason: 'Syg', citizenNotified: true }).expect(200);
    expect((await post(caseId, '/visits/book', { visitAt: '2030-04-03T10:00:00+02:00', citizenNotified: false }).expect(409)).body.code).toBe('citizen_not_notified');
    // The visitor agrees the new time with the citizen on the phone.
    await t.as(asVisitor(birthe)).post(`/cases/${caseId}/visits/book`).send({ visitAt: '2030-04-03T10:00:00+02:00', citizenNotified: true }).expect(200);
  });

  it('refuses bad bodies with 400 and field paths', async () => {
    const caseId = await active(birthe, '2030-05-07T10:00:00+02:00');
    const bad = await post(caseId, '/visit-slot', { weekday: 8, time: '9.00', everyWeeks: 5 }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['everyWeeks', 'time', 'weekday']);
    await post(caseId, '/visits/book', { visitAt: 'tomorrow', citizenNotified: true }).expect(400);
    await post(caseId, '/pause', { at: '2026-03-05T09:00:00+01:00' }).expect(400);
    await post(caseId, '/pause', { reason: 'Ferie', at: '2026-03-05T09:00:00+01:00', until: 'soon' }).expect(400);
    await post(caseId, '/resume', {}).expect(400);
  });

  it('agrees a fixed time, shown on the case and the visit card', async () => {
    const caseId = await active(birthe, '2030-06-04T10:00:00+02:00');
    await post(caseId, '/visit-slot', { weekday: 2, time: '10:00', everyWeeks: 2 }).expect(200);
    expect((await t.http.get(`/cases/${caseId}`).expect(200)).body.visitSlot).toEqual({ weekday: 2, time: '10:00', everyWeeks: 2 });
    const load = (await t.http.get(`/visitors/${birthe}/caseload`).expect(200)).body;
    expect(load.cases.find((c: { caseId: string }) => c.caseId === caseId).visitSlot).toEqual({ weekday: 2, time: '10:00', everyWeeks: 2 });
    expect((await post(caseId, '/visit-slot', { weekday: 2, time: '10:00', everyWeeks: 2 }).expect(409)).body.code).toBe('slot_unchanged');
  });

  it('lists overdue visits oldest first; a visitor sees only their own; a recorded visit takes one off', async () => {
    const older = await active(ole, '2026-03-05T10:00:00+01:00');
    const newer = await active(ole, '2026-04-02T10:00:00+02:00', karenReferral({ programme: 'community_guide' }));
    const birthes = await active(birthe, '2026-03-20T10:00:00+01:00');
    const list = (await t.http.get('/visits/overdue').expect(200)).body as Array<{ caseId: string; daysOverdue: number; dueAt: string }>;
    const ids = list.map((v) => v.caseId);
    expect(ids.indexOf(older)).toBeLessThan(ids.indexOf(birthes));
    expect(ids.indexOf(birthes)).toBeLessThan(ids.indexOf(newer));
    expect(list.find((v) => v.caseId === older)).toMatchObject({ visitorId: ole, dueAt: '2026-03-05T09:00:00.000Z', citizenId: expect.any(String), daysOverdue: expect.any(Number) });
    expect(list.every((v, i) => i === 0 || list[i - 1]!.dueAt <= v.dueAt)).toBe(true);
    expect((await t.http.get('/visits/overdue').query({ programme: 'community_guide' }).expect(200)).body.map((v: { caseId: string }) => v.caseId)).toEqual([newer]);
    expect((await t.http.get('/visits/overdue').query({ visitorId: ole }).expect(200)).body.map((v: { caseId: string }) => v.caseId)).toEqual([older, newer]);
    // A visitor: their own only, whether they ask for it or not; another's is refused.
    expect((await t.as(asVisitor(birthe)).get('/visits/overdue').expect(200)).body.map((v: { caseId: string }) => v.caseId)).toEqual([birthes]);
    await t.as(asVisitor(birthe)).get('/visits/overdue').query({ visitorId: ole }).expect(403);
    await t.as({ sub: 'manager@x.dk', role: 'manager' }).get('/visits/overdue').expect(403);
    await t.http.get('/visits/overdue').query({ programme: 'knitting' }).expect(400);
    // The caseload says how late.
    const card = (await t.http.get(`/visitors/${ole}/caseload`).expect(200)).body.cases.find((c: { caseId: string }) => c.caseId === older);
    expect(card).toMatchObject({ overdue: true, daysOverdue: expect.any(Number) });
    const visited = await post(older, '/visits', { visitorId: ole, visitedAt: '2026-03-05T10:10:00+01:00', nextVisitAt: '2030-01-12T10:00:00+01:00' }).expect(200);
    const after = (await t.http.get('/visits/overdue').query({ visitorId: ole, minPosition: visited.body.position }).expect(200)).body;
    expect(after.map((v: { caseId: string }) => v.caseId)).toEqual([newer]);
  });

  it('pauses a case (not overdue, no visits: 409 case_paused) and resumes it; the waiting folder shows a paused waiting case', async () => {
    const caseId = await active(birthe, '2026-03-10T10:00:00+01:00');
    await post(caseId, '/pause', { reason: 'Indlagt på Slagelse Sygehus', at: '2026-03-09T08:00:00+01:00', until: '2030-02-24T12:00:00+01:00' }).expect(200);
    const paused = (await t.http.get(`/cases/${caseId}`).expect(200)).body;
    expect(paused.pause).toEqual({ reason: 'Indlagt på Slagelse Sygehus', at: '2026-03-09T07:00:00.000Z', until: '2030-02-24T11:00:00.000Z' });
    expect(paused.nextVisitAt).toBeUndefined();
    expect((await t.http.get('/visits/overdue').expect(200)).body.map((v: { caseId: string }) => v.caseId)).not.toContain(caseId);
    const card = (await t.http.get(`/visitors/${birthe}/caseload`).expect(200)).body.cases.find((c: { caseId: string }) => c.caseId === caseId);
    expect(card).toMatchObject({ overdue: false, pause: { reason: 'Indlagt på Slagelse Sygehus' } });
    const before = await head();
    const refused = await t.as(asVisitor(birthe)).post(`/cases/${caseId}/visits`).send({ visitorId: birthe, visitedAt: '2026-03-16T10:00:00+01:00' }).expect(409);
    expect(refused.body).toMatchObject({ code: 'case_paused', userMessage: expect.stringContaining('pause') });
    expect((await post(caseId, '/visits/book', { visitAt: '2030-02-17T10:00:00+01:00', citizenNotified: true }).expect(409)).body.code).toBe('case_paused');
    expect((await post(caseId, '/pause', { reason: 'Igen', at: '2026-03-10T08:00:00+01:00' }).expect(409)).body.code).toBe('case_paused');
    expect(await head()).toBe(before);
    await post(caseId, '/resume', { at: '2026-03-23T09:00:00+01:00' }).expect(200);
    expect((await post(caseId, '/resume', { at: '2026-03-23T09:00:00+01:00' }).expect(409)).body.code).toBe('case_not_paused');
    await post(caseId, '/visits/book', { visitAt: '2030-02-25T10:00:00+01:00', citizenNotified: true }).expect(200);
    const labels = ((await t.http.get(`/cases/${caseId}/history`).expect(200)).body as Array<{ label: string }>).map((e) => e.label);
    expect(labels.slice(-3)).toEqual(['Besøg sat på pause', 'Besøg genoptaget', 'Næste besøg aftalt']);

    const waiting = (await t.http.post('/cases').send(karenReferral()).expect(201)).body.caseId as string;
    await post(waiting, '/triage', { track: 'volunteer', reason: 'Ensom', priority: 'normal' }).expect(200);
    await post(waiting, '/pause', { reason: 'Ferie hos datteren', at: '2026-03-05T09:00:00+01:00' }).expect(200);
    const entry = (await t.http.get('/waiting-list').expect(200)).body.find((e: { caseId: string }) => e.caseId === waiting);
    expect(entry).toMatchObject({ stage: 'waiting', pause: { reason: 'Ferie hos datteren', at: '2026-03-05T08:00:00.000Z' } });
    expect((await post(waiting, '/first-visit', { visitorId: birthe, visitAt: '2030-03-09T10:00:00+01:00' }).expect(409)).body.code).toBe('case_paused');
  });
});
