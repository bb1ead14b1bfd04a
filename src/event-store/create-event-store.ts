import { join } from 'node:path';
import type { AppConfig } from '../config/config';
import type { EventStore } from './event-store.port';
import type { SideDatabase } from './kurrentdb/kurrentdb.event-store';
import { MemoryEventStore } from './memory/memory.event-store';
import { PostgresEventStore } from './postgres/postgres.event-store';
import { SqliteEventStore } from './sqlite/sqlite.event-store';

/** The embedded store's file under DATA_DIR. */
export const sqliteFile = (dataDir: string): string => join(dataDir, 'brobygger.db');

/** With EVENT_STORE=kurrentdb and no DATABASE_URL: the SQLite file beside KurrentDB (read models, keys, access log, idempotency). */
export const kurrentSideFile = (dataDir: string): string => join(dataDir, 'beside-kurrentdb.db');

type StoreConfig = Pick<AppConfig, 'eventStore' | 'dataDir' | 'sqliteSynchronous' | 'databaseUrl' | 'databaseSchema' | 'kurrentdbUrl'>;

/** The store EVENT_STORE names, opened (and its schema migrated). */
export async function createEventStore(config: StoreConfig): Promise<EventStore> {
  switch (config.eventStore) {
    case 'memory':
      return new MemoryEventStore();
    case 'postgres':
      if (!config.databaseUrl) throw new Error('EVENT_STORE=postgres needs DATABASE_URL');
      return PostgresEventStore.open({ connectionString: config.databaseUrl, schema: config.databaseSchema });
    case 'sqlite':
      return SqliteEventStore.open({ file: sqliteFile(config.dataDir), synchronous: config.sqliteSynchronous });
    case 'kurrentdb': {
      if (!config.kurrentdbUrl) throw new Error('EVENT_STORE=kurrentdb needs KURRENTDB_URL');
      // Loaded only when configured: the KurrentDB client and its gRPC stack take ~200 ms to load.
      const { KurrentDbEventStore } = await import('./kurrentdb/kurrentdb.event-store');
      return KurrentDbEventStore.open({ url: config.kurrentdbUrl, side: await openSideDatabase(config) });
    }
  }
}

/** Beside KurrentDB: PostgreSQL when DATABASE_URL is set (several application processes), else one SQLite file under DATA_DIR. */
export async function openSideDatabase(config: Pick<AppConfig, 'dataDir' | 'sqliteSynchronous' | 'databaseUrl' | 'databaseSchema'>): Promise<SideDatabase> {
  if (config.databaseUrl) return PostgresEventStore.open({ connectionString: config.databaseUrl, schema: config.databaseSchema });
  return SqliteEventStore.open({ file: kurrentSideFile(config.dataDir), synchronous: config.sqliteSynchronous });
}
