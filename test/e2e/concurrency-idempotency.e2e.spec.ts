import { karenReferral } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

describe('concurrent and repeated commands', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp('sqlite')));
  afterAll(() => t.close());

  it('lets exactly one of 10 commands with the same If-Match win; the rest get 412', async () => {
    const { caseId } = (await t.http.post('/cases').send(karenReferral()).expect(201)).body;
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.http.post(`/cases/${caseId}/assessments`).set('if-match', '"0"').send({ instrument: 'ucla3', answers: [1 + (i % 3), 2, 2] }),
      ),
    );
    expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
    expect(answers.filter((r) => r.status === 412)).toHaveLength(9);
    expect((await t.http.get(`/cases/${caseId}/events`)).body).toHaveLength(2);
  });

  it('applies concurrent commands without If-Match one after another, with no gaps in revisions', async () => {
    const { caseId } = (await t.http.post('/cases').send(karenReferral()).expect(201)).body;
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => t.http.post(`/cases/${caseId}/assessments`).send({ instrument: 'ucla3', answers: [2, 2, 2] })),
    );
    expect(answers.every((r) => r.status === 200)).toBe(true);
    const revisions = (await t.http.get(`/cases/${caseId}/events`)).body.map((e: { revision: number }) => e.revision);
    expect(revisions).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('answers a repeated Idempotency-Key with the first answer and appends nothing, also after a restart', async () => {
    const first = await t.http.post('/cases').set('idempotency-key', 'referral-karen-1').send(karenReferral()).expect(201);
    const again = await t.http.post('/cases').set('idempotency-key', 'referral-karen-1').send(karenReferral()).expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.location).toBe(first.headers.location);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const head = (await t.http.get('/health')).body.store.position;

    t = await t.restart();
    const afterRestart = await t.http.post('/cases').set('idempotency-key', 'referral-karen-1').send(karenReferral()).expect(201);
    expect(afterRestart.body).toEqual(first.body);
    expect((await t.http.get('/health')).body.store.position).toBe(head);
  });

  it('refuses a reused Idempotency-Key with another body with 422', async () => {
    await t.http.post('/cases').set('idempotency-key', 'referral-2').send(karenReferral()).expect(201);
    const res = await t.http.post('/cases').set('idempotency-key', 'referral-2').send(karenReferral({ programme: 'companion' })).expect(422);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body.code).toBe('idempotency_key_reused');
  });

  it('gives concurrent twins with one Idempotency-Key one case between them', async () => {
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => t.http.post('/cases').set('idempotency-key', 'twins').send(karenReferral())),
    );
    expect(answers.every((r) => r.status === 201)).toBe(true);
    expect(new Set(answers.map((r) => r.body.caseId)).size).toBe(1);
  });
});
