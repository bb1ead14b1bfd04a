import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '../event-store/event-store.port';
import { PostgresEventStore } from '../event-store/postgres/postgres.event-store';
import { relationalHomeOf } from '../event-store/side-database';
import { SqliteEventStore } from '../event-store/sqlite/sqlite.event-store';
import { AccessEntry, AccessLogStore, MemoryAccessLogStore, PostgresAccessLogStore, SqliteAccessLogStore } from './access-log.store';

/**
 * Entries are written in batches so that a read never waits for a disk sync:
 * at most FLUSH_MS of them can be lost if the process crashes. A request for a
 * citizen's log writes what is pending first.
 */
const FLUSH_MS = 500;

export function accessLogStoreFor(store: EventStore): AccessLogStore {
  store = relationalHomeOf(store); // KurrentDB keeps it in the database beside it
  if (store instanceof SqliteEventStore) return new SqliteAccessLogStore(store.connection());
  if (store instanceof PostgresEventStore) return new PostgresAccessLogStore(store.connection(), store.schema);
  return new MemoryAccessLogStore();
}

@Injectable()
export class AccessLogService implements OnApplicationShutdown {
  private readonly logger = new Logger('AccessLog');
  private readonly store: AccessLogStore;
  private pending: AccessEntry[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(@Inject(EVENT_STORE) events: EventStore) {
    this.store = accessLogStoreFor(events);
    this.timer = setInterval(() => void this.flush(), FLUSH_MS).unref();
  }

  record(entry: AccessEntry): void {
    this.pending.push(entry);
  }

  async forCitizen(citizenId: string): Promise<AccessEntry[]> {
    await this.flush();
    return this.store.forCitizen(citizenId);
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    try {
      await this.store.append(batch);
    } catch (error) {
      // Keep them for the next try rather than lose the record of who read what.
      this.pending = [...batch, ...this.pending];
      this.logger.warn({ msg: 'access log not written yet', entries: batch.length, error: error instanceof Error ? error.message : String(error) });
    }
  }

  // Runs before the store closes (the store's module is imported first, so it shuts down last).
  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}
