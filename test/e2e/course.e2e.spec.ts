import { DateTime } from 'luxon';
import type { Principal } from '../../src/privacy/tokens';
import { fridaReferral, visitor } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The course of a case (issue #19) over HTTP, after Frida in seed 003:
 * "Fællesskabsguiden mødes med Frida og hendes mor", they agree "klare aftaler
 * omkring forløbet", the guide offers "at følges med borgerne de første gange",
 * and Frida goes alone. Relatives are the citizen's personal data: opened for
 * the people working the case, in the art. 15 export, gone for auditors and
 * after erasure.
 */
describe('the course of a case over HTTP', () => {
  let t: TestApp;
  let guide: string;
  let caseId: string;
  let citizenId: string;
  let motherId: string;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
    guide = (await t.http.post('/visitors').send(visitor('volunteer', 5, 'Lene Guide')).expect(201)).body.visitorId;
    ({ caseId, citizenId } = (await t.http.post('/cases').send(fridaReferral()).expect(201)).body);
    await t.http.post(`/cases/${caseId}/triage`).send({ track: 'volunteer', reason: 'Ensom efter sygdom', priority: 'normal' }).expect(200);
    await t.http.post(`/cases/${caseId}/first-visit`).send({ visitorId: guide, visitAt: '2026-04-14T16:00:00+02:00' }).expect(200);
  });
  afterAll(() => t.close());

  const asGuide = (): Principal => ({ sub: 'lene@rodekors.dk', role: 'visitor', visitorId: guide });
  /** As the guide, or (null) as the coordinator. */
  const post = (path: string, body: object, as: Principal | null = asGuide()) => (as ? t.as(as) : t.http).post(`/cases/${caseId}${path}`).send(body);
  const head = async () => (await t.http.get('/health')).body.store.position as number;

  it('adds Frida\'s mother (201 { relativeId }), who needs relief herself, and the case shows it', async () => {
    const added = await post('/relatives', { name: 'Hanne Mortensen', relation: 'parent', phone: '20 30 40 50', note: 'Drivkraften bag at Frida kommer afsted', involvement: ['goes_along', 'needs_relief'] }).expect(201);
    motherId = added.body.relativeId;
    expect(added.body).toMatchObject({ caseId, relativeId: expect.any(String), revision: 3 });
    const view = (await t.http.get(`/cases/${caseId}`).expect(200)).body;
    expect(view.relatives).toEqual([
      { relativeId: motherId, name: 'Hanne Mortensen', relation: 'parent', phone: '+4520304050', note: 'Drivkraften bag at Frida kommer afsted', involvement: ['goes_along', 'needs_relief'] },
    ]);
    const history = (await t.http.get(`/cases/${caseId}/history`).expect(200)).body as Array<{ type: string; label: string }>;
    expect(history.at(-1)).toMatchObject({ type: 'RelativeAdded', label: 'Pårørende tilføjet' });
  });

  it('answers a repeated add with the same relativeId (Idempotency-Key) and adds no second relative', async () => {
    const body = { name: 'Ole Mortensen', relation: 'sibling', involvement: ['informed'] };
    const first = await post('/relatives', body).set('Idempotency-Key', 'frida-brother-1').expect(201);
    const again = await post('/relatives', body).set('Idempotency-Key', 'frida-brother-1').expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.relativeId).toBe(first.body.relativeId);
    const relatives = (await t.http.get(`/cases/${caseId}`).expect(200)).body.relatives as Array<{ name: string; relativeId: string }>;
    expect(relatives.filter((r) => r.name === 'Ole Mortensen')).toHaveLength(1);
    await post(`/relatives/${first.body.relativeId}/remove`, { reason: 'Tilføjet ved en fejl' }).expect(200);
  });

  it('refuses a bad relative with 400 and field paths, and changes nothing', async () => {
    const before = await head();
    const bad = await post('/relatives', { name: '', relation: 'mother', phone: '123', involvement: ['worries'] }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(expect.arrayContaining(['name', 'phone', 'relation']));
    expect(JSON.stringify(bad.body.errors)).toContain('involvement');
    expect(await head()).toBe(before);
  });

  it('lists the mother among those who took part in a visit; an unknown relative is 409 unknown_relative', async () => {
    const visit = { visitorId: guide, visitedAt: '2026-04-14T16:05:00+02:00', themes: ['Fridas ønsker'] };
    const unknown = await post('/visits', { ...visit, participants: ['3f1b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d'] }).expect(409);
    expect(unknown.body).toMatchObject({ code: 'unknown_relative', userMessage: expect.stringContaining('pårørende') });
    await post('/visits', { ...visit, participants: ['not-a-uuid'] }).expect(400);
    await post('/visits', { ...visit, participants: [motherId] }).expect(200);
    const events = (await t.http.get(`/cases/${caseId}/events`).expect(200)).body as Array<{ type: string; data: { participants?: string[] } }>;
    expect(events.at(-1)).toMatchObject({ type: 'VisitHeld', data: { participants: [motherId] } });
  });

  it('records the agreement with Frida and her mother; a new one replaces it', async () => {
    const agreement = { goals: ['Komme i selvhjælpsgruppen', 'Gå selv i Café Nygade'], frequency: 'weekly', expectedEnd: '2026-08-31T12:00:00+02:00', endCriteria: 'Frida går selv i caféen', agreedWith: ['citizen', 'relative', 'visitor'] };
    await post('/agreement', agreement).expect(200);
    const bad = await post('/agreement', { ...agreement, goals: [], frequency: 'daily', agreedWith: ['relative'] }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['frequency', 'goals']);
    expect((await post('/agreement', { ...agreement, agreedWith: ['relative'] }).expect(400)).body.errors.map((e: { field: string }) => e.field)).toEqual(['agreedWith']);
    await post('/agreement', { ...agreement, frequency: 'fortnightly' }).expect(200);
    expect((await t.http.get(`/cases/${caseId}`).expect(200)).body.agreement).toEqual({ ...agreement, frequency: 'fortnightly', expectedEnd: '2026-08-31T10:00:00.000Z' });
    const labels = ((await t.http.get(`/cases/${caseId}/history`).expect(200)).body as Array<{ label: string }>).map((e) => e.label);
    expect(labels.filter((label) => label === 'Aftale om forløbet')).toHaveLength(2);
  });

  it('counts the times the guide went along and the time Frida went alone', async () => {
    const along = (at: string, firstTime: boolean) => ({ at, to: { offerId: 'selvhjaelp-holstebro', activity: 'Selvhjælpsgruppen' }, visitorId: guide, firstTime });
    await post('/accompaniments', along('2026-04-21T19:00:00+02:00', true)).expect(200);
    await post('/accompaniments', along('2026-04-28T19:00:00+02:00', false)).expect(200);
    await post('/accompaniments/alone', { at: '2026-05-05T19:00:00+02:00', activity: 'Café Nygade' }).expect(200);
    expect((await t.http.get(`/cases/${caseId}`).expect(200)).body.goingAlong).toEqual({
      accompanied: 2, alone: 1, lastAccompaniedAt: '2026-04-28T17:00:00.000Z', lastAloneAt: '2026-05-05T17:00:00.000Z',
    });
    const history = (await t.http.get(`/cases/${caseId}/history`).expect(200)).body as Array<{ label: string }>;
    expect(history.map((e) => e.label)).toEqual(expect.arrayContaining(['Fulgtes med fællesskabsguiden', 'Gik selv afsted']));
    // Another guide does not go along on Lene's case (409), and bad bodies are 400.
    const other = (await t.http.post('/visitors').send(visitor('volunteer', 5, 'Ole Anden')).expect(201)).body.visitorId;
    expect((await post('/accompaniments', { ...along('2026-05-12T19:00:00+02:00', false), visitorId: other }, null).expect(409)).body.code).toBe('not_assigned_visitor');
    const bad = await post('/accompaniments', { at: 'tuesday', to: {}, visitorId: guide }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(expect.arrayContaining(['at', 'firstTime', 'to.activity']));
  });

  it("counts on the manager's dashboard the mother needing relief (when she was added) and the times along and alone", async () => {
    // The dashboard's days are Copenhagen's: from 23:00 UTC in winter, today there is tomorrow in UTC.
    const today = DateTime.now().setZone('Europe/Copenhagen').toISODate()!;
    const months = (await t.as({ sub: 'leder@kommune.dk', role: 'manager' }).get('/dashboard').query({ from: '2026-04-01', to: today, programme: 'community_guide' }).expect(200)).body.months as Array<{
      month: string; relativesNeedingRelief: number; goingAlong: { accompanied: number; alone: number };
    }>;
    expect(months.reduce((n, m) => n + m.relativesNeedingRelief, 0)).toBe(1);
    expect(months.find((m) => m.month === '2026-04')!.goingAlong).toEqual({ accompanied: 2, alone: 0 });
    expect(months.find((m) => m.month === '2026-05')!.goingAlong).toEqual({ accompanied: 0, alone: 1 });
  });

  it('shows an auditor the relation code only, and the art. 15 export all of it', async () => {
    const auditor = t.as({ sub: 'evaluator@vive.dk', role: 'auditor' });
    // `needsRelief`, clear for the dashboard's count, is not the auditor's either: of a relative they see the relation code.
    const personal = ['Hanne', 'Mortensen', '20304050', 'Drivkraften', 'needs_relief', 'needsRelief', 'Selvhjælpsgruppen', 'Café Nygade', 'Gå selv'];
    for (const path of [`/cases/${caseId}`, `/cases/${caseId}/events`, `/cases/${caseId}/history`]) {
      const text = JSON.stringify((await auditor.get(path).expect(200)).body);
      for (const word of personal) expect(text).not.toContain(word);
      expect(text).toContain('parent');
    }
    const exported = (await t.as({ sub: 'evaluator@vive.dk', role: 'auditor' }).get('/audit/export').expect(200)).text;
    for (const word of personal) expect(exported).not.toContain(word);
    const art15 = JSON.stringify((await t.as({ sub: 'dpo@kommune.dk', role: 'admin' }).get(`/citizens/${citizenId}/export`).expect(200)).body);
    expect(art15).toContain('Hanne Mortensen');
    expect(art15).toContain('needs_relief');
  });

  it('removes the mother (404 for one not on the case) and, erased with Frida, she is [slettet]', async () => {
    await post(`/relatives/3f1b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d/remove`, { reason: 'Fejl' }).expect(404);
    await post(`/relatives/${motherId}/remove`, { reason: 'Ønsker ikke at være med længere' }).expect(200);
    expect((await t.http.get(`/cases/${caseId}`).expect(200)).body.relatives).toEqual([]);
    await t.as({ sub: 'dpo@kommune.dk', role: 'admin' }).post(`/citizens/${citizenId}/erase`).send({}).expect(200);
    const history = (await t.http.get(`/cases/${caseId}/history`).expect(200)).body as Array<{ type: string; data: Record<string, unknown> }>;
    expect(history.find((e) => e.type === 'RelativeAdded')!.data).toMatchObject({ name: '[slettet]', relation: 'parent' });
    expect(JSON.stringify(history)).not.toContain('Hanne');
  });
});
