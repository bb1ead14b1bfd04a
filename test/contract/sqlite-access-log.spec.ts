import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite.event-store';
import { AccessEntry, SqliteAccessLogStore } from '../../src/privacy/access-log.store';
import { newEvent } from './event-store.contract';

const entry = (n: number, citizenIds = [`c-${n}`]): AccessEntry => ({ at: `2026-12-01T10:00:0${n}.000Z`, subject: 'anna', role: 'coordinator', route: 'GET /cases/:caseId/history', citizenIds });

/**
 * The access log's batches commit without a sync on the event loop
 * (synchronous=NORMAL for that transaction only) and sync the write-ahead log
 * from the thread pool before `append` resolves; the events' commits keep the
 * connection's setting.
 */
describe('SQLite access log: batches and the events’ synchronous setting', () => {
  let dir: string;
  let store: SqliteEventStore;
  let log: SqliteAccessLogStore;
  const synchronous = () => store.connection().pragma('synchronous', { simple: true });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'brobygger-access-log-'));
    store = SqliteEventStore.open({ file: join(dir, 'brobygger.db') });
    log = new SqliteAccessLogStore(store.connection());
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('given synchronous=FULL, when a batch is appended, then the connection is FULL again and every entry is there, seen from another connection', async () => {
    expect(synchronous()).toBe(2);
    await log.append([entry(1), entry(2, ['c-2', 'c-3'])]);
    expect(synchronous()).toBe(2);
    const other = new Database(join(dir, 'brobygger.db'), { readonly: true });
    try {
      expect(other.prepare('SELECT subject, route, citizen_ids FROM access_log ORDER BY id').all()).toEqual([
        { subject: 'anna', route: 'GET /cases/:caseId/history', citizen_ids: '["c-1"]' },
        { subject: 'anna', route: 'GET /cases/:caseId/history', citizen_ids: '["c-2","c-3"]' },
      ]);
    } finally {
      other.close();
    }
    await store.append('case-1', [newEvent()], 'no_stream');
    expect(synchronous()).toBe(2);
  });

  it('given entries naming several citizens, then each citizen finds the entries that name them, oldest first', async () => {
    await log.append([entry(1, ['c-1']), entry(2, ['c-1', 'c-2'])]);
    await log.append([entry(3, ['c-2'])]);
    expect((await log.forCitizen('c-1')).map((e) => e.at)).toEqual([entry(1).at, entry(2).at]);
    expect((await log.forCitizen('c-2')).map((e) => e.at)).toEqual([entry(2).at, entry(3).at]);
    expect(await log.forCitizen('c-9')).toEqual([]);
  });

  it('given a batch that cannot be written, then nothing of it is there and the connection is FULL again', async () => {
    const broken = { ...entry(1), subject: null as unknown as string }; // subject is NOT NULL
    // By its code: better-sqlite3's error class comes from whichever test file loaded the addon first in this worker, so `instanceof Error` may not hold.
    await expect(log.append([entry(1), broken])).rejects.toHaveProperty('code', 'SQLITE_CONSTRAINT_NOTNULL');
    expect(synchronous()).toBe(2);
    expect(await log.forCitizen('c-1')).toEqual([]);
  });
});
