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

  it('lets two appends to one stream in one commit see each other', async () => {
    const store = open();
    const id = `case-${randomUUID()}`;
    const [first, second] = await Promise.all([store.append(id, [newEvent()], 'no_stream'), store.append(id, [newEvent()], 0)]);
    expect([first.revision, second.revision]).toEqual([0, 1]);
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
