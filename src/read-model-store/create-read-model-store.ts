import type { EventStore } from '../event-store/event-store.port';
import { PostgresEventStore } from '../event-store/postgres/postgres.event-store';
import { relationalHomeOf } from '../event-store/side-database';
import { SqliteEventStore } from '../event-store/sqlite/sqlite.event-store';
import { MemoryReadModelStore } from './memory-read-model.store';
import { PostgresReadModelStore } from './postgres-read-model.store';
import type { ReadModelStore } from './read-model-store.port';
import { SqliteReadModelStore } from './sqlite-read-model.store';

/** Read models live beside the events: in the SQLite file, in PostgreSQL, or in memory with the memory store. */
export function readModelStoreFor(store: EventStore): ReadModelStore {
  store = relationalHomeOf(store); // KurrentDB keeps them in the database beside it
  if (store instanceof SqliteEventStore) return new SqliteReadModelStore(store.connection());
  if (store instanceof PostgresEventStore) return new PostgresReadModelStore(store.connection(), store.schema);
  return new MemoryReadModelStore();
}
