import { join } from 'node:path';
import type { EventStore } from './event-store.port';
import { MemoryEventStore } from './memory/memory.event-store';
import { SqliteEventStore } from './sqlite/sqlite.event-store';

export interface EventStoreOptions {
  kind: 'sqlite' | 'memory';
  dataDir: string;
  synchronous: 'FULL' | 'NORMAL';
}

/** The embedded store's file under DATA_DIR. */
export const sqliteFile = (dataDir: string): string => join(dataDir, 'brobygger.db');

/** The store EVENT_STORE names. */
export function createEventStore({ kind, dataDir, synchronous }: EventStoreOptions): EventStore {
  if (kind === 'memory') return new MemoryEventStore();
  return SqliteEventStore.open({ file: sqliteFile(dataDir), synchronous });
}
