import type { IdempotencyRecord, StoredEvent } from './event-store.port';

/**
 * The archive and migration port: what `cli migrate` and the start's upgrade
 * steps need of a storage module beyond the event-store port. Events written
 * as they were (revisions, metadata and recorded time kept; positions in the
 * same order), the idempotency records, the citizens' keys and the access log.
 * Each storage module (src/storage/) provides it; the memory module has none.
 */
export interface StorageArchive {
  /** How many events the store holds. */
  eventCount(): Promise<number>;
  /** Appends events exactly as given, in order, in one transaction. */
  importEvents(events: readonly StoredEvent[]): Promise<void>;
  idempotencyRecords(): Promise<IdempotencyRecord[]>;
  /** Adds records not already held (by subject and key). */
  importIdempotency(records: readonly IdempotencyRecord[]): Promise<void>;
  /**
   * Keys are stored as a keyed hash (64 lower-case hex digits, src/http/idempotency-keys.ts);
   * an earlier version stored the client's key itself. Replaces each such key with
   * `digest(key)` (a record whose hash is already held is dropped) and answers how many.
   */
  rehashIdempotencyKeys(digest: (key: string) => string): Promise<number>;
  /** The citizens' keys (without them a copy of sealed events could never be read). */
  citizenKeys(): Promise<Array<{ citizenId: string; key: Buffer }>>;
  /** Adds keys not already held; never replaces one. */
  importCitizenKeys(keys: ReadonlyArray<{ citizenId: string; key: Buffer }>): Promise<void>;
  /** The access log in the order it was written. */
  accessLog(): Promise<Array<{ at: string; subject: string; role: string; route: string; citizenIds: string[] }>>;
  accessLogCount(): Promise<number>;
  /** Appends entries (the caller passes only those the target lacks). */
  importAccessLog(entries: ReadonlyArray<{ at: string; subject: string; role: string; route: string; citizenIds: string[] }>): Promise<void>;
}
