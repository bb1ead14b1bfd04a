import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checksumOf, migrateEvents } from '../../src/cli/migrate';
import { seed } from '../../src/cli/seed/seed';
import { PersonalDataCipher } from '../../src/privacy/crypto/personal-data.cipher';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres.event-store';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite.event-store';
import type { Storage } from '../../src/storage/storage.port';
import { PROJECTIONS } from '../../src/read-models/projections';
import { Projector } from '../../src/read-models/projector';
import type { EventStore, StoredEvent } from '../../src/event-store/event-store.port';
import { pagesThroughHead } from '../../src/event-store/read-through-head';
import { describePostgres, dropSchema, testDatabaseUrl, testSchema } from '../support/postgres';
import { createApp } from '../../src/app.factory';
import { karenReferral } from '../e2e/support/fixtures';
import { COORDINATOR, httpAs, tokenFor } from '../e2e/support/test-app';
import { postgresStorage, sqliteStorage } from '../support/storage';

/** Read models rebuilt from position 0 on a store. */
async function rebuiltModels({ events: store, readModels: models }: Storage): Promise<unknown[][]> {
  const projector = new Projector(store, models, PROJECTIONS);
  await projector.rebuild();
  const lists = await Promise.all(PROJECTIONS.map(({ name }) => models.list(name)));
  await projector.stop();
  return lists;
}

describePostgres('cli migrate from SQLite to PostgreSQL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'brobygger-migrate-'));
  const schema = testSchema();
  const stores: EventStore[] = [];
  afterAll(async () => {
    for (const store of stores) await store.close();
    rmSync(dir, { recursive: true, force: true });
    await dropSchema(schema);
  });

  it('copies every event and key, resumes after an interruption, copies nothing twice, and the read models rebuilt there match', async () => {
    const source = SqliteEventStore.open({ file: join(dir, 'brobygger.db') });
    await seed(sqliteStorage(source), { cases: 150, seed: 5 }, () => undefined);
    const handler = await source.append('case-keyed', [{ type: 'TaskOpened', data: {}, metadata: (await source.readAll(1, 1))[0]!.metadata }], 'no_stream', {
      idempotency: { key: 'k1', subject: 'tester', route: 'POST /cases', bodyHash: 'h', answer: (r) => r },
    });
    expect(handler.revision).toBe(0);
    const total = await source.archive().eventCount();

    let target = await PostgresEventStore.open({ connectionString: testDatabaseUrl(), schema });
    stores.push(source, target);
    expect(total).toBeGreaterThan(1000);
    // Interrupted after the first page.
    await expect(
      migrateEvents(sqliteStorage(source), postgresStorage(target, dir), (copied) => {
        if (copied >= 1000) throw new Error('the connection dropped');
      }),
    ).rejects.toThrow('the connection dropped');
    expect(await target.archive().eventCount()).toBe(1000);
    await target.close();

    target = await PostgresEventStore.open({ connectionString: testDatabaseUrl(), schema });
    stores.push(target);
    const resumed = await migrateEvents(sqliteStorage(source), postgresStorage(target, dir));
    expect(resumed).toMatchObject({ events: total, copied: total - 1000, idempotencyKeys: 1, citizenKeys: (await source.archive().citizenKeys()).length });
    // The copy can be read: its keys came along.
    // Through the head: on PostgreSQL another test file's open transaction may hold the copied events back for a moment.
    let firstReferral: StoredEvent | undefined;
    for await (const page of pagesThroughHead(target, 1000)) firstReferral ??= page.find((e) => e.type === 'ReferralReceived');
    const opened = (await new PersonalDataCipher(postgresStorage(target, dir).citizenKeys).reveal(firstReferral!.data)) as { citizen: { name: string } };
    expect(opened.citizen.name).toMatch(/^[A-ZÆØÅ][a-zæøå]+ [A-ZÆØÅ][a-zæøå]+$/);
    expect(resumed.checksum).toBe(await checksumOf(source));
    expect(await target.findIdempotency('tester', 'k1')).toMatchObject({ route: 'POST /cases', bodyHash: 'h' });

    // The service's secrets came along too (the target's instances need no file of the source's DATA_DIR).
    expect(resumed.secrets).toBe(3);
    const elsewhere = postgresStorage(target, join(dir, 'elsewhere'));
    for (const name of ['jwt-signing', 'pseudonym', 'idempotency'] as const) expect(await elsewhere.secrets.secret(name)).toEqual(await sqliteStorage(source).secrets.secret(name));

    const again = await migrateEvents(sqliteStorage(source), postgresStorage(target, dir));
    expect(again).toMatchObject({ events: total, copied: 0, secrets: 0 });
    expect(await target.archive().accessLogCount()).toBe(await source.archive().accessLogCount());
    expect(await rebuiltModels(postgresStorage(target, dir))).toEqual(await rebuiltModels(sqliteStorage(source)));
  });
});

describePostgres('cli migrate and a client retrying across it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'brobygger-migrate-retry-'));
  const schema = testSchema();
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await dropSchema(schema);
  });
  const base = { port: 0, dataDir: dir, sqliteSynchronous: 'FULL' as const, logLevel: 'error' as const };

  it('recognises on PostgreSQL an Idempotency-Key first sent to SQLite, and the copy holds only its keyed hash', async () => {
    let app = await createApp({ ...base, eventStore: 'sqlite', databaseSchema: 'brobygger' }, { logs: false });
    const http = () => httpAs(app.getHttpServer(), tokenFor(dir, COORDINATOR));
    const first = await http().post('/cases').set('idempotency-key', 'karen-2026-03-02').send(karenReferral()).expect(201);
    await app.close();

    const source = SqliteEventStore.open({ file: join(dir, 'brobygger.db') });
    const target = await PostgresEventStore.open({ connectionString: testDatabaseUrl(), schema });
    await migrateEvents(sqliteStorage(source), postgresStorage(target, dir));
    const keys = (await target.archive().idempotencyRecords()).map((r) => r.key);
    await Promise.all([source.close(), target.close()]);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^[0-9a-f]{64}$/);

    // The same DATA_DIR (and so the same secret), the events now on PostgreSQL.
    app = await createApp({ ...base, eventStore: 'postgres', databaseUrl: testDatabaseUrl(), databaseSchema: schema }, { logs: false });
    try {
      const retry = await http().post('/cases').set('idempotency-key', 'karen-2026-03-02').send(karenReferral()).expect(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body).toEqual(first.body);
    } finally {
      await app.close();
    }
  });
});
