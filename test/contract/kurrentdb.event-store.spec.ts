import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore } from '../../src/event-store/event-store.port';
import { KurrentDbEventStore } from '../../src/event-store/kurrentdb/kurrentdb.event-store';
import { SqliteStorage } from '../../src/storage/sqlite.storage';
import { describeKurrentDb } from '../support/kurrentdb';
import { eventStoreContract } from './event-store.contract';

/**
 * The same contract on KurrentDB (KURRENTDB_URL), with the idempotency records
 * in a SQLite file of its own per store. Streams are fresh per test, so the
 * suite runs against a server that already holds events.
 */
describeKurrentDb('KurrentDB store', (url) => {
  eventStoreContract('kurrentdb', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'brobygger-kurrentdb-'));
    const open = () => KurrentDbEventStore.open({ url, side: SqliteStorage.open({ file: join(dir, 'beside-kurrentdb.db') }, dir).side() });
    let store: EventStore = await open();
    return {
      store,
      reopen: async () => {
        await store.close();
        store = await open();
        return store;
      },
      cleanup: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  });
});
