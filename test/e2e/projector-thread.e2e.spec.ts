import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { EVENT_STORE, EventStore } from '../../src/event-store/event-store.port';
import { PROJECTIONS } from '../../src/read-models/projections';
import { Projector } from '../../src/read-models/projector';
import { ThreadedProjector } from '../../src/read-models/projector-thread';
import { ReadModelsService } from '../../src/read-models/read-models.service';
import { newEvent } from '../contract/event-store.contract';
import { karenReferral } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

interface Health {
  status: string;
  projections: Array<{ name: string; position: number; lag: number; status: string; failure?: { position: number; error: string } }>;
}

/**
 * PROJECTOR_THREAD=1: the live projector in a worker thread on its own
 * connection to the SQLite file. The service keeps the contract it has with
 * the projector in the main thread: read-your-writes, /health's positions and
 * failures, and a stop that leaves every checkpoint where a whole batch put it.
 */
describe('the projector in a worker thread (SQLite)', () => {
  let t: TestApp;
  const start = () => startTestApp('sqlite', undefined, true, { eventStore: 'sqlite', projectorThread: true });
  afterEach(() => t.close());

  const health = async (): Promise<{ code: number; body: Health }> => {
    const res = await t.as('anonymous').get('/health');
    return { code: res.status, body: res.body as Health };
  };

  /** The checkpoints in the file, read on a connection of the test's own. */
  const checkpoints = (): Map<string, number> => {
    const db = new Database(join(t.dataDir, 'brobygger.db'), { readonly: true });
    try {
      const rows = db
        .prepare<[], { projection: string; position: number }>(
          'SELECT coalesce(n.projection, c.projection) AS projection, c.position FROM projection_checkpoints c LEFT JOIN read_model_namespaces n ON n.namespace = c.projection',
        )
        .all();
      return new Map(rows.map((r) => [r.projection, r.position]));
    } finally {
      db.close();
    }
  };

  it('is the projector the service runs, and every read reflects the command acknowledged before it (minPosition and without)', async () => {
    t = await start();
    expect(t.app.get(ReadModelsService).projector).toBeInstanceOf(ThreadedProjector);
    for (let i = 0; i < 5; i++) {
      const { caseId, position } = (await t.http.post('/cases').send(karenReferral()).expect(201)).body;
      const withMin = await t.http.get('/waiting-list').query({ minPosition: position, limit: 500 }).expect(200);
      expect(Number(withMin.headers['x-projection-position'])).toBeGreaterThanOrEqual(position);
      expect(withMin.body.map((e: { caseId: string }) => e.caseId)).toContain(caseId);
      const without = await t.http.get('/waiting-list').query({ limit: 500 }).expect(200);
      expect(without.body.map((e: { caseId: string }) => e.caseId)).toContain(caseId);
    }
    const { code, body } = await health();
    expect(code).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.projections.map((p) => p.name)).toEqual(PROJECTIONS.map((p) => p.name));
    // The positions the thread reported are the checkpoints it committed.
    const stored = checkpoints();
    for (const p of body.projections) expect(stored.get(p.name)).toBe(p.position);
  });

  it('reports a reducer that throws in the thread on /health, and that projection answers 503', async () => {
    t = await start();
    const store = t.app.get<EventStore>(EVENT_STORE);
    await t.http.post('/cases').send(karenReferral()).expect(201);
    const { position: poison } = await store.append(`case-${randomUUID()}`, [newEvent('ReferralReceived', {})], 'no_stream');
    const { position: head } = (await t.http.post('/cases').send(karenReferral()).expect(201)).body;
    let body: Health | undefined;
    for (let i = 0; i < 500 && !body?.projections.some((p) => p.status === 'failed'); i++) {
      ({ body } = await health());
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const answer = await health();
    expect(answer.code).toBe(200);
    expect(answer.body.status).toBe('degraded');
    const failed = answer.body.projections.filter((p) => p.status === 'failed');
    expect(failed.map((p) => p.name)).toContain('waiting-list');
    for (const p of failed) {
      expect(p.failure).toMatchObject({ position: poison, error: expect.any(String) });
      expect(p.position).toBeLessThan(poison);
    }
    expect((await t.http.get('/waiting-list')).status).toBe(503);
    // The failure is the thread's checkpoint, as the in-process projector records it: a restart still knows it.
    const stored = checkpoints();
    for (const p of failed) expect(stored.get(p.name)).toBe(p.position);
    expect(head).toBeGreaterThan(poison);
  });

  it('stops while a batch runs: the thread finishes it, commits, and a restart reads on from the checkpoints to the head', async () => {
    t = await start();
    const store = t.app.get<EventStore>(EVENT_STORE);
    await t.http.post('/cases').send(karenReferral()).expect(201);
    // 6,000 events in one commit: three of the projector's batches.
    const { position: head } = await store.append(`case-${randomUUID()}`, Array.from({ length: 6000 }, () => newEvent('TaskOpened', { n: 1 })), 'no_stream');
    const service = t.app.get(ReadModelsService);
    await service.projector.stop();
    const reported = service.projector.status();
    const stored = checkpoints();
    // Every position reported is a committed checkpoint: nothing half applied, nothing reported ahead of the file.
    for (const p of reported) expect(stored.get(p.name)).toBe(p.position);
    // Stopped: a command goes on to the store, and the thread applies nothing more.
    const { position: after } = (await t.http.post('/cases').send(karenReferral()).expect(201)).body;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(checkpoints()).toEqual(stored);
    t = await t.restart();
    expect(await t.app.get(ReadModelsService).projector.waitFor('waiting-list', after, 20_000)).toBe(true);
    expect(after).toBeGreaterThan(head);
    for (const p of t.app.get(ReadModelsService).projector.status()) expect(p.position).toBe(after);
  });

  it('writes the same read models as the projector in the main thread', async () => {
    t = await start();
    for (let i = 0; i < 3; i++) await t.http.post('/cases').send(karenReferral()).expect(201);
    const { position } = (await t.http.post('/cases').send(karenReferral()).expect(201)).body;
    expect(await t.app.get(ReadModelsService).projector.waitFor('caseload', position, 10_000)).toBe(true);
    const { SqliteReadModelStore } = await import('../../src/read-model-store/sqlite-read-model.store');
    const db = new Database(join(t.dataDir, 'brobygger.db'));
    try {
      const models = new SqliteReadModelStore(db);
      const documents = async () => Promise.all(PROJECTIONS.map(async (p) => [p.name, await models.list(p.name)]));
      const threaded = await documents();
      expect(threaded.flatMap(([, docs]) => docs as unknown[]).length).toBeGreaterThan(0);
      await t.app.get(ReadModelsService).projector.stop();
      // The same events, rebuilt from 0 by the in-process projector and swapped in: the same documents.
      const inline = new Projector(t.app.get<EventStore>(EVENT_STORE), models, PROJECTIONS);
      await inline.rebuild();
      await inline.stop();
      expect(await documents()).toEqual(threaded);
    } finally {
      db.close();
    }
  });
});
