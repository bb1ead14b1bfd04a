import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app.factory';
import type { AppConfig } from '../../src/config/config';
import { describePostgres, dropSchema, testDatabaseUrl, testSchema } from '../support/postgres';
import { karenReferral } from './support/fixtures';
import { COORDINATOR, httpAs, tokenFrom } from './support/test-app';

/** Two application processes (two apps) on one PostgreSQL database. */
describePostgres('two application processes on one PostgreSQL database', () => {
  const schema = testSchema();
  const dir = mkdtempSync(join(tmpdir(), 'brobygger-two-'));
  const config: AppConfig = { port: 0, dataDir: dir, eventStore: 'postgres', databaseUrl: testDatabaseUrl(), databaseSchema: schema, sqliteSynchronous: 'FULL', logLevel: 'error' };
  const apps: Array<Awaited<ReturnType<typeof createApp>>> = [];
  afterAll(async () => {
    for (const app of apps) await app.close();
    await dropSchema(schema);
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets exactly one command per expected revision win across both, and both serve every event and view', async () => {
    const [a, b] = [await createApp(config, { logs: false }), await createApp(config, { logs: false })];
    apps.push(a, b);
    // Both processes share the database, and so the signing key.
    const token = tokenFrom(a, COORDINATOR);
    const [ha, hb] = [httpAs(a.getHttpServer(), token), httpAs(b.getHttpServer(), token)];
    const { caseId } = (await ha.post('/cases').send(karenReferral()).expect(201)).body;

    const triage = { track: 'volunteer', reason: 'r', priority: 'normal' };
    const answers = await Promise.all([...Array.from({ length: 5 }, () => ha), ...Array.from({ length: 5 }, () => hb)].map((h) => h.post(`/cases/${caseId}/triage`).set('if-match', '"0"').send(triage)));
    expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
    expect(answers.filter((r) => r.status !== 200).every((r) => r.status === 412 || r.status === 409)).toBe(true);

    const assessments = await Promise.all([ha, hb, ha, hb].map((h) => h.post(`/cases/${caseId}/assessments`).send({ instrument: 'ucla3', answers: [2, 2, 2] })));
    expect(assessments.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const last = Math.max(...assessments.map((r) => r.body.position));

    for (const h of [ha, hb]) {
      const events = (await h.get(`/cases/${caseId}/events`).expect(200)).body;
      expect(events.map((e: { revision: number }) => e.revision)).toEqual([0, 1, 2, 3, 4, 5]);
      const history = (await h.get(`/cases/${caseId}/history`).query({ minPosition: last }).expect(200)).body;
      // Each history row written once, whichever process applied it.
      expect(history.map((e: { revision: number }) => e.revision)).toEqual([0, 1, 2, 3, 4, 5]);
      const waiting = (await h.get('/waiting-list').query({ minPosition: last }).expect(200)).body;
      expect(waiting.filter((w: { caseId: string }) => w.caseId === caseId)).toHaveLength(1);
    }
  });

  it('keeps revisions gapless when 16 clients retry on 412 across both processes', async () => {
    const [a, b] = apps as [Awaited<ReturnType<typeof createApp>>, Awaited<ReturnType<typeof createApp>>];
    const token = tokenFrom(a, COORDINATOR);
    const servers = [httpAs(a.getHttpServer(), token), httpAs(b.getHttpServer(), token)];
    const { caseId } = (await servers[0]!.post('/cases').send(karenReferral()).expect(201)).body;
    const client = async (http: (typeof servers)[number]) => {
      let done = 0;
      let etag = (await http.get(`/cases/${caseId}`).expect(200)).headers.etag as string;
      while (done < 3) {
        const res = await http.post(`/cases/${caseId}/assessments`).set('if-match', etag).send({ instrument: 'ucla3', answers: [1, 2, 3] });
        expect([200, 412]).toContain(res.status);
        if (res.status === 200) done += 1;
        etag = res.headers.etag as string;
      }
    };
    await Promise.all(Array.from({ length: 16 }, (_, i) => client(servers[i % 2]!)));
    const events = (await servers[1]!.get(`/cases/${caseId}/events`).expect(200)).body as Array<{ revision: number }>;
    expect(events.map((e) => e.revision)).toEqual(Array.from({ length: 49 }, (_, i) => i));
  });
});
