import type { Role } from '../../domain/shared/codes';

/**
 * The event store port. Every adapter (memory, sqlite, and later postgres and
 * kurrentdb) passes the same contract suite in test/contract/.
 *
 * Revisions count from 0 per stream (as in KurrentDB). Positions are the global
 * order: ordered, comparable, but not promised to be dense.
 */

export type ExpectedRevision = number | 'no_stream' | 'any';

export interface EventMetadata {
  eventId: string;
  /** The command that caused the event; the idempotency unit. */
  commandId: string;
  correlationId: string;
  causationId: string;
  actor: { id: string; role: Role | 'system' };
  /** Business time: when the thing happened in the world (ISO 8601). */
  occurredAt: string;
}

export interface NewEvent {
  type: string;
  data: unknown;
  metadata: EventMetadata;
  /** Schema version of `data`; 1 unless an event's shape has changed. */
  schemaVersion?: number;
}

export interface StoredEvent {
  streamId: string;
  type: string;
  data: unknown;
  metadata: EventMetadata;
  schemaVersion: number;
  revision: number;
  position: number;
  /** When the store committed it (ISO 8601, UTC). */
  recordedAt: string;
}

export interface AppendResult {
  /** Revision of the last event appended: the stream's new revision. */
  revision: number;
  /** Global position of the last event appended. */
  position: number;
}

/**
 * A remembered answer to a command sent with an `Idempotency-Key`.
 * Holds ids and revisions only, never personal data.
 */
export interface IdempotencyRecord {
  key: string;
  /** Who sent it (the actor id); keys are scoped per subject. */
  subject: string;
  route: string;
  bodyHash: string;
  answer: unknown;
  at: string;
}

export interface AppendOptions {
  /**
   * Written in the same transaction as the events, so a retried command either
   * finds its answer or finds nothing was appended. `answer` receives the append
   * result (the revision and position are known only inside the transaction).
   */
  idempotency?: Omit<IdempotencyRecord, 'answer' | 'at'> & { answer: (result: AppendResult) => unknown };
  /**
   * A citizen's new key that the events are sealed with, stored in the same
   * statement as the events if the citizen has no key yet (one round trip for a
   * new case instead of two). If the citizen has a key already (another writer
   * stored one first), nothing is appended: CitizenKeyTakenError. Only a store
   * that `storesCitizenKeys` (see `citizenKeysWithAppend`) takes it; the others refuse the append.
   */
  citizenKey?: NewCitizenKey;
}

export interface NewCitizenKey {
  citizenId: string;
  key: Buffer;
}

/** A store that writes a citizen's new key in the append's own statement (AppendOptions.citizenKey): PostgreSQL. */
export interface StoresCitizenKeys {
  readonly storesCitizenKeys: true;
}

export const citizenKeysWithAppend = (store: EventStore): boolean => (store as Partial<StoresCitizenKeys>).storesCitizenKeys === true;

export interface ReadStreamOptions {
  fromRevision?: number;
  /** Only events recorded at or before this instant (ISO 8601): "what did we know then". */
  recordedUntil?: string;
}

export type AppendListener = (events: readonly StoredEvent[]) => void;

export interface EventStore {
  /**
   * Atomic: all events or none. Throws ConcurrencyError (domain/shared/errors)
   * when the stream is not at `expected`, IdempotencyKeyTakenError when the key
   * was committed concurrently, StoreUnavailableError when the storage fails.
   * Resolves only once the events are durable.
   */
  append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision, options?: AppendOptions): Promise<AppendResult>;
  /** The stream's events in revision order; empty when the stream does not exist. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;
  /** Events with position ≥ fromPosition, in global order, at most `limit`. */
  readAll(fromPosition: number, limit: number): Promise<StoredEvent[]>;
  /** The stream's current revision, or 'no_stream'. */
  streamRevision(streamId: string): Promise<number | 'no_stream'>;
  /** Position of the last committed event (0 when empty). */
  headPosition(): Promise<number>;
  findIdempotency(subject: string, key: string): Promise<IdempotencyRecord | undefined>;
  /** Called after each commit with the events it made durable (in-process appends only). */
  onAppended(listener: AppendListener): () => void;
  /** Resolves when the store answers (for /health). */
  ping(): Promise<void>;
  /** Drains pending appends, then releases the storage. */
  close(): Promise<void>;
}

/**
 * What a rebuild reads the log through when the store offers it: a range of
 * positions, only the events of the types some projection wants, each event's
 * `data` and `metadata` parsed when a reducer first reads them. The rows no
 * projection wants never leave the database, and the metadata most reducers
 * never look at is never parsed.
 */
export interface RangeReadable {
  /**
   * Events with fromPosition ≤ position ≤ toPosition whose type is in `types`, in
   * global order. Every event in the range is committed (toPosition ≤ the head).
   * The events are for reducers: `data` and `metadata` are accessors, so a
   * spread or JSON.stringify of one does not copy them.
   */
  readRange(fromPosition: number, toPosition: number, types: ReadonlySet<string>): Promise<StoredEvent[]>;
}

export const rangeReaderOf = (store: EventStore): RangeReadable | undefined =>
  typeof (store as Partial<RangeReadable>).readRange === 'function' ? (store as unknown as RangeReadable) : undefined;

/** The same idempotency key was committed by a concurrent request; re-read it with findIdempotency. */
export class IdempotencyKeyTakenError extends Error {
  constructor(
    readonly subject: string,
    readonly key: string,
  ) {
    super(`idempotency key ${key} was already used`);
    this.name = 'IdempotencyKeyTakenError';
  }
}

/** The citizen of AppendOptions.citizenKey has another key already (it lost a race): nothing was appended; seal again with theirs. */
export class CitizenKeyTakenError extends Error {
  constructor(readonly citizenId: string) {
    super(`citizen ${citizenId} has a key already`);
    this.name = 'CitizenKeyTakenError';
  }
}

/** An `Idempotency-Key` was used before with another request (another body or route). 422. */
export class IdempotencyMismatchError extends Error {
  constructor(readonly key: string) {
    // The key is only its stored hash here, which the client would not recognise.
    super('this Idempotency-Key was already used with another request');
    this.name = 'IdempotencyMismatchError';
  }
}

/** The storage cannot take writes or reads right now (disk full, read-only, locked, closed). 503. */
export class StoreUnavailableError extends Error {
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'StoreUnavailableError';
  }
}

export const EVENT_STORE = Symbol('EVENT_STORE');
