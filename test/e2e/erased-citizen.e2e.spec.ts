import { CommandHandler } from '../../src/event-store/command-handler';
import { CITIZEN_KEYS } from '../../src/privacy/crypto/crypto.providers';
import { PersonalDataCipher } from '../../src/privacy/crypto/personal-data.cipher';
import { eraseCitizen } from '../../src/privacy/erasure';
import { karenReferral, visitor } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

/** Found by the fuzzer: after an erasure, a command with personal data made a new key, and the case could no longer be read (500). */
describe('a case whose citizen has been erased', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp('sqlite')));
  afterAll(() => t.close());

  it('refuses new personal data (409 citizen_erased), takes the rest, and still reads', async () => {
    const { caseId, citizenId } = (await t.http.post('/cases').send(karenReferral()).expect(201)).body;
    const { visitorId } = (await t.http.post('/visitors').send(visitor('employee')).expect(201)).body;
    await t.http.post(`/cases/${caseId}/triage`).send({ track: 'volunteer', reason: 'Ensom', priority: 'normal' }).expect(200);
    await t.http.post(`/cases/${caseId}/first-visit`).send({ visitorId, visitAt: '2026-03-09T10:00:00+01:00' }).expect(200);
    // Erased while the case stayed open: the admin's route now closes the cases first, but data erased
    // before it did (or by `cli retention`, which erases the cases' citizen only) can hold such a case.
    const { app } = t;
    await eraseCitizen({ handler: app.get(CommandHandler), keys: app.get(CITIZEN_KEYS), cipher: app.get(PersonalDataCipher) }, citizenId, true, { id: 'admin', role: 'admin' });

    const refused = await t.http.post(`/cases/${caseId}/tasks`).send({ kind: 'heating_aid', description: '120345-1234' }).expect(409);
    expect(refused.body).toMatchObject({ code: 'citizen_erased', userMessage: expect.any(String) });
    await t.http.post(`/cases/${caseId}/assessments`).send({ instrument: 'ucla3', answers: [2, 2, 2] }).expect(200);

    const read = (await t.http.get(`/cases/${caseId}`).expect(200)).body;
    expect(JSON.stringify(read)).not.toContain('Karen');
    expect(JSON.stringify(read)).toContain('[slettet]');
    await t.http.get(`/cases/${caseId}/history`).expect(200);
  });

  it('refuses a value that only looks sealed in a field kept in clear, and appends nothing', async () => {
    const { citizenId } = (await t.http.post('/cases').send(karenReferral()).expect(201)).body;
    const forged = `enc:v1:${citizenId}:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;
    const head = (await t.http.get('/health').expect(200)).body.store.position;
    const refused = await t.http.post('/cases').send(karenReferral({ citizen: undefined, citizenId, referrer: { name: 'Jette Holm', role: 'home_nurse', organisation: forged } })).expect(400);
    expect(refused.body.errors).toEqual([{ field: 'referrer.organisation', message: expect.stringContaining('enc:v1:') }]);
    expect((await t.http.get('/health').expect(200)).body.store.position).toBe(head);
  });
});
