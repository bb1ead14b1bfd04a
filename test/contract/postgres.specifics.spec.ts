import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ConcurrencyError } from '../../domain/shared/errors';
import { StoredEvent, StoreUnavailableError } from '../../src/event-store/event-store.port';
import { pagesThroughHead } from '../../src/event-store/read-through-head';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres.event-store';
import { describePostgres, dropSchema, testDatabaseUrl, testSchema } from '../support/postgres';
import { newEvent } from './event-store.contract';

/** What only PostgreSQL needs proving: late commits, and several processes on one database. */
describePostgres('the PostgreSQL store', () => {
  let schema: string;
  const opened: PostgresEventStore[] = [];
  const open = async () => {
    const store = await PostgresEventStore.open({ connectionString: testDatabaseUrl(), schema });
    opened.push(store);
    return store;
  };
  beforeEach(() => {
    schema = testSchema();
  });
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    await dropSchema(schema);
  });

  it('never skips an event whose transaction commits after later ones', async () => {
    const store = await open();
    await store.append('case-before', [newEvent()], 'no_stream');
    // Another writer takes the next position and holds its transaction open.
    const slow = new Client({ connectionString: testDatabaseUrl() });
    await slow.connect();
    await slow.query('BEGIN');
    const held = await slow.query<{ position: string }>(
      `INSERT INTO "${schema}".events (stream_id, revision, type, data, metadata) VALUES ('case-slow', 0, 'TaskOpened', '{}', $1::jsonb) RETURNING position`,
      [JSON.stringify(newEvent().metadata)],
    );
    const heldPosition = Number(held.rows[0]!.position);
    const later = await Promise.all([store.append('case-fast-1', [newEvent()], 'no_stream'), store.append('case-fast-2', [newEvent()], 'no_stream')]);
    expect(Math.min(...later.map((r) => r.position))).toBeGreaterThan(heldPosition);

    // While it is open, nothing from its position on may be read: a reader that moved past it would skip it for ever.
    // (Other tests' transactions may hold back even earlier events for a moment; what matters is nothing past the gap.)
    const whileOpen = await store.readAll(1, 100);
    expect(whileOpen.filter((e) => e.position >= heldPosition)).toEqual([]);

    await slow.query('COMMIT');
    await slow.end();
    let after = await store.readAll(1, 100);
    for (let tries = 0; after.length < 4 && tries < 100; tries++) {
      await new Promise((r) => setTimeout(r, 20));
      after = await store.readAll(1, 100);
    }
    expect(after.map((e) => e.position)).toEqual([...after.map((e) => e.position)].sort((a, b) => a - b));
    expect(after.map((e) => e.streamId)).toEqual(['case-before', 'case-slow', ...after.slice(2).map((e) => e.streamId)]);
    expect(after).toHaveLength(4);
  });

  it("reads the whole log through the head for an export, though another schema's open transaction holds the newest event back; a hold that lasts is refused with why", async () => {
    const store = await open();
    await store.append('case-first', [newEvent()], 'no_stream');
    // Another application's transaction in the same database, begun before the next append and still open.
    const other = new Client({ connectionString: testDatabaseUrl() });
    await other.connect();
    await other.query('BEGIN');
    await other.query('SELECT pg_current_xact_id()');
    const { position } = await store.append('case-acknowledged', [newEvent()], 'no_stream');
    expect((await store.readAll(1, 100)).map((e) => e.position)).not.toContain(position);

    const whole = async (patienceMs?: number) => {
      const read: StoredEvent[] = [];
      for await (const page of pagesThroughHead(store, 1, patienceMs)) read.push(...page);
      return read.map((e) => e.streamId);
    };
    await expect(whole(100)).rejects.toThrow(StoreUnavailableError);
    const reading = whole();
    await new Promise((r) => setTimeout(r, 200));
    await other.query('COMMIT');
    await other.end();
    expect(await reading).toEqual(['case-first', 'case-acknowledged']);
  });

  it('gives an appended event the recorded time readStream and readAll give it, as a JS Date prints it', async () => {
    const store = await open();
    const heard: StoredEvent[] = [];
    store.onAppended((events) => heard.push(...events));
    const id = `case-${randomUUID()}`;
    await store.append(id, [newEvent()], 'no_stream');
    await store.append(id, [newEvent(), newEvent()], 0);
    const read = await store.readStream(id);
    // Another session's transaction in flight may hold readAll back for a moment.
    let all = (await store.readAll(1, 1000)).filter((e) => e.streamId === id);
    for (let tries = 0; all.length < 3 && tries < 100; tries++) {
      await new Promise((r) => setTimeout(r, 20));
      all = (await store.readAll(1, 1000)).filter((e) => e.streamId === id);
    }
    expect(heard.map((e) => e.recordedAt)).toEqual(read.map((e) => e.recordedAt));
    expect(all.map((e) => e.recordedAt)).toEqual(read.map((e) => e.recordedAt));
    for (const e of read) expect(new Date(e.recordedAt).toISOString()).toBe(e.recordedAt);
  });

  it('refuses a batch of events at a stale revision with the actual one, one event as a batch', async () => {
    const store = await open();
    const id = `case-${randomUUID()}`;
    await store.append(id, [newEvent(), newEvent(), newEvent()], 'no_stream');
    await expect(store.append(id, [newEvent(), newEvent()], 1)).rejects.toMatchObject({ constructor: ConcurrencyError, actual: 2, expected: 1 });
    await expect(store.append(id, [newEvent()], 1)).rejects.toMatchObject({ constructor: ConcurrencyError, actual: 2, expected: 1 });
    await expect(store.append(`case-${randomUUID()}`, [newEvent(), newEvent()], 4)).rejects.toMatchObject({ actual: 'no_stream' });
    expect((await store.readStream(id)).map((e) => e.revision)).toEqual([0, 1, 2]);
  });

  it('takes no position for a refused append: the next event follows the last one without a gap', async () => {
    const store = await open();
    const id = `case-${randomUUID()}`;
    const first = await store.append(id, [newEvent()], 'no_stream');
    await expect(store.append(id, [newEvent()], 'no_stream')).rejects.toMatchObject({ constructor: ConcurrencyError, actual: 0 });
    await expect(store.append(id, [newEvent()], 3)).rejects.toMatchObject({ constructor: ConcurrencyError, actual: 0, expected: 3 });
    await expect(store.append(`case-${randomUUID()}`, [newEvent()], 0)).rejects.toMatchObject({ actual: 'no_stream' });
    const next = await store.append(id, [newEvent()], 0);
    expect(next).toEqual({ revision: 1, position: first.position + 1 });
  });

  it('lets exactly one of two processes win the same expected revision', async () => {
    const [a, b] = [await open(), await open()];
    const id = `case-${randomUUID()}`;
    await a.append(id, [newEvent()], 'no_stream');
    const results = await Promise.allSettled([...Array.from({ length: 5 }, () => a.append(id, [newEvent()], 0)), ...Array.from({ length: 5 }, () => b.append(id, [newEvent()], 0))]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(ConcurrencyError);
    expect((await b.readStream(id)).map((e) => e.revision)).toEqual([0, 1]);
  });

  it("tells each process's subscribers of the other's events, once each and in order", async () => {
    const [a, b] = [await open(), await open()];
    const heardByA: StoredEvent[] = [];
    a.onAppended((events) => heardByA.push(...events));
    await b.append('case-x', [newEvent(), newEvent()], 'no_stream');
    await a.append('case-y', [newEvent()], 'no_stream');
    await b.append('case-x', [newEvent()], 1);
    for (let tries = 0; heardByA.length < 4 && tries < 100; tries++) await new Promise((r) => setTimeout(r, 50));
    expect(heardByA.map((e) => e.position)).toEqual([1, 2, 3, 4]);
  });

  it("hears the other process's events while its own appends keep it busy, once each and in order", async () => {
    const [a, b] = [await open(), await open()];
    const heardByA: StoredEvent[] = [];
    a.onAppended((events) => heardByA.push(...events));
    const ours = (async () => {
      for (let i = 0; i < 30; i++) await a.append(`case-a${i}`, [newEvent()], 'no_stream');
    })();
    const theirs = (async () => {
      for (let i = 0; i < 10; i++) await b.append(`case-b${i}`, [newEvent()], 'no_stream');
    })();
    await Promise.all([ours, theirs]);
    for (let tries = 0; heardByA.length < 40 && tries < 100; tries++) await new Promise((r) => setTimeout(r, 50));
    const head = await a.headPosition();
    expect(heardByA.map((e) => e.position)).toEqual((await a.readAll(0, 100)).map((e) => e.position));
    expect(heardByA).toHaveLength(40);
    expect(heardByA[heardByA.length - 1]!.position).toBe(head);
  });
});
