import { dirname } from 'node:path';
import type { PostgresEventStore } from '../../src/event-store/postgres/postgres.event-store';
import type { SqliteEventStore } from '../../src/event-store/sqlite/sqlite.event-store';
import { PostgresStorage } from '../../src/storage/postgres.storage';
import { SqliteStorage } from '../../src/storage/sqlite.storage';

/** The sqlite storage module over a store a test opened (its secrets beside the file, as under DATA_DIR). */
export const sqliteStorage = (store: SqliteEventStore): SqliteStorage => new SqliteStorage(store, dirname(store.file));

/** The postgres storage module over a store a test opened; `dataDir`: where secret files would be adopted from. */
export const postgresStorage = (store: PostgresEventStore, dataDir: string): PostgresStorage => new PostgresStorage(store, dataDir);
