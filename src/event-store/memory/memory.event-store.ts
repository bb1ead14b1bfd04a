import { ConcurrencyError } from '../../../domain/shared/errors';
import {
  AppendOptions,
  AppendResult,
  EventStore,
  ExpectedRevision,
  IdempotencyKeyTakenError,
  IdempotencyRecord,
  NewEvent,
  ReadStreamOptions,
  StoreUnavailableError,
  StoredEvent,
} from '../event-store.port';
import { AppendListeners, assertAppendable } from '../listeners';
import { upcast } from '../upcasters';

/**
 * The store in memory: the same contract as SQLite, for tests and for trying the
 * service out (`EVENT_STORE=memory`). Nothing survives a restart. Events are
 * copied in and out, so no caller can change what is stored.
 */
export class MemoryEventStore implements EventStore {
  private readonly events: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly idempotency = new Map<string, IdempotencyRecord>();
  private readonly listeners = new AppendListeners();
  private closed = false;

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision, options: AppendOptions = {}): Promise<AppendResult> {
    this.assertOpen();
    assertAppendable(events, options);
    const stream = this.streams.get(streamId) ?? [];
    const actual = stream.length === 0 ? 'no_stream' : stream.length - 1;
    if (expected !== 'any' && expected !== actual) throw new ConcurrencyError(streamId, expected, actual);
    const { idempotency } = options;
    const idempotencyId = idempotency && `${idempotency.subject}\u0000${idempotency.key}`;
    if (idempotencyId && this.idempotency.has(idempotencyId)) throw new IdempotencyKeyTakenError(idempotency.subject, idempotency.key);

    const recordedAt = new Date().toISOString();
    const stored = events.map(
      (event, index): StoredEvent => ({
        streamId,
        type: event.type,
        data: structuredClone(event.data),
        metadata: structuredClone(event.metadata),
        schemaVersion: event.schemaVersion ?? 1,
        revision: stream.length + index,
        position: this.events.length + index + 1,
        recordedAt,
      }),
    );
    this.events.push(...stored);
    this.streams.set(streamId, [...stream, ...stored]);
    const last = stored[stored.length - 1]!;
    const result = { revision: last.revision, position: last.position };
    if (idempotency && idempotencyId) {
      const { key, subject, route, bodyHash } = idempotency;
      this.idempotency.set(idempotencyId, { key, subject, route, bodyHash, answer: structuredClone(idempotency.answer(result)), at: recordedAt });
    }
    this.listeners.notify(stored.map((event) => structuredClone(event)));
    return result;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    const from = options.fromRevision ?? 0;
    const until = options.recordedUntil === undefined ? undefined : Date.parse(options.recordedUntil);
    return (this.streams.get(streamId) ?? [])
      .filter((event) => event.revision >= from && (until === undefined || Date.parse(event.recordedAt) <= until))
      .map((event) => upcast(structuredClone(event)));
  }

  async readAll(fromPosition: number, limit: number): Promise<StoredEvent[]> {
    this.assertOpen();
    const start = Math.max(0, fromPosition - 1);
    return this.events.slice(start, start + limit).map((event) => upcast(structuredClone(event)));
  }

  async streamRevision(streamId: string): Promise<number | 'no_stream'> {
    this.assertOpen();
    const stream = this.streams.get(streamId);
    return stream ? stream.length - 1 : 'no_stream';
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    return this.events.length;
  }

  async findIdempotency(subject: string, key: string): Promise<IdempotencyRecord | undefined> {
    this.assertOpen();
    const record = this.idempotency.get(`${subject}\u0000${key}`);
    return record && structuredClone(record);
  }

  onAppended(listener: (events: readonly StoredEvent[]) => void): () => void {
    return this.listeners.add(listener);
  }

  async ping(): Promise<void> {
    this.assertOpen();
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreUnavailableError('the event store is closed');
  }
}
