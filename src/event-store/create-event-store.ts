import { join } from 'node:path';
import type { AppConfig } from '../config/config';
import type { EventStore } from './event-store.port';
import { MemoryEventStore } from './memory/memory.event-store';
import { PostgresEventStore } from './postgres/postgres.event-store';
import { SqliteEventStore } from './sqlite/sqlite.event-store';

/** The embedded store's file under DATA_DIR. */
export const sqliteFile = (dataDir: string): string => join(dataDir, 'brobygger.db');

/** The store EVENT_STORE names, opened (and its schema migrated). */
export async function createEventStore(config: Pick<AppConfig, 'eventStore' | 'dataDir' | 'sqliteSynchronous' | 'databaseUrl' | 'databaseSchema'>): Promise<EventStore> {
  switch (config.eventStore) {
    case 'memory':
      return new MemoryEventStore();
    case 'postgres':
      if (!config.databaseUrl) throw new Error('EVENT_STORE=postgres needs DATABASE_URL');
      return PostgresEventStore.open({ connectionString: config.databaseUrl, schema: config.databaseSchema });
    case 'sqlite':
      return SqliteEventStore.open({ file: sqliteFile(config.dataDir), synchronous: config.sqliteSynchronous });
  }
}
