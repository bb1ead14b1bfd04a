import { randomBytes, randomUUID } from 'node:crypto';
import { ConcurrencyError } from '../../domain/shared/errors';
import { CitizenKeyTakenError } from '../../src/event-store/event-store.port';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres.event-store';
import { PostgresCitizenKeys } from '../../src/privacy/crypto/citizen-keys';
import { describePostgres, dropSchema, testDatabaseUrl, testSchema } from '../support/postgres';
import { newEvent } from './event-store.contract';

/**
 * Issue 23 (W8): a new case's first append carries its citizen's new key, stored
 * in the same statement as the events (`ON CONFLICT DO NOTHING`): both or neither.
 */
describePostgres('PostgreSQL store: a citizen key written with the append', () => {
  let schema: string;
  let stores: PostgresEventStore[];
  const open = async () => {
    const store = await PostgresEventStore.open({ connectionString: testDatabaseUrl(), schema });
    stores.push(store);
    return store;
  };
  const keysOf = (store: PostgresEventStore) => new PostgresCitizenKeys(store.connection(), schema);
  const stream = () => `case-${randomUUID()}`;
  const newKey = (citizenId: string) => ({ citizenId, key: randomBytes(32) });

  beforeEach(() => {
    schema = testSchema();
    stores = [];
  });
  afterEach(async () => {
    for (const store of stores) await store.close();
    await dropSchema(schema);
  });

  it('stores the key and the events together', async () => {
    const store = await open();
    const [id, key] = [stream(), newKey(randomUUID())];
    const result = await store.append(id, [newEvent(), newEvent()], 'no_stream', { citizenKey: key });
    expect(result.revision).toBe(1);
    expect(await keysOf(store).get(key.citizenId)).toEqual(key.key);
    expect(await store.readStream(id)).toHaveLength(2);
  });

  it('appends nothing when the citizen has a key already, and keeps that key', async () => {
    const store = await open();
    const citizenId = randomUUID();
    const theirs = await keysOf(store).ensure(citizenId);
    const id = stream();
    await expect(store.append(id, [newEvent()], 'no_stream', { citizenKey: newKey(citizenId) })).rejects.toMatchObject({ constructor: CitizenKeyTakenError, citizenId });
    expect(await store.readStream(id)).toEqual([]);
    expect(await keysOf(store).get(citizenId)).toEqual(theirs);
  });

  it('lets one of two processes racing with keys for one citizen win; the other appends nothing', async () => {
    const [a, b] = [await open(), await open()];
    const citizenId = randomUUID();
    const attempts = [
      { store: a, id: stream(), key: newKey(citizenId) },
      { store: b, id: stream(), key: newKey(citizenId) },
    ];
    const results = await Promise.allSettled(attempts.map(({ store, id, key }) => store.append(id, [newEvent()], 'no_stream', { citizenKey: key })));
    const won = results.findIndex((r) => r.status === 'fulfilled');
    expect(won).toBeGreaterThanOrEqual(0);
    const lost = 1 - won;
    expect(results[lost]).toMatchObject({ status: 'rejected', reason: expect.any(CitizenKeyTakenError) });
    expect(await keysOf(a).get(citizenId)).toEqual(attempts[won]!.key.key);
    expect(await a.readStream(attempts[won]!.id)).toHaveLength(1);
    expect(await a.readStream(attempts[lost]!.id)).toEqual([]);
  });

  it('stores no key when the revision is refused, nor when two appends race for one new stream', async () => {
    const store = await open();
    const id = stream();
    await store.append(id, [newEvent()], 'no_stream');
    const refused = newKey(randomUUID());
    await expect(store.append(id, [newEvent()], 'no_stream', { citizenKey: refused })).rejects.toMatchObject({ constructor: ConcurrencyError, actual: 0 });
    expect(await keysOf(store).get(refused.citizenId)).toBeUndefined();

    const fresh = stream();
    const racing = [newKey(randomUUID()), newKey(randomUUID())];
    const results = await Promise.allSettled(racing.map((key) => store.append(fresh, [newEvent()], 'no_stream', { citizenKey: key })));
    const won = results.findIndex((r) => r.status === 'fulfilled');
    expect(results[1 - won]).toMatchObject({ status: 'rejected', reason: expect.any(ConcurrencyError) });
    expect(await keysOf(store).get(racing[won]!.citizenId)).toEqual(racing[won]!.key);
    expect(await keysOf(store).get(racing[1 - won]!.citizenId)).toBeUndefined();
  });

  it('keeps key, events and idempotency record in one transaction', async () => {
    const store = await open();
    const key = newKey(randomUUID());
    const idempotency = { key: randomUUID(), subject: 's', route: 'POST /cases', bodyHash: 'h', answer: (r: { revision: number }) => r };
    await store.append(stream(), [newEvent()], 'no_stream', { citizenKey: key, idempotency });
    // The same Idempotency-Key again, with another citizen's new key: refused, and that key is rolled back.
    const other = newKey(randomUUID());
    await expect(store.append(stream(), [newEvent()], 'no_stream', { citizenKey: other, idempotency })).rejects.toThrow('already used');
    expect(await keysOf(store).get(key.citizenId)).toEqual(key.key);
    expect(await keysOf(store).get(other.citizenId)).toBeUndefined();
  });
});
