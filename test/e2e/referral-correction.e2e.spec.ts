import { karenReferral, visitor } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Seed 000: "Henvisningen er sjældent dækkende for det reelle behov" — the
 * coordinator corrects the referral, and everything that reads it reads the
 * correction: the case, its history and replay, the visit card, the art. 15
 * export; an auditor still sees none of it.
 */
describe('correcting a referral', () => {
  let t: TestApp;
  let caseId: string;
  let citizenId: string;
  let visitorId: string;
  const admin = () => t.as({ sub: 'dpo@kommune.dk', role: 'admin' });
  const auditor = () => t.as({ sub: 'evaluator@vive.dk', role: 'auditor' });

  beforeAll(async () => {
    t = await startTestApp('sqlite');
    visitorId = (await t.http.post('/visitors').send(visitor('volunteer', 3)).expect(201)).body.visitorId;
    ({ caseId, citizenId } = (await t.http.post('/cases').send(karenReferral({ citizen: { name: 'Karen Nielsen', address: 'Algade 12, 2. th, 4180 Sorø', phone: '+4557831234' } })).expect(201)).body);
    await t.http.post(`/cases/${caseId}/triage`).send({ track: 'volunteer', reason: 'Ensom', priority: 'normal' }).expect(200);
    await t.http.post(`/cases/${caseId}/first-visit`).send({ visitorId, visitAt: '2026-03-09T10:00:00+01:00' }).expect(200);
  });
  afterAll(() => t.close());

  it('records only what changed, and the case, its history, replay, visit card and export read the correction', async () => {
    const res = await t.http
      .post(`/cases/${caseId}/referral/correct`)
      .send({
        situation: { physical: 'KOL, iltapparat; kommer ikke ud uden hjælp', social: 'enke, ingen børn i nærheden' },
        requestedTasks: ['heating_aid', 'housing_benefit'],
        citizen: { address: 'Storgade 3, 4180 Sorø', phone: '+4557831234' },
        referrer: { name: 'Jette Holm', role: 'home_nurse', organisation: 'Hjemmeplejen Nord', phone: '20304050' },
      })
      .expect(200);
    expect(res.body).toEqual({ caseId, revision: 3, position: expect.any(Number) });

    const view = (await t.http.get(`/cases/${caseId}`).expect(200)).body;
    expect(view).toMatchObject({
      situation: { physical: 'KOL, iltapparat; kommer ikke ud uden hjælp', psychological: 'trist, isoleret', social: 'enke, ingen børn i nærheden' },
      requestedTasks: ['heating_aid', 'housing_benefit'],
      citizen: { name: 'Karen Nielsen', address: 'Storgade 3, 4180 Sorø', phone: '+4557831234' },
      referrerName: 'Jette Holm',
      referrerOrganisation: 'Hjemmeplejen Nord',
      referrerPhone: '+4520304050',
    });

    const history = (await t.http.get(`/cases/${caseId}/history`).expect(200)).body;
    const corrected = history[history.length - 1];
    expect(corrected).toMatchObject({ type: 'ReferralCorrected', label: 'Henvisning rettet' });
    // Only what changed: the social circumstances and the citizen's phone read as before, so they are not in it.
    expect(corrected.data).toEqual({
      situation: { physical: 'KOL, iltapparat; kommer ikke ud uden hjælp' },
      requestedTasks: ['heating_aid', 'housing_benefit'],
      citizen: { address: 'Storgade 3, 4180 Sorø' },
      postcode: '4180',
      referrer: { name: 'Jette Holm', role: 'home_nurse', organisation: 'Hjemmeplejen Nord', phone: '+4520304050' },
    });

    const replay = (await t.http.get(`/cases/${caseId}/replay`).expect(200)).body;
    expect(replay).toMatchObject({ requestedTasks: ['heating_aid', 'housing_benefit'], citizen: { address: 'Storgade 3, 4180 Sorø' } });

    const card = (await t.http.get(`/visitors/${visitorId}/caseload?minPosition=${res.body.position}`).expect(200)).body.cases[0];
    expect(card).toMatchObject({ caseId, requestedTasks: ['heating_aid', 'housing_benefit'], situation: { physical: 'KOL, iltapparat; kommer ikke ud uden hjælp' } });

    const exported = (await admin().get(`/citizens/${citizenId}/export`).expect(200)).body;
    expect(exported.cases[0].events.map((e: { type: string }) => e.type)).toContain('ReferralCorrected');
    expect(JSON.stringify(exported)).toContain('Storgade 3, 4180 Sorø');
  });

  it('shows an auditor the correction without anything personal', async () => {
    const view = (await auditor().get(`/cases/${caseId}`).expect(200)).body;
    expect(view).toMatchObject({ requestedTasks: ['heating_aid', 'housing_benefit'], referrerRole: 'home_nurse' });
    // `citizen` is the pseudonym in place of the citizen's id and details.
    expect(view.citizen).toMatch(/^p-/);
    for (const field of ['situation', 'referrerName', 'referrerPhone', 'citizenId']) expect(view).not.toHaveProperty(field);
    const events = (await auditor().get(`/cases/${caseId}/events`).expect(200)).body;
    const corrected = events.find((e: { type: string }) => e.type === 'ReferralCorrected');
    expect(corrected.data).toEqual({ requestedTasks: ['heating_aid', 'housing_benefit'], postcode: '4180', referrer: { role: 'home_nurse', organisation: 'Hjemmeplejen Nord' } });
    expect(JSON.stringify(events)).not.toMatch(/Storgade|iltapparat|Jette/);
  });

  it('refuses a correction that changes nothing (409) and one that gives nothing or bad input (400), appending nothing', async () => {
    const before = (await t.http.get(`/cases/${caseId}`).expect(200)).body.revision;
    const unchanged = await t.http.post(`/cases/${caseId}/referral/correct`).send({ requestedTasks: ['housing_benefit', 'heating_aid'], citizen: { phone: '57 83 12 34' } }).expect(409);
    expect(unchanged.body).toMatchObject({ code: 'referral_unchanged' });
    const empty = await t.http.post(`/cases/${caseId}/referral/correct`).send({}).expect(400);
    expect(empty.body.errors).toEqual([expect.objectContaining({ field: 'body' })]);
    await t.http.post(`/cases/${caseId}/referral/correct`).send({ situation: {}, citizen: {} }).expect(400);
    const phone = await t.http.post(`/cases/${caseId}/referral/correct`).send({ citizen: { phone: '+46701234567' } }).expect(400);
    expect(phone.body.errors).toEqual([expect.objectContaining({ field: 'citizen.phone' })]);
    await t.http.post(`/cases/${caseId}/referral/correct`).send({ citizen: { name: 'Someone Else' } }).expect(400);
    await t.http.post(`/cases/${caseId}/referral/correct`).send({ needs: ['not_a_need'] }).expect(400);
    const risk = await t.http.post(`/cases/${caseId}/referral/correct`).send({ needs: ['suicidal_thoughts'] }).expect(409);
    expect(risk.body).toMatchObject({ code: 'flag_risk_instead' });
    expect((await t.http.get(`/cases/${caseId}`).expect(200)).body.revision).toBe(before);
  });

  it('is for coordinators: the assigned visitor, a manager and an auditor are refused', async () => {
    const body = { situation: { social: 'enke' } };
    await t.as({ sub: 'birthe@sogn.dk', role: 'visitor', visitorId }).post(`/cases/${caseId}/referral/correct`).send(body).expect(403);
    await t.as({ sub: 'm@kommune.dk', role: 'manager' }).post(`/cases/${caseId}/referral/correct`).send(body).expect(403);
    await auditor().post(`/cases/${caseId}/referral/correct`).send(body).expect(403);
  });
});
