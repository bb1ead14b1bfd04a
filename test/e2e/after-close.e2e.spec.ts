import { randomUUID } from 'node:crypto';
import { karenReferral, visitor } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The end of a case and what comes after it (issue #19), over HTTP. Seed 003:
 * the guides "følges med borgerne de første gange og følger op".
 */
describe('the end of a case over HTTP', () => {
  let t: TestApp;
  let birthe: string;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
    birthe = (await t.http.post('/visitors').send(visitor('volunteer', 20, 'Birthe Slut')).expect(201)).body.visitorId;
  });
  afterAll(() => t.close());

  const post = (caseId: string, path: string, body: object) => t.http.post(`/cases/${caseId}${path}`).send(body);
  const head = async () => (await t.http.get('/health')).body.store.position as number;
  const active = async (referral = karenReferral()) => {
    const caseId = (await t.http.post('/cases').send(referral).expect(201)).body.caseId as string;
    await post(caseId, '/triage', { track: 'volunteer', reason: 'Ensom', priority: 'normal' }).expect(200);
    await post(caseId, '/first-visit', { visitorId: birthe, visitAt: '2026-03-09T10:00:00+01:00' }).expect(200);
    return caseId;
  };
  type FollowUp = { caseId: string; followUpId: string; dueAt: string; overdue: boolean; daysOverdue: number; visitorId?: string; closureReason: string };
  const due = async (q = '') => (await t.http.get(`/follow-ups/due${q}`).expect(200)).body as FollowUp[];

  it('refuses relation_established without a recorded relation (409 no_relation_recorded) and changes nothing', async () => {
    const caseId = await active();
    const before = await head();
    const refused = await post(caseId, '/close', { reason: 'relation_established' }).expect(409);
    expect(refused.body).toMatchObject({ code: 'no_relation_recorded', userMessage: expect.stringContaining('registrér relationen') });
    expect(await head()).toBe(before);
  });

  it('closes with a relation, schedules a follow-up three months later, lists it when due, and takes it once', async () => {
    const caseId = await active();
    await post(caseId, '/relations', { kind: 'activity', description: 'Strikkeklubben', at: '2026-04-14T10:00:00+02:00' }).expect(200);
    await post(caseId, '/close', { reason: 'relation_established', at: '2026-04-20T12:00:00+02:00' }).expect(200);
    const view = (await t.http.get(`/cases/${caseId}`).expect(200)).body;
    expect(view).toMatchObject({ status: 'Closed', reason: 'relation_established', followUps: [{ dueAt: '2026-07-20T10:00:00.000Z' }] });
    const followUpId = view.followUps[0].followUpId as string;
    // Far in the past of this test's clock: overdue, with the last helper named.
    const listed = (await due()).find((f) => f.caseId === caseId);
    expect(listed).toMatchObject({ followUpId, overdue: true, visitorId: birthe, closureReason: 'relation_established' });

    // A closed case takes follow-up events and nothing else.
    expect((await post(caseId, '/assessments', { instrument: 'ucla3', answers: [1, 1, 1] }).expect(409)).body.code).toBe('case_closed');
    const bad = await post(caseId, `/follow-ups/${followUpId}/held`, { at: 'tomorrow', outcome: 'fine', ucla3: [1, 4] }).expect(400);
    expect([...new Set(bad.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual(['at', 'outcome', 'ucla3']);
    expect((await post(caseId, `/follow-ups/${followUpId}/held`, { at: '2026-04-19T10:00:00+02:00', outcome: 'partly' }).expect(409)).body.code).toBe('before_closure');
    await post(caseId, `/follow-ups/${randomUUID()}/held`, { at: '2026-07-21T10:00:00+02:00', outcome: 'partly' }).expect(404);

    await post(caseId, `/follow-ups/${followUpId}/held`, { at: '2026-07-21T10:00:00+02:00', outcome: 'still_connected', ucla3: [1, 2, 1], note: 'Går stadig i klubben' }).expect(200);
    expect((await post(caseId, `/follow-ups/${followUpId}/held`, { at: '2026-07-21T10:00:00+02:00', outcome: 'partly' }).expect(409)).body.code).toBe('follow_up_held');
    expect((await t.http.get(`/cases/${caseId}`).expect(200)).body.followUps).toEqual([
      { followUpId, dueAt: '2026-07-20T10:00:00.000Z', held: { at: '2026-07-21T08:00:00.000Z', outcome: 'still_connected', score: 4 } },
    ]);
    expect((await due()).some((f) => f.caseId === caseId)).toBe(false);
    const history = (await t.http.get(`/cases/${caseId}/history`).expect(200)).body as Array<{ type: string; label: string }>;
    expect(history.map((h) => h.label)).toEqual(expect.arrayContaining(['Opfølgning planlagt', 'Opfølgning gennemført']));
  });

  it('closes without a follow-up only with a reason (400 noFollowUpReason otherwise)', async () => {
    const caseId = await active();
    const refused = await post(caseId, '/close', { reason: 'moved', followUp: false }).expect(400);
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(['noFollowUpReason']);
    await post(caseId, '/close', { reason: 'moved', followUp: false, noFollowUpReason: 'Flyttet til Aalborg' }).expect(200);
    expect((await t.http.get(`/cases/${caseId}`).expect(200)).body).not.toHaveProperty('followUps');
    expect((await due()).some((f) => f.caseId === caseId)).toBe(false);
  });

  it('declines with the decline reasons only: a closure reason is 400', async () => {
    const caseId = (await t.http.post('/cases').send(karenReferral()).expect(201)).body.caseId as string;
    expect((await post(caseId, '/decline', { reason: 'relation_established' }).expect(400)).body.errors[0].field).toBe('reason');
    await post(caseId, '/decline', { reason: 'wrong_target_group' }).expect(200);
    expect((await t.http.get(`/cases/${caseId}`).expect(200)).body).toMatchObject({ status: 'Closed', declined: true, reason: 'wrong_target_group' });
  });

  it('refers a citizen onward, the case open or closed as transferred to professionals', async () => {
    const open = await active();
    await post(open, '/referred-onward', { to: 'kommunal_brobygger', reason: 'Brug for kommunens tilbud', at: '2026-05-04T10:00:00+02:00' }).expect(200);
    expect((await t.http.get(`/cases/${open}`).expect(200)).body).toMatchObject({
      status: 'Active',
      referredOnward: [{ to: 'kommunal_brobygger', reason: 'Brug for kommunens tilbud', at: '2026-05-04T08:00:00.000Z' }],
    });
    const closing = await active();
    await post(closing, '/referred-onward', { to: 'psykiatri', reason: 'Behandling', at: '2026-05-04T10:00:00+02:00', close: true }).expect(200);
    expect((await t.http.get(`/cases/${closing}`).expect(200)).body).toMatchObject({ status: 'Closed', reason: 'transferred_to_professionals', followUps: [{ dueAt: '2026-08-04T08:00:00.000Z' }] });
    expect((await post(closing, '/referred-onward', { to: 'andet', reason: 'x', at: '2026-05-05T10:00:00+02:00' }).expect(409)).body.code).toBe('case_closed');
    expect((await post(open, '/referred-onward', { to: 'hospital', reason: 'x', at: 'now' }).expect(400)).body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['at', 'to']);
  });
  it("counts on the manager's dashboard where citizens were referred onward and how the follow-ups went (issue #19)", async () => {
    const manager = t.as({ sub: 'leder@kommune.dk', role: 'manager' });
    const months = (await manager.get('/dashboard').query({ from: '2026-05-01', to: '2026-07-31', programme: 'care_visits' }).expect(200)).body.months as Array<{
      month: string; referredOnwardByDestination: Record<string, number>; followUpOutcomes: Record<string, number>;
    }>;
    const [may, june, july] = months;
    // The two referrals onward above, on 4 May; the follow-up held on 21 July.
    expect(may!.referredOnwardByDestination).toEqual({ kommunal_brobygger: 1, psykiatri: 1 });
    expect(june!.referredOnwardByDestination).toEqual({});
    expect(july!.followUpOutcomes).toEqual({ still_connected: 1 });
  });
});
