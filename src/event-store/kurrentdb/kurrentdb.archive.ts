import { NO_STREAM, type KurrentDBClient } from '@kurrent/kurrentdb-client';
import type { StorageArchive } from '../archive.port';
import type { IdempotencyRecord, StoredEvent } from '../event-store.port';
import { asConcurrencyError, toEventData, uuidV5 } from './kurrentdb.events';
import { countOurs } from './kurrentdb.reads';

type AccessEntry = { at: string; subject: string; role: string; route: string; citizenIds: string[] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** For an imported event whose id is not a UUID (KurrentDB wants one): a name-based one. */
const IMPORTED_ID_NAMESPACE = '4b0f5a2e-8d3c-4e71-b6a9-0c2e7d15f8a3';

/**
 * What `cli migrate` reads and writes on KurrentDB. Events go in as they were:
 * KurrentDB's event id is the event's own `metadata.eventId`, each stream's
 * events are appended at the revision they had (so a page sent again is refused
 * or recognised, never written twice), and the recorded time travels in the
 * metadata. Everything else lives in the database beside KurrentDB.
 */
export class KurrentArchive implements StorageArchive {
  constructor(
    private readonly client: KurrentDBClient,
    private readonly side: StorageArchive,
    /** Tells the store's subscribers that events arrived. */
    private readonly imported: () => void,
  ) {}

  eventCount(): Promise<number> {
    return countOurs(this.client);
  }

  /**
   * In global order, one append per run of events of one stream. KurrentDB has
   * no transaction across streams: an interrupted call leaves a prefix of the
   * events, which is what `cli migrate` resumes from.
   */
  async importEvents(events: readonly StoredEvent[]): Promise<void> {
    for (let start = 0; start < events.length; ) {
      const streamId = events[start]!.streamId;
      let end = start + 1;
      while (end < events.length && events[end]!.streamId === streamId) end += 1;
      const run = events.slice(start, end);
      const first = run[0]!;
      const data = run.map((event) => toEventData(event, UUID.test(event.metadata.eventId) ? event.metadata.eventId : uuidV5(event.metadata.eventId, IMPORTED_ID_NAMESPACE), event.recordedAt));
      const expected = first.revision === 0 ? 'no_stream' : first.revision - 1;
      try {
        await this.client.appendToStream(streamId, data, { streamState: expected === 'no_stream' ? NO_STREAM : BigInt(expected) });
      } catch (error) {
        throw asConcurrencyError(error, streamId, expected);
      }
      start = end;
    }
    if (events.length > 0) this.imported();
  }

  idempotencyRecords(): Promise<IdempotencyRecord[]> {
    return this.side.idempotencyRecords();
  }

  importIdempotency(records: readonly IdempotencyRecord[]): Promise<void> {
    return this.side.importIdempotency(records);
  }

  rehashIdempotencyKeys(digest: (key: string) => string): Promise<number> {
    return this.side.rehashIdempotencyKeys(digest);
  }

  citizenKeys(): Promise<Array<{ citizenId: string; key: Buffer }>> {
    return this.side.citizenKeys();
  }

  importCitizenKeys(keys: ReadonlyArray<{ citizenId: string; key: Buffer }>): Promise<void> {
    return this.side.importCitizenKeys(keys);
  }

  accessLog(): Promise<AccessEntry[]> {
    return this.side.accessLog();
  }

  accessLogCount(): Promise<number> {
    return this.side.accessLogCount();
  }

  importAccessLog(entries: readonly AccessEntry[]): Promise<void> {
    return this.side.importAccessLog(entries);
  }
}
