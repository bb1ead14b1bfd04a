import { dirname } from 'node:path';
import type { EventStore } from '../../src/event-store/event-store.port';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres.event-store';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite.event-store';
import type { Storage } from '../../src/storage/storage.port';
import { PostgresStorage } from '../../src/storage/postgres.storage';
import { SqliteStorage } from '../../src/storage/sqlite.storage';

/** The sqlite storage module over a store a test opened (its secrets beside the file, as under DATA_DIR). */
export const sqliteStorage = (store: SqliteEventStore): SqliteStorage => new SqliteStorage(store, dirname(store.file));

/** The postgres storage module over a store a test opened; `dataDir`: where secret files would be adopted from. */
export const postgresStorage = (store: PostgresEventStore, dataDir: string): PostgresStorage => new PostgresStorage(store, dataDir);

/** The storage module of a SQLite or PostgreSQL store a test opened, for specs written against either. */
export function storageOf(store: EventStore, dataDir = '/nonexistent'): Storage {
  if (store instanceof SqliteEventStore) return sqliteStorage(store);
  if (store instanceof PostgresEventStore) return postgresStorage(store, dataDir);
  throw new Error('storageOf: a SQLite or PostgreSQL store');
}
