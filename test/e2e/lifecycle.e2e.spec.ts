import { karenReferral } from './support/fixtures';
import { COORDINATOR, httpAs, startTestApp, testConfig, tokenFrom } from './support/test-app';
import type { AppConfig } from '../../src/config/config';
import { dropSchema } from '../support/postgres';
import { createApp } from '../../src/app.factory';
import { EVENT_STORE, EventStore } from '../../src/event-store/event-store.port';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('the service under stress of its own life', () => {
  it('finishes commands in flight when it is stopped, and loses none it acknowledged', async () => {
    let t = await startTestApp('sqlite');
    const { caseId } = (await t.http.post('/cases').send(karenReferral()).expect(201)).body;
    const inFlight = Array.from({ length: 20 }, () =>
      t.http
        .post(`/cases/${caseId}/assessments`)
        .send({ instrument: 'ucla3', answers: [2, 2, 2] })
        .then((r) => r.status)
        .catch(() => 'no answer' as const),
    );
    // Stop as soon as the first answer is out: the others are then on their way or in the store's queue.
    await Promise.race(inFlight);
    const closing = t.app.close();
    const statuses = await Promise.all(inFlight);
    await closing;
    const acknowledged = statuses.filter((s) => s === 200).length;
    expect(acknowledged).toBeGreaterThan(0);
    t = await startTestApp('sqlite', t.dataDir);
    const events = (await t.http.get(`/cases/${caseId}/events`).expect(200)).body;
    // Everything acknowledged is there; nothing unacknowledged slipped in beside it.
    expect(events.length - 1).toBeGreaterThanOrEqual(acknowledged);
    expect(events.length - 1).toBeLessThanOrEqual(statuses.filter((s) => s !== 503).length);
    await t.close();
    rmSync(t.dataDir, { recursive: true, force: true });
  });

  it('answers 503 with a problem when the store cannot write, and writes nothing half', async () => {
    const t = await startTestApp('sqlite');
    const { caseId } = (await t.http.post('/cases').send(karenReferral()).expect(201)).body;
    await t.app.get<EventStore>(EVENT_STORE).close();
    const res = await t.http.post(`/cases/${caseId}/assessments`).send({ instrument: 'ucla3', answers: [2, 2, 2] });
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.headers['retry-after']).toBeDefined();
    expect((await t.http.get('/health')).status).toBe(503);
    await t.close();
  });

  it('logs requests as JSON lines without personal data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'brobygger-logs-'));
    const lines: string[] = [];
    let config: AppConfig | undefined;
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
      lines.push(String(chunk));
      return write(chunk, ...rest);
    }) as typeof process.stdout.write;
    try {
      config = { ...testConfig('sqlite', dir), logLevel: 'log' };
      const app = await createApp(config);
      const http = httpAs(app.getHttpServer(), tokenFrom(app, COORDINATOR));
      await http.post('/cases').send(karenReferral()).expect(201);
      await http.get('/cases').query({ search: 'Karen' }).expect(200);
      await http.post('/cases').send(karenReferral({ programme: 'bingo' })).expect(400);
      await app.close();
    } finally {
      process.stdout.write = write;
      rmSync(dir, { recursive: true, force: true });
      if (config?.eventStore === 'postgres') await dropSchema(config.databaseSchema);
    }
    const logged = lines.join('');
    expect(logged).toMatch(/"route":"\/cases"/);
    for (const personal of ['Karen', 'Nielsen', 'Algade', '57831234', 'Jette', 'KOL', 'isoleret']) expect(logged).not.toContain(personal);
    for (const line of lines.filter((l) => l.trim())) expect(() => JSON.parse(line)).not.toThrow();
  });
});
