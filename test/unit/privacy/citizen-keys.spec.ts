import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgresEventStore } from '../../../src/event-store/postgres/postgres.event-store';
import { SqliteEventStore } from '../../../src/event-store/sqlite/sqlite.event-store';
import { PostgresCitizenKeys, SqliteCitizenKeys } from '../../../src/privacy/crypto/citizen-keys';
import { describePostgres, dropSchema, testDatabaseUrl, testSchema } from '../../support/postgres';

describe('citizens’ keys on SQLite (committed without a sync of their own, before the events)', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'brobygger-keys-'));
    store = SqliteEventStore.open({ file: join(dir, 'brobygger.db'), synchronous: 'FULL' });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('makes a key once and hands the same key out again, from another connection too', async () => {
    const citizenId = randomUUID();
    const key = await new SqliteCitizenKeys(store.connection()).ensure(citizenId);
    expect(key).toHaveLength(32);
    expect(await new SqliteCitizenKeys(store.connection()).ensure(citizenId)).toEqual(key);
    const other = SqliteEventStore.open({ file: join(dir, 'brobygger.db') });
    try {
      expect(await new SqliteCitizenKeys(other.connection()).get(citizenId)).toEqual(key);
    } finally {
      await other.close();
    }
  });

  it('leaves the connection at synchronous=FULL for the events that follow', async () => {
    await new SqliteCitizenKeys(store.connection()).ensure(randomUUID());
    expect(store.connection().pragma('synchronous', { simple: true })).toBe(2);
  });
});

describePostgres('citizens’ keys on PostgreSQL (one round trip, flushed by the events’ commit)', () => {
  let schema: string;
  const opened: PostgresEventStore[] = [];
  const open = async () => {
    const store = await PostgresEventStore.open({ connectionString: testDatabaseUrl(), schema });
    opened.push(store);
    return new PostgresCitizenKeys(store.connection(), schema);
  };
  beforeEach(() => {
    schema = testSchema();
  });
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    await dropSchema(schema);
  });

  it('makes a key once; a second process gets the first one’s key, never a second key', async () => {
    const citizenId = randomUUID();
    const [a, b] = [await open(), await open()];
    const keys = await Promise.all([a.ensure(citizenId), b.ensure(citizenId), a.ensure(citizenId)]);
    expect(keys[0]).toHaveLength(32);
    expect(keys[1]).toEqual(keys[0]);
    expect(keys[2]).toEqual(keys[0]);
    expect(await b.get(citizenId)).toEqual(keys[0]);
  });

  it('leaves the session’s synchronous_commit on for what follows', async () => {
    const store = await PostgresEventStore.open({ connectionString: testDatabaseUrl(), schema, poolSize: 1 });
    opened.push(store);
    await new PostgresCitizenKeys(store.connection(), schema).ensure(randomUUID());
    const { rows } = await store.connection().query<{ synchronous_commit: string }>('SHOW synchronous_commit');
    expect(rows[0]!.synchronous_commit).toBe('on');
  });
});
