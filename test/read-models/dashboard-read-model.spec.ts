import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { caseFactsProjection } from '../../projections/dashboard/case-facts';
import type { ProjectedEvent, Projection } from '../../projections/shared/projection';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres.event-store';
import { PostgresReadModelStore } from '../../src/read-model-store/postgres-read-model.store';
import { describePostgres, dropSchema, testDatabaseUrl, testSchema } from '../support/postgres';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite.event-store';
import { applyBatch } from '../../src/read-models/apply-batch';
import { buildShadows } from '../../src/read-models/rebuild';
import { MemoryReadModelStore } from '../../src/read-model-store/memory-read-model.store';
import type { ReadModelStore } from '../../src/read-model-store/read-model-store.port';
import { SqliteReadModelStore } from '../../src/read-model-store/sqlite-read-model.store';
import { aLog } from '../unit/projections/dashboard.arbitraries';
import type { Log } from '../unit/projections/events.fixture';

/**
 * The dashboard's month documents are read through a case's facts
 * (`keysReadThrough`): the live projector's batches and a rebuild's stages,
 * with documents let go of and read back, build what folding the log one
 * event at a time builds.
 */
const projection = caseFactsProjection as Projection<unknown>;
const metadataOf = (event: ProjectedEvent) => ({ eventId: randomUUID(), commandId: randomUUID(), correlationId: randomUUID(), causationId: randomUUID(), actor: event.metadata.actor, occurredAt: event.metadata.occurredAt });
const logs = fc.sample(aLog, { numRuns: 12, seed: 15 });

describe('the dashboard read model in batches and rebuilds', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'brobygger-dashboard-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** A fresh event store holding the log. */
  const append = async (log: Log) => {
    store = SqliteEventStore.open({ file: join(dir, `${randomUUID()}.db`) });
    for (const event of log.events) {
      await store.append(event.streamId, [{ type: event.type, data: event.data, metadata: metadataOf(event) }], 'any');
    }
  };
  /** Every document, by key, that the store holds for a projection (checked against the keys expected, and the count). */
  const held = async (models: ReadModelStore, name: string, keys: string[]) => ({ docs: await models.getMany(name, keys), count: (await models.list(name)).length });
  const stores: Array<[string, (store: SqliteEventStore) => ReadModelStore]> = [
    ['SQLite', (events) => new SqliteReadModelStore(events.connection())],
    ['memory', () => new MemoryReadModelStore()],
  ];

  it.each(stores)('on %s, live batches of three events and a rebuild that keeps one document build what one event at a time builds', async (_name, open) => {
    for (const log of logs) {
      const expected = log.project(caseFactsProjection).docs;
      const keys = [...expected.keys()];
      await append(log);
      const events = await store.readAll(1, 100_000);
      const models = open(store);
      let position = 0;
      for (let i = 0; i < events.length; i += 3) position = (await applyBatch(projection, models, 'dashboard', events.slice(i, i + 3), position)).position;
      expect(await held(models, 'dashboard', keys)).toEqual({ docs: expected, count: expected.size });

      const [built] = await buildShadows(store, models, [projection], await store.headPosition(), 2, undefined, 1);
      await models.replace('dashboard', built!.shadow);
      expect(await held(models, 'dashboard', keys)).toEqual({ docs: expected, count: expected.size });
      await store.close();
    }
  });
});

describePostgres('the dashboard read model on PostgreSQL', () => {
  const schemas: string[] = [];
  afterAll(async () => {
    for (const schema of schemas) await dropSchema(schema);
  });

  it('in live batches and a rebuild that reads documents back, builds what one event at a time builds', async () => {
    for (const log of logs.slice(0, 4)) {
      const schema = testSchema();
      schemas.push(schema);
      const store = await PostgresEventStore.open({ connectionString: testDatabaseUrl(), schema });
      try {
        for (const event of log.events) await store.append(event.streamId, [{ type: event.type, data: event.data, metadata: metadataOf(event) }], 'any');
        const expected = log.project(caseFactsProjection).docs;
        const keys = [...expected.keys()];
        const models = new PostgresReadModelStore(store.connection(), schema);
        // readAll shows an event once every transaction begun before it has ended, other tests' too: wait for all of them.
        let events = await store.readAll(1, 100_000);
        for (let tries = 0; events.length < log.events.length && tries < 100; tries++) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          events = await store.readAll(1, 100_000);
        }
        let position = 0;
        for (let i = 0; i < events.length; i += 3) position = (await applyBatch(projection, models, 'dashboard', events.slice(i, i + 3), position)).position;
        expect(await models.getMany('dashboard', keys)).toEqual(expected);
        const [built] = await buildShadows(store, models, [projection], await store.headPosition(), 2, undefined, 1);
        await models.replace('dashboard', built!.shadow);
        expect(await models.getMany('dashboard', keys)).toEqual(expected);
        expect(await models.list('dashboard')).toHaveLength(expected.size);
      } finally {
        await store.close();
      }
    }
  });
});
