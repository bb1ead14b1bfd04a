import { karenReferral } from './support/fixtures';
import { Http, startTestApp, TestApp } from './support/test-app';

/**
 * Sixteen clients on one case, each sending If-Match with the revision it last
 * saw and retrying on 412: every success is exactly one event, revisions have
 * no gaps or repeats, and nothing deadlocks.
 */
describe('contention on one case', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp('sqlite')));
  afterAll(() => t.close());

  /** One client: read the ETag, send with If-Match, on 412 take the new ETag and try again. */
  async function client(http: Http, caseId: string, commands: number): Promise<{ successes: number; conflicts: number }> {
    let successes = 0;
    let conflicts = 0;
    let etag = (await http.get(`/cases/${caseId}`).expect(200)).headers.etag as string;
    while (successes < commands) {
      const res = await http.post(`/cases/${caseId}/assessments`).set('if-match', etag).send({ instrument: 'ucla3', answers: [2, 2, 2] });
      if (res.status === 200) {
        successes += 1;
        etag = res.headers.etag as string;
      } else {
        expect(res.status).toBe(412);
        conflicts += 1;
        etag = res.headers.etag as string;
      }
    }
    return { successes, conflicts };
  }

  it('appends exactly one event per success, with gapless revisions', async () => {
    const { caseId } = (await t.http.post('/cases').send(karenReferral()).expect(201)).body;
    const results = await Promise.all(Array.from({ length: 16 }, () => client(t.http, caseId, 5)));
    const successes = results.reduce((sum, r) => sum + r.successes, 0);
    expect(successes).toBe(80);
    // Conflicts happened (else this proved nothing), and each was answered with the current ETag.
    expect(results.reduce((sum, r) => sum + r.conflicts, 0)).toBeGreaterThan(0);
    const events = (await t.http.get(`/cases/${caseId}/events`).expect(200)).body as Array<{ revision: number }>;
    expect(events.map((e) => e.revision)).toEqual(Array.from({ length: successes + 1 }, (_, i) => i));
  });
});
