import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/config';
import { kurrentSideFile, openSideStorage, openStorage } from '../../src/storage/open-storage';
import { SqliteStorage } from '../../src/storage/sqlite.storage';
import { StoreUnavailableError } from '../../src/event-store/event-store.port';
import { KurrentDbEventStore } from '../../src/event-store/kurrentdb/kurrentdb.event-store';
import { newEvent } from './event-store.contract';

/** A port on 127.0.0.1 that nothing listens on (taken from the OS, then let go). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('opening the KurrentDB store (no server needed)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'brobygger-kurrent-open-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('needs KURRENTDB_URL, as a KurrentDB connection string', () => {
    expect(() => loadConfig({ EVENT_STORE: 'kurrentdb' })).toThrow(/KURRENTDB_URL/);
    expect(() => loadConfig({ EVENT_STORE: 'kurrentdb', KURRENTDB_URL: 'http://127.0.0.1:2113' })).toThrow(/connection string/);
    expect(loadConfig({ EVENT_STORE: 'kurrentdb', KURRENTDB_URL: 'kurrentdb://127.0.0.1:2113?tls=false' })).toMatchObject({ eventStore: 'kurrentdb', kurrentdbUrl: 'kurrentdb://127.0.0.1:2113?tls=false' });
    expect(loadConfig({ EVENT_STORE: 'kurrentdb', KURRENTDB_URL: 'esdb+discover://a:2113,b:2113' }).kurrentdbUrl).toBe('esdb+discover://a:2113,b:2113');
  });

  it('says where KurrentDB did not answer, and how to start one', async () => {
    const side = SqliteStorage.open({ file: join(dir, 'beside-kurrentdb.db') }, dir);
    const url = `kurrentdb://127.0.0.1:${await closedPort()}?tls=false`;
    await expect(KurrentDbEventStore.open({ url, side: side.side() })).rejects.toThrow(new RegExp(`KurrentDB at kurrentdb://127\\.0\\.0\\.1:\\d+\\?tls=false cannot be used: no answer.*docker compose up kurrentdb`));
    // The database beside it was closed with it.
    expect(() => side.events.connection()).toThrow(StoreUnavailableError);
  });

  it('loads the KurrentDB client only when EVENT_STORE=kurrentdb asks for it, and then opens it as configured', async () => {
    const url = `kurrentdb://127.0.0.1:${await closedPort()}?tls=false`;
    await expect(openStorage({ eventStore: 'kurrentdb', kurrentdbUrl: url, dataDir: dir, sqliteSynchronous: 'FULL', databaseSchema: 'brobygger' })).rejects.toThrow(
      /KurrentDB at kurrentdb:\/\/127\.0\.0\.1:\d+\?tls=false cannot be used: no answer/,
    );
  });

  it('refuses a database beside it that holds events of its own: its checkpoints count other positions', async () => {
    const side = SqliteStorage.open({ file: join(dir, 'brobygger.db') }, dir);
    await side.events.append('case-1', [newEvent()], 'no_stream');
    await expect(KurrentDbEventStore.open({ url: `kurrentdb://127.0.0.1:${await closedPort()}?tls=false`, side: side.side() })).rejects.toThrow(/holds events of its own/);
  });

  it('keeps read models, keys and idempotency records in a SQLite file of their own under DATA_DIR when DATABASE_URL is not set', async () => {
    const side = await openSideStorage({ dataDir: dir, sqliteSynchronous: 'FULL', databaseSchema: 'brobygger' });
    try {
      expect(side).toBeInstanceOf(SqliteStorage);
      expect((side as SqliteStorage).events.file).toBe(kurrentSideFile(dir));
      expect(kurrentSideFile(dir)).toBe(join(dir, 'beside-kurrentdb.db'));
    } finally {
      await side.close();
    }
  });
});
