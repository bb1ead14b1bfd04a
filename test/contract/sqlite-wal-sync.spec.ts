import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoreUnavailableError, StoredEvent } from '../../src/event-store/event-store.port';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite.event-store';
import { SqliteCitizenKeys } from '../../src/privacy/crypto/citizen-keys';
import { newEvent } from './event-store.contract';
import { sqliteStorage } from '../support/storage';

/** A stand-in for the -wal file's sync that the test ends by hand, one call at a time. */
function heldSync() {
  const calls: Array<{ end: () => void; fail: (error: Error) => void }> = [];
  let wake: (() => void) | undefined;
  const sync = () =>
    new Promise<void>((end, fail) => {
      calls.push({ end, fail });
      wake?.();
    });
  /** Resolves once the sync has been called `count` times in all. */
  const called = (count: number) =>
    new Promise<void>((resolve) => {
      const check = () => (calls.length >= count ? resolve() : (wake = check));
      check();
    });
  return { sync, calls, called };
}

/** Settles pending promise callbacks and immediates, so that "not yet answered" is tested after the store had its turn. */
const settle = () => new Promise((resolve) => setImmediate(() => setImmediate(resolve)));

/**
 * With synchronous=FULL the group commit commits without a sync on the event
 * loop and answers once the write-ahead log is synced from the thread pool
 * (sqlite.group-commit.ts): what it promises, with the sync held by the test.
 */
describe('the SQLite store’s sync off the event loop (synchronous=FULL)', () => {
  let dir: string;
  let file: string;
  const opened: SqliteEventStore[] = [];
  const open = (walSync: () => Promise<void>) => {
    const store = SqliteEventStore.open({ file, synchronous: 'FULL', walSync });
    opened.push(store);
    return store;
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'brobygger-walsync-'));
    file = join(dir, 'brobygger.db');
  });
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers an append, and tells the listeners, only once its sync has ended; the connection stays FULL', async () => {
    const { sync, calls, called } = heldSync();
    const store = open(sync);
    const heard: StoredEvent[] = [];
    store.onAppended((events) => heard.push(...events));
    let answered = false;
    const appended = store.append('case-1', [newEvent()], 'no_stream').then((result) => ((answered = true), result));
    await called(1);
    await settle();
    expect(await store.streamRevision('case-1')).toBe(0); // committed
    expect(answered).toBe(false);
    expect(heard).toEqual([]);
    expect(store.connection().pragma('synchronous', { simple: true })).toBe(2);
    calls[0]!.end();
    expect(await appended).toEqual({ revision: 0, position: 1 });
    expect(heard.map((e) => e.position)).toEqual([1]);
  });

  it('commits the next batch while a sync runs and syncs it at once; a later sync that ends first answers both, in commit order', async () => {
    const { sync, calls, called } = heldSync();
    const store = open(sync);
    const answers: string[] = [];
    const first = store.append('case-a', [newEvent()], 'no_stream').then(() => answers.push('a'));
    await called(1);
    const second = store.append('case-b', [newEvent()], 'no_stream').then(() => answers.push('b'));
    await called(2);
    expect(await store.streamRevision('case-b')).toBe(0);
    await settle();
    expect(answers).toEqual([]);
    // b's sync began after a's frames were written: it covers both.
    calls[1]!.end();
    await Promise.all([first, second]);
    expect(answers).toEqual(['a', 'b']);
    calls[0]!.end();
  });

  it('with two syncs running, lets the next commits wait together for the next sync, and answers every batch in commit order', async () => {
    const { sync, calls, called } = heldSync();
    const store = open(sync);
    const answers: string[] = [];
    const appended = (id: string) => store.append(`case-${id}`, [newEvent()], 'no_stream').then(() => answers.push(id));
    const a = appended('a');
    await called(1);
    const b = appended('b');
    await called(2);
    const [c, d] = [appended('c'), appended('d')];
    await settle();
    expect(await store.streamRevision('case-d')).toBe(0); // committed, waiting for a sync to begin
    expect(calls).toHaveLength(2);
    calls[0]!.end();
    await a;
    await called(3); // c and d's sync, begun once a's ended
    await settle();
    expect(answers).toEqual(['a']);
    calls[2]!.end();
    await Promise.all([b, c, d]);
    expect(answers).toEqual(['a', 'b', 'c', 'd']);
    expect(calls).toHaveLength(3);
    calls[1]!.end();
  });

  it('when a sync fails, answers StoreUnavailableError to every batch not yet answered, also one whose own sync still runs', async () => {
    const { sync, calls, called } = heldSync();
    const store = open(sync);
    const a = store.append('case-a', [newEvent()], 'no_stream');
    await called(1);
    const b = store.append('case-b', [newEvent()], 'no_stream');
    await called(2);
    calls[0]!.fail(new Error('EIO: i/o error, fdatasync'));
    await expect(a).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(b).rejects.toBeInstanceOf(StoreUnavailableError);
    calls[1]!.end();
    const next = store.append('case-c', [newEvent()], 'no_stream');
    await called(3);
    calls[2]!.end();
    expect(await next).toEqual({ revision: 0, position: 3 });
  });

  it('answers StoreUnavailableError when the sync fails, keeps the events in the log for its readers, and appends again after', async () => {
    const { sync, calls, called } = heldSync();
    const store = open(sync);
    const heard: number[] = [];
    store.onAppended((events) => heard.push(...events.map((e) => e.position)));
    const failed = store.append('case-1', [newEvent()], 'no_stream');
    await called(1);
    calls[0]!.fail(new Error('EIO: i/o error, fdatasync'));
    await expect(failed).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(failed).rejects.toThrow(/committed but its disk sync failed/);
    // Committed, so every reader sees it: the listeners too, or the read models would differ from the log.
    expect(await store.streamRevision('case-1')).toBe(0);
    expect(heard).toEqual([1]);
    const next = store.append('case-1', [newEvent()], 0);
    await called(2);
    calls[1]!.end();
    expect(await next).toEqual({ revision: 1, position: 2 });
  });

  it('repeats an idempotent answer only once the first one is durable', async () => {
    const { sync, calls, called } = heldSync();
    const store = open(sync);
    const idempotency = { subject: 'u', key: 'k', route: 'POST /x', bodyHash: 'h', answer: (r: unknown) => r };
    const appended = store.append('case-1', [newEvent()], 'no_stream', { idempotency });
    await called(1);
    let found = false;
    const lookup = store.findIdempotency('u', 'k').then((record) => ((found = true), record));
    await settle();
    expect(found).toBe(false);
    calls[0]!.end();
    await appended;
    expect((await lookup)?.answer).toEqual({ revision: 0, position: 1 });
  });

  it('closes only after the sync in flight has ended, and answers the append', async () => {
    const { sync, calls, called } = heldSync();
    const store = open(sync);
    const appended = store.append('case-1', [newEvent()], 'no_stream');
    await called(1);
    let closed = false;
    const closing = store.close().then(() => (closed = true));
    await settle();
    expect(closed).toBe(false);
    calls[0]!.end();
    await closing;
    expect(await appended).toEqual({ revision: 0, position: 1 });
  });

  it('syncs the real -wal file by default (a lone append in SQLite’s own FULL commit), and what it answered is there after reopening', async () => {
    const store = SqliteEventStore.open({ file, synchronous: 'FULL' });
    await store.append('case-alone', [newEvent()], 'no_stream');
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.append(`case-${i}`, [newEvent()], 'no_stream')));
    await store.append('case-alone', [newEvent()], 0);
    expect(store.connection().pragma('synchronous', { simple: true })).toBe(2);
    await store.close();
    const again = open(() => Promise.resolve());
    expect(await again.headPosition()).toBe(22);
  });
});

describe('a new citizen’s key on SQLite: written in the group commit, before the events sealed with it', () => {
  let dir: string;
  const opened: SqliteEventStore[] = [];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'brobygger-keys-batch-'));
  });
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const open = (walSync?: () => Promise<void>) => {
    const store = SqliteEventStore.open({ file: join(dir, 'brobygger.db'), synchronous: 'FULL', ...(walSync && { walSync }) });
    opened.push(store);
    return store;
  };

  it('shares the commit of the appends that arrive with it, and is answered at COMMIT, without waiting for the sync', async () => {
    const { sync, calls, called } = heldSync();
    const store = open(sync);
    const keys = sqliteStorage(store).citizenKeys;
    const citizenId = randomUUID();
    const before = store.stats();
    const appended = store.append('case-1', [newEvent()], 'no_stream');
    const key = await keys.ensure(citizenId);
    expect(store.stats().flushes - before.flushes).toBe(1);
    expect(key).toHaveLength(32);
    expect(await keys.get(citizenId)).toEqual(key);
    await called(1);
    calls[0]!.end();
    await appended;
  });

  it('hands out one key for a citizen asked for twice at once, and the key another connection stored first', async () => {
    const store = open();
    const keys = sqliteStorage(store).citizenKeys;
    const twice = randomUUID();
    const [a, b] = await Promise.all([keys.ensure(twice), keys.ensure(twice)]);
    expect(a).toEqual(b);
    const elsewhere = randomUUID();
    const other = open();
    // Ours is looked up (none yet) and waits for the next commit; the other connection stores its key meanwhile.
    const ours = keys.ensure(elsewhere);
    const theirs = await new SqliteCitizenKeys(other.connection()).ensure(elsewhere);
    expect(await ours).toEqual(theirs);
  });
});
