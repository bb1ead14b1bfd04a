import { karenReferral, visitor } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Programme settings over HTTP (issues 19, 20, 22): "configurable per
 * programme". The admin changes them (`POST /programmes/:programme/settings`);
 * coordinators and managers read them (`GET /programmes`); the deciders and
 * the lists of what is due follow at once.
 */
describe('programme settings over HTTP', () => {
  let t: TestApp;
  const ADMIN = { sub: 'admin@sogn.dk', role: 'admin' as const };
  const admin = () => t.as(ADMIN);
  const head = async () => (await t.http.get('/health')).body.store.position as number;
  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
  const settingsOf = async (programme: string) =>
    ((await t.http.get('/programmes').expect(200)).body as Array<{ programme: string; settings: Record<string, unknown> }>).find((p) => p.programme === programme)!.settings;

  beforeAll(async () => (t = await startTestApp('sqlite')));
  afterAll(() => t.close());

  it('lists every programme with its Danish name, helper word, and the defaults while nothing was changed', async () => {
    const rows = (await t.as({ sub: 'mette', role: 'manager' }).get('/programmes').expect(200)).body;
    expect(rows.map((r: { programme: string }) => r.programme)).toEqual(['care_visits', 'visiting_friend', 'community_guide', 'companion']);
    expect(rows[0]).toEqual({
      programme: 'care_visits',
      name: 'Omsorgsbesøg',
      helperWord: 'omsorgsmedarbejder',
      settings: { followUpMonths: 3, requiredVetting: ['straffeattest'], requiredCourses: ['Introduktion'], supervisionEveryWeeks: 12, reassessEveryWeeks: 12 },
      defaults: { followUpMonths: 3, requiredVetting: ['straffeattest'], requiredCourses: ['Introduktion'], supervisionEveryWeeks: 12, reassessEveryWeeks: 12 },
      changedAt: null,
    });
    expect(rows[2]).toMatchObject({ name: 'Fællesskabsguide', helperWord: 'fællesskabsguide', settings: { requiredVetting: [] } });
  });

  it('answers 404 programme_not_found for a code that is no programme, and changes nothing', async () => {
    const before = await head();
    expect((await admin().post('/programmes/bingo/settings').send({ followUpMonths: 6 }).expect(404)).body.code).toBe('programme_not_found');
    expect((await t.http.get('/programmes/bingo').expect(404)).body.code).toBe('programme_not_found');
    expect(await head()).toBe(before);
  });

  it('refuses bad input with a 400 naming each field, and a change that changes nothing with 409; neither records anything', async () => {
    const before = await head();
    const bad = await admin().post('/programmes/care_visits/settings').send({ followUpMonths: 0, requiredVetting: ['lægeattest'], reassessEveryWeeks: 'often', colour: 'red' }).expect(400);
    expect([...new Set(bad.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual(['colour', 'followUpMonths', 'reassessEveryWeeks', 'requiredVetting']);
    await admin().post('/programmes/care_visits/settings').send({ requiredCourses: ['Introduktion', 'introduktion '] }).expect(400);
    const same = await admin().post('/programmes/care_visits/settings').send({ followUpMonths: 3 }).expect(409);
    expect(same.body).toMatchObject({ code: 'programme_settings_unchanged', userMessage: expect.stringContaining('intet er ændret') });
    expect(await head()).toBe(before);
    expect(await settingsOf('care_visits')).toMatchObject({ followUpMonths: 3 });
  });

  it('records the whole set after a change; a new closing\'s follow-up falls that many months on, one scheduled before keeps its day', async () => {
    const birthe = (await t.http.post('/visitors').send(visitor('volunteer', 10, 'Birthe Ordning')).expect(201)).body.visitorId as string;
    const closed = async () => {
      const caseId = (await t.http.post('/cases').send(karenReferral()).expect(201)).body.caseId as string;
      await t.http.post(`/cases/${caseId}/triage`).send({ track: 'volunteer', reason: 'Ensom', priority: 'normal' }).expect(200);
      await t.http.post(`/cases/${caseId}/first-visit`).send({ visitorId: birthe, visitAt: '2026-03-09T10:00:00+01:00' }).expect(200);
      await t.http.post(`/cases/${caseId}/close`).send({ reason: 'moved', at: '2026-04-20T12:00:00+02:00' }).expect(200);
      return caseId;
    };
    const dueOf = async (caseId: string) => (await t.http.get(`/cases/${caseId}`).expect(200)).body.followUps[0].dueAt;
    const earlier = await closed();
    expect(await dueOf(earlier)).toBe('2026-07-20T10:00:00.000Z');

    const res = await admin().post('/programmes/care_visits/settings').send({ followUpMonths: 6 }).expect(200);
    expect(res.body).toEqual({ programme: 'care_visits', revision: 0, position: expect.any(Number) });
    expect(res.headers.etag).toBe('"0"');
    const row = (await t.http.get('/programmes/care_visits').expect(200)).body;
    expect(row).toMatchObject({ settings: { followUpMonths: 6, requiredVetting: ['straffeattest'], reassessEveryWeeks: 12 }, changedAt: expect.any(String) });

    expect(await dueOf(await closed())).toBe('2026-10-20T10:00:00.000Z');
    expect(await dueOf(earlier)).toBe('2026-07-20T10:00:00.000Z');
    const history = (await t.http.get('/programmes/care_visits/history').expect(200)).body;
    expect(history).toMatchObject([{ label: 'Indstillinger ændret', summary: expect.stringContaining('Opfølgning efter 6 måneder') }]);
  });

  it('lets an applicant without a straffeattest be booked once the programme no longer requires one', async () => {
    const { visitorId } = (await t.http
      .post('/visitors/applications')
      .send({ name: 'Lis Venneby', phone: '+4543434343', programmes: ['visiting_friend'], motivation: 'Vil gerne', at: '2024-11-20T10:00:00+01:00' })
      .expect(201)).body;
    await t.http.post(`/visitors/${visitorId}/interview`).send({ by: 'Jette Holm', outcome: 'approve' }).expect(200);
    await t.http.post(`/visitors/${visitorId}/approve`).send({ programmes: ['visiting_friend'], capacity: 2 }).expect(200);
    const caseId = (await t.http.post('/cases').send(karenReferral({ programme: 'visiting_friend' })).expect(201)).body.caseId as string;
    await t.http.post(`/cases/${caseId}/triage`).send({ track: 'volunteer', reason: 'Ensom', priority: 'normal' }).expect(200);
    const book = () => t.http.post(`/cases/${caseId}/first-visit`).send({ visitorId, visitAt: '2026-12-01T10:00:00+01:00' });
    expect((await book().expect(409)).body).toMatchObject({ code: 'vetting_required', missing: ['straffeattest'] });
    expect((await t.http.get(`/visitors/${visitorId}`).expect(200)).body.missingVetting).toEqual(['straffeattest']);
    const offered = async () => ((await t.http.get('/visitors?available=true&programme=visiting_friend').expect(200)).body as Array<{ visitorId: string }>).some((v) => v.visitorId === visitorId);
    expect(await offered()).toBe(false);

    await admin().post('/programmes/visiting_friend/settings').send({ requiredVetting: [] }).expect(200);
    expect((await t.http.get(`/visitors/${visitorId}`).expect(200)).body.missingVetting).toEqual([]);
    expect(await offered()).toBe(true);
    await book().expect(200);
  });

  it('makes a UCLA-3 due 8 weeks after the last one when the programme says 8', async () => {
    const guide = (await t.http.post('/visitors').send(visitor('volunteer', 5, 'Guide Gerda')).expect(201)).body.visitorId as string;
    const caseId = (await t.http.post('/cases').send(karenReferral({ programme: 'community_guide', referredAt: daysAgo(80) })).expect(201)).body.caseId as string;
    await t.http.post(`/cases/${caseId}/triage`).send({ track: 'volunteer', reason: 'r', priority: 'normal', at: daysAgo(79) }).expect(200);
    await t.http.post(`/cases/${caseId}/first-visit`).send({ visitorId: guide, visitAt: daysAgo(70), at: daysAgo(78) }).expect(200);
    await t.http.post(`/cases/${caseId}/assessments`).send({ instrument: 'ucla3', answers: [3, 2, 2], at: daysAgo(60) }).expect(200);
    const mine = async () => ((await t.http.get(`/assessments/due?programme=community_guide&minPosition=${await head()}`).expect(200)).body as Array<{ caseId: string; kind: string }>).filter((i) => i.caseId === caseId);
    expect(await mine()).toEqual([]);
    await admin().post('/programmes/community_guide/settings').send({ reassessEveryWeeks: 8 }).expect(200);
    expect(await mine()).toMatchObject([{ caseId, kind: 'periodic', overdue: true, daysOverdue: 4 }]);
  });
});
