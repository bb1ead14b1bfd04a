import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConcurrencyError } from '../../domain/shared/errors';
import { StoreUnavailableError, StoredEvent } from '../../src/event-store/event-store.port';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite.event-store';
import { newEvent } from './event-store.contract';

/** What only the embedded store promises: group commit, outside writers, clear errors about its file. */
describe('the SQLite store', () => {
  let dir: string;
  let file: string;
  const opened: SqliteEventStore[] = [];
  const open = (options: { readonly?: boolean } = {}) => {
    const store = SqliteEventStore.open({ file, ...options });
    opened.push(store);
    return store;
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'brobygger-sqlite-'));
    file = join(dir, 'brobygger.db');
  });
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads a range of positions for a rebuild: exactly the events of the given types, in order, parsed as readAll parses them', async () => {
    const store = open();
    const types = ['TaskOpened', 'VisitHeld', 'LonelinessAssessed', 'CaseClosed'];
    for (let i = 0; i < 30; i++) {
      const type = types[i % types.length]!;
      const data = type === 'LonelinessAssessed' ? { score: i % 10 } : { n: i };
      await store.append(`case-${randomUUID()}`, [{ ...newEvent(type, data), schemaVersion: 1 }], 'no_stream');
    }
    const wanted = new Set(['VisitHeld', 'LonelinessAssessed']);
    const all = await store.readAll(1, 100);
    const range = await store.readRange(5, 24, wanted);
    const expected = all.filter((e) => e.position >= 5 && e.position <= 24 && wanted.has(e.type));
    expect(range.map((e) => e.position)).toEqual(expected.map((e) => e.position));
    // Field by field: data and metadata are read on first use, and an old LonelinessAssessed arrives upcast.
    const fields = (e: StoredEvent) => ({ streamId: e.streamId, type: e.type, data: e.data, metadata: e.metadata, schemaVersion: e.schemaVersion, revision: e.revision, position: e.position, recordedAt: e.recordedAt });
    expect(range.map(fields)).toEqual(expected.map(fields));
    expect(range.filter((e) => e.type === 'LonelinessAssessed').every((e) => e.schemaVersion === 2 && typeof (e.data as { severe: unknown }).severe === 'boolean')).toBe(true);
    expect(await store.readRange(31, 40, wanted)).toEqual([]);
    expect(await store.readRange(1, 30, new Set())).toEqual([]);
  });

  it('commits appends that arrive together in one transaction', async () => {
    const store = open();
    const before = store.stats();
    await Promise.all(Array.from({ length: 50 }, () => store.append(`case-${randomUUID()}`, [newEvent()], 'no_stream')));
    const after = store.stats();
    expect(after.appends - before.appends).toBe(50);
    expect(after.flushes - before.flushes).toBe(1);
  });

  it('refuses a failing append alone; the others in its commit stand', async () => {
    const store = open();
    const taken = `case-${randomUUID()}`;
    await store.append(taken, [newEvent()], 'no_stream');
    const results = await Promise.allSettled([
      store.append(`case-${randomUUID()}`, [newEvent()], 'no_stream'),
      store.append(taken, [newEvent()], 'no_stream'),
      store.append(`case-${randomUUID()}`, [newEvent()], 'no_stream'),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrencyError);
    expect(await store.headPosition()).toBe(3);
  });

  it('fails an append whose INSERT fails alone, leaving nothing of it behind, whether it is one statement or several; the others in its commit stand', async () => {
    const store = open();
    // A trigger stands in for a storage error at the INSERT itself (after the checks, which only read).
    store.connection().exec("CREATE TEMP TRIGGER poison BEFORE INSERT ON events WHEN NEW.type = 'Poison' BEGIN SELECT RAISE(ABORT, 'poisoned'); END");
    const [ok1, single, several, ok2] = [`case-${randomUUID()}`, `case-${randomUUID()}`, `case-${randomUUID()}`, `case-${randomUUID()}`];
    const results = await Promise.allSettled([
      store.append(ok1, [newEvent()], 'no_stream'),
      store.append(single, [newEvent('Poison')], 'no_stream'),
      store.append(several, [newEvent(), newEvent('Poison')], 'no_stream'),
      store.append(ok2, [newEvent()], 'no_stream'),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(StoreUnavailableError);
    expect(await store.streamRevision(single)).toBe('no_stream');
    expect(await store.streamRevision(several)).toBe('no_stream');
    expect((await store.readAll(1, 10)).map((e) => e.streamId)).toEqual([ok1, ok2]);
  });

  it('lets two appends to one stream in one commit see each other', async () => {
    const store = open();
    const id = `case-${randomUUID()}`;
    const [first, second] = await Promise.all([store.append(id, [newEvent()], 'no_stream'), store.append(id, [newEvent()], 0)]);
    expect([first.revision, second.revision]).toEqual([0, 1]);
  });

  it('refuses a one-event append whose expected revision lies ahead of the stream, alone or in a commit with others', async () => {
    const store = open();
    const id = `case-${randomUUID()}`;
    await store.append(id, [newEvent()], 'no_stream');
    await expect(store.append(id, [newEvent()], 5)).rejects.toMatchObject({ constructor: ConcurrencyError, expected: 5, actual: 0 });
    const results = await Promise.allSettled([store.append(id, [newEvent()], 3), store.append(`case-${randomUUID()}`, [newEvent()], 'no_stream')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
    expect((results[0] as PromiseRejectedResult).reason).toMatchObject({ constructor: ConcurrencyError, expected: 3, actual: 0 });
    expect((await store.readStream(id)).map((e) => e.revision)).toEqual([0]);
  });

  it('mixes one-event and several-event appends in one commit: each is checked alone, and revisions follow on', async () => {
    const store = open();
    const [a, b] = [`case-${randomUUID()}`, `case-${randomUUID()}`];
    await store.append(a, [newEvent()], 'no_stream');
    const before = store.stats();
    const results = await Promise.allSettled([
      store.append(a, [newEvent(), newEvent()], 0), // several events: revisions 1 and 2
      store.append(a, [newEvent()], 2), // one event after them, in the same commit
      store.append(a, [newEvent(), newEvent()], 0), // several events, stale: refused alone
      store.append(b, [newEvent()], 0), // one event, no such stream yet: refused alone
      store.append(b, [newEvent()], 'no_stream'),
    ]);
    expect(store.stats().flushes - before.flushes).toBe(1);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect((results[2] as PromiseRejectedResult).reason).toMatchObject({ constructor: ConcurrencyError, actual: 3 });
    expect((results[3] as PromiseRejectedResult).reason).toMatchObject({ constructor: ConcurrencyError, actual: 'no_stream' });
    expect((await store.readStream(a)).map((e) => e.revision)).toEqual([0, 1, 2, 3]);
    expect((await store.readStream(b)).map((e) => e.revision)).toEqual([0]);
  });

  it('tells its subscribers of each committed event as it reads back from the file', async () => {
    const store = open();
    const heard: StoredEvent[] = [];
    store.onAppended((events) => heard.push(...events));
    await Promise.all([
      store.append(`case-${randomUUID()}`, [newEvent('TaskOpened', { n: 1, nested: { list: [1, 'two'] } })], 'no_stream'),
      store.append(`case-${randomUUID()}`, [newEvent(), newEvent('VisitHeld', { n: 2 })], 'no_stream'),
    ]);
    await store.append(`case-${randomUUID()}`, [{ ...newEvent('CaseClosed', { n: 3 }), schemaVersion: 1 }], 'no_stream');
    expect(heard).toEqual(await store.readAll(1, 100));
  });

  it('tells its subscribers of events another process wrote to the same file', async () => {
    const server = open();
    const heard: StoredEvent[] = [];
    server.onAppended((events) => heard.push(...events));
    const cli = open();
    await cli.append(`case-${randomUUID()}`, [newEvent(), newEvent()], 'no_stream');
    await server.append(`case-${randomUUID()}`, [newEvent()], 'no_stream');
    await cli.append(`case-${randomUUID()}`, [newEvent()], 'no_stream');
    for (let tries = 0; heard.length < 4 && tries < 100; tries++) await new Promise((r) => setTimeout(r, 50));
    expect(heard.map((e) => e.position)).toEqual([1, 2, 3, 4]);
  });

  it('refuses to open a file that is not a database, naming the file', () => {
    writeFileSync(file, Buffer.from('this is not a SQLite database, it only has its name'.repeat(100)));
    expect(() => open()).toThrow(file);
  });

  it('answers StoreUnavailableError when the file cannot be written, and keeps what it had', async () => {
    const writer = open();
    await writer.append('case-kept', [newEvent()], 'no_stream');
    const store = open({ readonly: true });
    await expect(store.append(`case-${randomUUID()}`, [newEvent()], 'no_stream')).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(await store.readStream('case-kept')).toHaveLength(1);
    await expect(store.append(`case-${randomUUID()}`, [newEvent()], 'no_stream')).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});
