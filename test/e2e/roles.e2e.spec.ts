import { randomUUID } from 'node:crypto';
import type { Principal } from '../../src/privacy/tokens';
import { cafeNygade, karenReferral, visitor } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

type Who = 'coordinator' | 'assigned visitor' | 'other visitor' | 'manager' | 'auditor' | 'admin' | 'screener' | 'volunteer lead' | 'anonymous';
const EVERYONE: Who[] = ['coordinator', 'assigned visitor', 'other visitor', 'manager', 'auditor', 'admin', 'screener', 'volunteer lead', 'anonymous'];

/**
 * The role × route table of docs/privacy.md ("Who may do what") as a test: each caller either gets past the
 * guard (whatever the rules then say) or is refused with 401/403, and a refusal
 * appends nothing. Auditors read the case views pseudonymised (auditor.e2e.spec.ts).
 */
describe('who may do what', () => {
  let t: TestApp;
  let caseId: string;
  let citizenId: string;
  let taskId: string;
  let assigned: string;
  let other: string;
  let offerId: string;
  let partnerId: string;
  let contactId: string;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
    assigned = (await t.http.post('/visitors').send(visitor('volunteer', 5, 'Birthe Tildelt')).expect(201)).body.visitorId;
    other = (await t.http.post('/visitors').send(visitor('volunteer', 5, 'Ole Anden')).expect(201)).body.visitorId;
    ({ caseId, citizenId } = (await t.http.post('/cases').send(karenReferral()).expect(201)).body);
    await t.http.post(`/cases/${caseId}/triage`).send({ track: 'volunteer', reason: 'r', priority: 'normal' }).expect(200);
    await t.http.post(`/cases/${caseId}/first-visit`).send({ visitorId: assigned, visitAt: '2026-03-09T10:00:00+01:00' }).expect(200);
    taskId = (await t.http.post(`/cases/${caseId}/tasks`).send({ kind: 'grant', description: 'Legat' }).expect(200)).body.taskId;
    offerId = (await t.http.post('/offers').send(cafeNygade()).expect(201)).body.offerId;
    partnerId = (await t.http.post('/partners').send({ name: 'Plejecenter Solgården', kind: 'plejehjem', leader: { name: 'Lene Juhl' } }).expect(201)).body.partnerId;
    contactId = (await t.http.post(`/partners/${partnerId}/contacts`).send({ name: 'Mette Sørensen', role: 'Sygeplejerske' }).expect(200)).body.contactId;
    // Issue 20: the volunteer lead is Birthe's contact person.
    await t.http.post(`/visitors/${assigned}/coordinator`).send({ coordinatorSub: 'lone@sogn.dk' }).expect(200);
  });
  afterAll(() => t.close());

  const principal = (who: Who): Principal | 'anonymous' => {
    if (who === 'anonymous') return 'anonymous';
    if (who === 'assigned visitor') return { sub: 'birthe@sogn.dk', role: 'visitor', visitorId: assigned };
    if (who === 'other visitor') return { sub: 'ole@sogn.dk', role: 'visitor', visitorId: other };
    if (who === 'volunteer lead') return { sub: 'lone@sogn.dk', role: 'volunteer_lead' };
    return { sub: `${who}@example.dk`, role: who };
  };

  const routes: Array<{ route: string; allowed: Who[]; send: (as: Who) => ReturnType<TestApp['http']['get']> }> = [
    { route: 'POST /visitors', allowed: ['coordinator', 'admin'], send: (as) => t.as(principal(as)).post('/visitors').send(visitor('employee', 3, 'Ny')) },
    { route: 'GET /visitors', allowed: ['coordinator'], send: (as) => t.as(principal(as)).get('/visitors') },
    // Issue 17: keeping the registry current.
    { route: 'POST /visitors/:visitorId/capacity', allowed: ['coordinator', 'admin'], send: (as) => t.as(principal(as)).post(`/visitors/${other}/capacity`).send({ capacity: 6 }) },
    { route: 'POST /visitors/:visitorId/deactivate', allowed: ['coordinator', 'admin'], send: (as) => t.as(principal(as)).post(`/visitors/${other}/deactivate`).send({ reason: 'Pause' }) },
    { route: 'POST /visitors/:visitorId/reactivate', allowed: ['coordinator', 'admin'], send: (as) => t.as(principal(as)).post(`/visitors/${other}/reactivate`).send({}) },
    { route: 'POST /visitors/:visitorId/details', allowed: ['coordinator', 'admin'], send: (as) => t.as(principal(as)).post(`/visitors/${other}/details`).send({ phone: '+4511223344' }) },
    { route: 'GET /cases', allowed: ['coordinator', 'auditor'], send: (as) => t.as(principal(as)).get('/cases') },
    { route: 'POST /cases', allowed: ['coordinator'], send: (as) => t.as(principal(as)).post('/cases').send(karenReferral()) },
    { route: 'GET /cases/:caseId', allowed: ['coordinator', 'assigned visitor', 'auditor'], send: (as) => t.as(principal(as)).get(`/cases/${caseId}`) },
    { route: 'GET /cases/:caseId/events', allowed: ['coordinator', 'auditor'], send: (as) => t.as(principal(as)).get(`/cases/${caseId}/events`) },
    { route: 'POST /cases/:caseId/triage', allowed: ['coordinator'], send: (as) => t.as(principal(as)).post(`/cases/${caseId}/triage`).send({ track: 'volunteer', reason: 'r', priority: 'low' }) },
    { route: 'POST /cases/:caseId/decline', allowed: ['coordinator'], send: (as) => t.as(principal(as)).post(`/cases/${caseId}/decline`).send({ reason: 'not_lonely' }) },
    { route: 'POST /cases/:caseId/first-visit', allowed: ['coordinator'], send: (as) => t.as(principal(as)).post(`/cases/${caseId}/first-visit`).send({ visitorId: other, visitAt: '2026-03-10T10:00:00+01:00' }) },
    { route: 'POST /cases/:caseId/reassign', allowed: ['coordinator'], send: (as) => t.as(principal(as)).post(`/cases/${caseId}/reassign`).send({ toVisitorId: assigned, reason: 'r' }) },
    { route: 'POST /cases/:caseId/visits', allowed: ['coordinator', 'assigned visitor'], send: (as) => t.as(principal(as)).post(`/cases/${caseId}/visits`).send({ visitorId: assigned, visitedAt: '2026-03-09T10:05:00+01:00' }) },
    { route: 'POST /cases/:caseId/visits/reschedule', allowed: ['coordinator', 'assigned visitor'], send: (as) => t.as(principal(as)).post(`/cases/${caseId}/visits/reschedule`).send({ from: '2030-01-01T10:00:00Z', to: '2030-01-02T10:00:00Z', citizenNotified: true }) },
    { route: 'POST /cases/:caseId/visits/cancel', allowed: ['coordinator', 'assigned visitor'], send: (as) => t.as(principal(as)).post(`/cases/${caseId}/visits/cancel`).send({ at: '2030-01-01T10:00:00Z', by: 'citizen', reason: 'r' }) },
    { route: 'POST /cases/:caseId/dismissals', allowed: ['coordinator', 'assigned visitor'], send: (as) => t.as(principal(as)).post(`/cases/${caseId}/dismissals`).send({ visitorId: assigned, at: '2026-03-10T10:00:00+01:00', nextVisitAt: '2026-03-17T10:00:00+01:00', assessment: 'a' }) },
    { route: 'POST /cases/:caseId/tasks', allowed: ['coordinator', 'assigned visitor'], send: (as) => t.as(principal(as)).post(`/cases/${caseId}/tasks`).send({ kind: 'grant', description: 'd' }) },
    { route: 'POST /cases/:caseId/tasks/:taskId/complete', allowed: ['coordinator', 'assigned visitor'], send: (as) => t.as(principal(as)).post(`/cases/${caseId}/tasks/${taskId}/complete`).send({ outcome: 'o' }) },
    { route: 'POST /cases/:caseId/assessments', allowed: ['coordinator', 'assigned visitor'], send: (as) => t.as(principal(as)).post(`/cases/${caseId}/assessments`).send({ instrument: 'ucla3', answers: [1, 2, 3] }) },
    { route: 'POST /cases/:caseId/relations', allowed: ['coordinator', 'assigned visitor'], send: (as) => t.as(principal(as)).post(`/cases/${caseId}/relations`).send({ kind: 'friend', description: 'd', at: '2026-04-01T10:00:00+02:00' }) },
    { route: 'POST /cases/:caseId/risks', allowed: ['coordinator', 'assigned visitor'], send: (as) => t.as(principal(as)).post(`/cases/${caseId}/risks`).send({ risk: 'contact_difficulties', note: 'n', at: '2026-04-01T10:00:00+02:00' }) },
    { route: 'POST /cases/:caseId/referral/correct', allowed: ['coordinator'], send: (as) => t.as(principal(as)).post(`/cases/${caseId}/referral/correct`).send({ situation: { social: `enke (${as})` } }) },
    { route: 'GET /citizens', allowed: ['coordinator'], send: (as) => t.as(principal(as)).get('/citizens?search=karen') },
    { route: 'POST /cases/:caseId/close', allowed: ['coordinator'], send: (as) => t.as(principal(as)).post(`/cases/${randomUUID()}/close`).send({ reason: 'moved' }) },
    // The visit plan (issue #17).
    { route: 'POST /cases/:caseId/visits/book', allowed: ['coordinator', 'assigned visitor'], send: (as) => t.as(principal(as)).post(`/cases/${caseId}/visits/book`).send({ visitAt: '2030-01-03T10:00:00Z', citizenNotified: true }) },
    { route: 'POST /cases/:caseId/visit-slot', allowed: ['coordinator'], send: (as) => t.as(principal(as)).post(`/cases/${caseId}/visit-slot`).send({ weekday: 2, time: '10:00', everyWeeks: 1 }) },
    { route: 'POST /cases/:caseId/pause', allowed: ['coordinator'], send: (as) => t.as(principal(as)).post(`/cases/${randomUUID()}/pause`).send({ reason: 'Indlagt', at: '2026-04-01T10:00:00+02:00' }) },
    { route: 'POST /cases/:caseId/resume', allowed: ['coordinator'], send: (as) => t.as(principal(as)).post(`/cases/${randomUUID()}/resume`).send({ at: '2026-04-01T10:00:00+02:00' }) },
    // The course of a case (issue #19).
    { route: 'POST /cases/:caseId/relatives', allowed: ['coordinator', 'assigned visitor'], send: (as) => t.as(principal(as)).post(`/cases/${caseId}/relatives`).send({ name: 'Lis Datter', relation: 'daughter', involvement: ['informed'] }) },
    { route: 'POST /cases/:caseId/relatives/:relativeId/remove', allowed: ['coordinator', 'assigned visitor'], send: (as) => t.as(principal(as)).post(`/cases/${caseId}/relatives/${randomUUID()}/remove`).send({ reason: 'r' }) },
    { route: 'POST /cases/:caseId/accompaniments', allowed: ['coordinator', 'assigned visitor'], send: (as) => t.as(principal(as)).post(`/cases/${caseId}/accompaniments`).send({ at: '2026-04-01T10:00:00+02:00', to: { activity: 'Café' }, visitorId: assigned, firstTime: true }) },
    { route: 'POST /cases/:caseId/accompaniments/alone', allowed: ['coordinator', 'assigned visitor'], send: (as) => t.as(principal(as)).post(`/cases/${caseId}/accompaniments/alone`).send({ at: '2026-04-02T10:00:00+02:00', activity: 'Café' }) },
    { route: 'POST /cases/:caseId/agreement', allowed: ['coordinator', 'assigned visitor'], send: (as) => t.as(principal(as)).post(`/cases/${caseId}/agreement`).send({ goals: ['g'], frequency: 'weekly', endCriteria: 'e', agreedWith: ['citizen'] }) },
    // After the end (issue #19).
    { route: 'POST /cases/:caseId/follow-ups/:followUpId/held', allowed: ['coordinator'], send: (as) => t.as(principal(as)).post(`/cases/${randomUUID()}/follow-ups/${randomUUID()}/held`).send({ at: '2026-07-01T10:00:00+02:00', outcome: 'partly' }) },
    { route: 'POST /cases/:caseId/referred-onward', allowed: ['coordinator'], send: (as) => t.as(principal(as)).post(`/cases/${randomUUID()}/referred-onward`).send({ to: 'egen_laege', reason: 'r', at: '2026-04-01T10:00:00+02:00' }) },
    { route: 'POST /cases/:caseId/reassessment', allowed: ['coordinator', 'assigned visitor'], send: (as) => t.as(principal(as)).post(`/cases/${caseId}/reassessment`).send({ track: 'volunteer', reason: 'r' }) },
    { route: 'GET /follow-ups/due', allowed: ['coordinator'], send: (as) => t.as(principal(as)).get('/follow-ups/due') },
    { route: 'GET /visits/overdue', allowed: ['coordinator', 'assigned visitor', 'other visitor'], send: (as) => t.as(principal(as)).get('/visits/overdue') },
    { route: 'GET /waiting-list', allowed: ['coordinator'], send: (as) => t.as(principal(as)).get('/waiting-list') },
    { route: 'GET /visitors/:visitorId/caseload', allowed: ['coordinator', 'assigned visitor'], send: (as) => t.as(principal(as)).get(`/visitors/${assigned}/caseload`) },
    { route: 'GET /cases/:caseId/history', allowed: ['coordinator', 'auditor'], send: (as) => t.as(principal(as)).get(`/cases/${caseId}/history`) },
    { route: 'GET /cases/:caseId/replay', allowed: ['coordinator', 'auditor'], send: (as) => t.as(principal(as)).get(`/cases/${caseId}/replay`) },
    { route: 'GET /dashboard', allowed: ['manager', 'coordinator'], send: (as) => t.as(principal(as)).get('/dashboard') },
    { route: 'GET /partners', allowed: ['manager', 'coordinator'], send: (as) => t.as(principal(as)).get('/partners') },
    // Issue 21: the partner register.
    { route: 'GET /partners/channels', allowed: ['manager', 'coordinator'], send: (as) => t.as(principal(as)).get('/partners/channels') },
    { route: 'GET /partners/:partnerId', allowed: ['coordinator'], send: (as) => t.as(principal(as)).get(`/partners/${partnerId}`) },
    { route: 'POST /partners', allowed: ['coordinator', 'admin'], send: (as) => t.as(principal(as)).post('/partners').send({ name: `Ny ${as}`, kind: 'andet', leader: { name: 'Leder' } }) },
    { route: 'POST /partners/:partnerId/update', allowed: ['coordinator', 'admin'], send: (as) => t.as(principal(as)).post(`/partners/${partnerId}/update`).send({ address: `Vej ${as}` }) },
    { route: 'POST /partners/:partnerId/contacts', allowed: ['coordinator', 'admin'], send: (as) => t.as(principal(as)).post(`/partners/${partnerId}/contacts`).send({ name: 'Per Holm', role: 'Leder' }) },
    { route: 'POST /partners/:partnerId/contacts/:contactId/remove', allowed: ['coordinator', 'admin'], send: (as) => t.as(principal(as)).post(`/partners/${partnerId}/contacts/${contactId}/remove`).send({}) },
    { route: 'POST /partners/:partnerId/meetings', allowed: ['coordinator', 'admin'], send: (as) => t.as(principal(as)).post(`/partners/${partnerId}/meetings`).send({ at: '2026-03-02T10:00:00+01:00', kind: 'telefon', attendees: 1 }) },
    { route: 'POST /partners/:partnerId/assessment', allowed: ['coordinator', 'admin'], send: (as) => t.as(principal(as)).post(`/partners/${partnerId}/assessment`).send({ knowsUs: 'heard', attitude: 'neutral' }) },
    { route: 'POST /partners/:partnerId/aliases', allowed: ['coordinator', 'admin'], send: (as) => t.as(principal(as)).post(`/partners/${partnerId}/aliases`).send({ organisation: `Solgården ${as}` }) },
    { route: 'POST /partners/:partnerId/retire', allowed: ['coordinator', 'admin'], send: (as) => t.as(principal(as)).post(`/partners/${randomUUID()}/retire`).send({}) },
    { route: 'GET /citizens/:citizenId/access-log', allowed: ['admin'], send: (as) => t.as(principal(as)).get(`/citizens/${citizenId}/access-log`) },
    { route: 'GET /citizens/:citizenId/export', allowed: ['admin'], send: (as) => t.as(principal(as)).get(`/citizens/${citizenId}/export`) },
    { route: 'POST /citizens/:citizenId/consent/withdraw', allowed: ['coordinator', 'admin'], send: (as) => t.as(principal(as)).post(`/citizens/${randomUUID()}/consent/withdraw`).send({ at: '2026-05-10T10:00:00+02:00' }) },
    { route: 'GET /audit/export', allowed: ['auditor'], send: (as) => t.as(principal(as)).get('/audit/export') },
    // Matching (issue #18)
    { route: 'POST /offers', allowed: ['coordinator', 'admin'], send: (as) => t.as(principal(as)).post('/offers').send(cafeNygade()) },
    { route: 'POST /offers/:offerId/update', allowed: ['coordinator', 'admin'], send: (as) => t.as(principal(as)).post(`/offers/${offerId}/update`).send({ kind: 'practice_community' }) },
    { route: 'POST /offers/:offerId/retire', allowed: ['coordinator', 'admin'], send: (as) => t.as(principal(as)).post(`/offers/${randomUUID()}/retire`).send({}) },
    { route: 'GET /offers', allowed: ['coordinator', 'assigned visitor', 'other visitor', 'manager', 'admin'], send: (as) => t.as(principal(as)).get('/offers?active=true') },
    { route: 'GET /offers/gaps', allowed: ['manager', 'coordinator'], send: (as) => t.as(principal(as)).get('/offers/gaps') },
    { route: 'GET /offers/:offerId', allowed: ['coordinator', 'assigned visitor', 'other visitor', 'manager', 'admin'], send: (as) => t.as(principal(as)).get(`/offers/${offerId}`) },
    { route: 'POST /visitors/:visitorId/profile', allowed: ['coordinator', 'admin', 'assigned visitor'], send: (as) => t.as(principal(as)).post(`/visitors/${assigned}/profile`).send({ programmes: ['care_visits'], interests: ['walks'], languages: ['da'], postcodes: ['4180'], availability: [] }) },
    { route: 'GET /visitors/:visitorId/profile', allowed: ['coordinator', 'admin', 'assigned visitor'], send: (as) => t.as(principal(as)).get(`/visitors/${assigned}/profile`) },
    { route: 'POST /cases/:caseId/wishes', allowed: ['coordinator', 'assigned visitor'], send: (as) => t.as(principal(as)).post(`/cases/${caseId}/wishes`).send({ interests: ['walks'], languages: ['da'], availability: [], mobility: 'walker' }) },
    { route: 'GET /cases/:caseId/suggestions', allowed: ['coordinator', 'assigned visitor'], send: (as) => t.as(principal(as)).get(`/cases/${caseId}/suggestions`) },
    { route: 'POST /cases/:caseId/offers', allowed: ['coordinator', 'assigned visitor'], send: (as) => t.as(principal(as)).post(`/cases/${caseId}/offers`).send({ offerId, at: '2026-04-01T10:00:00+02:00' }) },
    { route: 'POST /cases/:caseId/offers/:offerId/outcome', allowed: ['coordinator', 'assigned visitor'], send: (as) => t.as(principal(as)).post(`/cases/${caseId}/offers/${offerId}/outcome`).send({ outcome: 'joined', at: '2026-04-02T10:00:00+02:00' }) },
    // Issue 22: outcomes and reports (aggregates, or pseudonymised rows).
    { route: 'GET /outcomes', allowed: ['manager', 'auditor'], send: (as) => t.as(principal(as)).get('/outcomes') },
    { route: 'GET /reports/period.pdf', allowed: ['manager'], send: (as) => t.as(principal(as)).get('/reports/period.pdf') },
    { route: 'GET /reports/period.csv', allowed: ['manager'], send: (as) => t.as(principal(as)).get('/reports/period.csv') },
    { route: 'GET /audit/dataset.csv', allowed: ['auditor'], send: (as) => t.as(principal(as)).get('/audit/dataset.csv') },
    // Referral cards (issue 21): the public form's route is open to everyone, the inbox the coordinator's.
    { route: 'POST /referral-cards', allowed: EVERYONE, send: (as) => t.as(principal(as)).post('/referral-cards').send({ channel: 'self', citizen: { name: `Rolle ${as}`, phone: '+4520304050' }, message: 'Hej', consent: true, website: '' }) },
    { route: 'GET /referral-cards', allowed: ['coordinator'], send: (as) => t.as(principal(as)).get('/referral-cards?status=new') },
    { route: 'GET /referral-cards/count', allowed: ['coordinator'], send: (as) => t.as(principal(as)).get('/referral-cards/count') },
    { route: 'POST /referral-cards/:cardId/accept', allowed: ['coordinator'], send: (as) => t.as(principal(as)).post(`/referral-cards/${randomUUID()}/accept`).send({ programme: 'care_visits' }) },
    { route: 'POST /referral-cards/:cardId/reject', allowed: ['coordinator'], send: (as) => t.as(principal(as)).post(`/referral-cards/${randomUUID()}/reject`).send({ reason: 'Prøve' }) },
    // Issue 22: screening before any referral, and assessments on time.
    { route: 'POST /screenings', allowed: ['screener', 'coordinator'], send: (as) => t.as(principal(as)).post('/screenings').send({ at: '2026-11-24T10:30:00+01:00', unit: 'Hjemmeplejen Syd', ucla3: [2, 2, 2], consentToRefer: false }) },
    { route: 'POST /screenings/:screeningId/refer', allowed: ['screener', 'coordinator'], send: (as) => t.as(principal(as)).post(`/screenings/${randomUUID()}/refer`).send({ programme: 'visiting_friend', address: 'Algade 1, 4180 Sorø', referrer: { name: 'Mette', role: 'home_nurse' } }) },
    { route: 'GET /dashboard/screenings', allowed: ['manager', 'coordinator'], send: (as) => t.as(principal(as)).get('/dashboard/screenings') },
    { route: 'GET /assessments/due', allowed: ['coordinator', 'assigned visitor', 'other visitor'], send: (as) => t.as(principal(as)).get('/assessments/due') },
    // The volunteer's lifecycle (issue 20): commands on an unknown visitor (404 once past the guard), reads on Birthe.
    { route: 'POST /visitors/applications', allowed: ['coordinator', 'admin'], send: (as) => t.as(principal(as)).post('/visitors/applications').send({ name: `Ansøger ${as}`, phone: '+4540000000', programmes: ['care_visits'] }) },
    ...(['interview', 'approve', 'decline', 'vetting', 'training', 'supervision', 'pause', 'resume', 'leave', 'coordinator'] as const).map((step) => ({
      route: `POST /visitors/:visitorId/${step}`,
      allowed: ['coordinator', 'admin'] as Who[],
      send: (as: Who) => t.as(principal(as)).post(`/visitors/${randomUUID()}/${step}`).send({}),
    })),
    { route: 'POST /visitors/:visitorId/erase', allowed: ['admin'], send: (as) => t.as(principal(as)).post(`/visitors/${randomUUID()}/erase`).send({}) },
    { route: 'GET /visitors/:visitorId', allowed: ['coordinator', 'admin', 'assigned visitor', 'volunteer lead'], send: (as) => t.as(principal(as)).get(`/visitors/${assigned}`) },
    { route: 'GET /visitors/:visitorId/history', allowed: ['coordinator', 'admin', 'assigned visitor'], send: (as) => t.as(principal(as)).get(`/visitors/${assigned}/history`) },
    { route: 'GET /visitors/:visitorId/access-log', allowed: ['admin'], send: (as) => t.as(principal(as)).get(`/visitors/${assigned}/access-log`) },
    { route: 'GET /visitors/attention', allowed: ['coordinator'], send: (as) => t.as(principal(as)).get('/visitors/attention') },
    { route: 'GET /dashboard/volunteers', allowed: ['manager', 'coordinator'], send: (as) => t.as(principal(as)).get('/dashboard/volunteers') },
    { route: 'GET /visitors/led', allowed: ['volunteer lead'], send: (as) => t.as(principal(as)).get('/visitors/led') },
    // Programme settings (issues 19, 20, 22): read by those whose work they shape, changed by the admin.
    { route: 'GET /programmes', allowed: ['coordinator', 'manager', 'admin'], send: (as) => t.as(principal(as)).get('/programmes') },
    { route: 'GET /programmes/:programme', allowed: ['coordinator', 'manager', 'admin'], send: (as) => t.as(principal(as)).get('/programmes/companion') },
    { route: 'GET /programmes/:programme/history', allowed: ['coordinator', 'manager', 'admin'], send: (as) => t.as(principal(as)).get('/programmes/companion/history') },
    { route: 'POST /programmes/:programme/settings', allowed: ['admin'], send: (as) => t.as(principal(as)).post('/programmes/companion/settings').send({ supervisionEveryWeeks: 10 }) },
    { route: 'GET /health', allowed: EVERYONE, send: (as) => t.as(principal(as)).get('/health') },
  ];

  const cells = routes.flatMap(({ route, allowed, send }) => EVERYONE.map((who) => [route, who, allowed.includes(who), send] as const));
  const head = async () => (await t.http.get('/health')).body.store.position as number;

  it.each(cells)('%s as %s: allowed %s', async (_route, who, allowed, send) => {
    const before = await head();
    const res = await send(who);
    if (allowed) {
      expect([401, 403]).not.toContain(res.status);
      return;
    }
    expect(res.status).toBe(who === 'anonymous' ? 401 : 403);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(await head()).toBe(before);
  });

  it.each(EVERYONE)('POST /auth/login is open to %s: no role is refused, a wrong password is the same 401 for all', async (who) => {
    const before = await head();
    // A username of its own per caller, so the sign-in throttle never answers instead.
    const res = await t.as(principal(who)).post('/auth/login').send({ username: `nobody-${String(who).replace(' ', '-')}`, password: 'not the password' });
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(await head()).toBe(before);
  });

  it('refuses a visitor who names another visitor in a command, before any rule', async () => {
    const res = await t.as(principal('assigned visitor')).post(`/cases/${caseId}/visits`).send({ visitorId: other, visitedAt: 'not even a date' });
    expect(res.status).toBe(403);
  });

  it.each([
    ['no token', undefined],
    ['a malformed header', 'Token abc'],
    ['a forged token', 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiYWRtaW4iLCJzdWIiOiJ4In0.c2lnbmF0dXJl'],
  ])('answers 401 with WWW-Authenticate for %s', async (_name, header) => {
    const test = t.as('anonymous').get('/cases');
    const res = header ? await test.set('authorization', header) : await test;
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(res.body).toMatchObject({ status: 401, code: 'unauthenticated' });
  });

  it('records the token subject as the actor of the events, never a name from the body', async () => {
    await t.as(principal('assigned visitor')).post(`/cases/${caseId}/assessments`).send({ instrument: 'ucla3', answers: [1, 1, 1] }).expect(200);
    const events = (await t.http.get(`/cases/${caseId}/events`)).body;
    expect(events[events.length - 1].metadata.actor).toEqual({ id: 'birthe@sogn.dk', role: 'visitor' });
  });
});
