import { BACKWARDS, END, KurrentDBClient, UnavailableError, excludeSystemEvents, type AllStreamSubscription } from '@kurrent/kurrentdb-client';
import { ConcurrencyError } from '../../../domain/shared/errors';
import {
  AppendListener,
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
import { errorMessage as message, redactUrl as redact } from '../describe';
import { AppendListeners, assertAppendable } from '../listeners';
import type { StorageArchive } from '../archive.port';
import { OrderedReporter } from '../ordered-reporter';
import type { SideDatabase } from '../side-database';
import { KurrentArchive } from './kurrentdb.archive';
import { appendToKurrent } from './kurrentdb.append';
import { KurrentIdempotency } from './kurrentdb.idempotency';
import { lastOurs, readOurs, readStreamEvents } from './kurrentdb.reads';

export interface KurrentDbOptions {
  /** KURRENTDB_URL, e.g. `kurrentdb://127.0.0.1:2113?tls=false`. */
  url: string;
  /** The relational database beside it (a sqlite or postgres storage module's), opened by the caller; owned (and closed) by the store from then on. */
  side: SideDatabase;
}

/** After a failed subscription (the server restarting, say), subscribe again this much later. */
const RESUBSCRIBE_MS = 1000;

/**
 * The event store on KurrentDB (EventStoreDB's current name), for deployments
 * that want a clustered, purpose-built store. One stream per case, as the port
 * names them; KurrentDB checks the expected revision; `$all` is the global
 * order, its positions mapped to the port's integers (kurrentdb.positions.ts).
 * What KurrentDB cannot hold in one transaction with the events (the
 * idempotency records) and what is not events (read models, keys, the access
 * log) lives in a relational database beside it. docs/adr/0007-kurrentdb-store.md.
 */
export class KurrentDbEventStore implements EventStore {
  private readonly listeners = new AppendListeners();
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly reporter: OrderedReporter;
  private subscription: AllStreamSubscription | undefined;
  private resubscribe: NodeJS.Timeout | undefined;
  private closed = false;

  private constructor(
    private readonly client: KurrentDBClient,
    /** The relational database beside KurrentDB (its own events table stays empty). */
    private readonly side: SideDatabase,
    private readonly idempotency: KurrentIdempotency,
  ) {
    // Reads on past close(), so an append still in flight then is reported too.
    this.reporter = new OrderedReporter((from) => readOurs(client, from, 1000), this.listeners);
  }

  static async open({ url, side }: KurrentDbOptions): Promise<KurrentDbEventStore> {
    let client: KurrentDBClient | undefined;
    try {
      // A database that holds events of its own belongs to a sqlite or postgres store: its checkpoints count other positions.
      if ((await side.headPosition()) > 0) throw new Error('the database beside KurrentDB holds events of its own (it belongs to a sqlite or postgres store); give KurrentDB a database or schema of its own');
      client = KurrentDBClient.connectionString(url);
      const claims = await side.claims();
      const connected = client;
      const idempotency = new KurrentIdempotency(claims, side, side.archive, async (streamId, commandId) =>
        (await readStreamEvents(connected, streamId)).filter((event) => event.metadata.commandId === commandId),
      );
      const store = new KurrentDbEventStore(client, side, idempotency);
      store.reporter.reported = (await lastOurs(client))?.position ?? 0;
      return store;
    } catch (error) {
      await client?.dispose().catch(() => undefined);
      await side.close().catch(() => undefined);
      const why = error instanceof UnavailableError ? 'no answer (is it running? `docker compose up kurrentdb`)' : message(error);
      throw new StoreUnavailableError(`KurrentDB at ${redact(url)} cannot be used: ${why}`, error);
    }
  }

  append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision, options: AppendOptions = {}): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new StoreUnavailableError('the event store is closed'));
    try {
      assertAppendable(events, options);
    } catch (error) {
      return Promise.reject(error);
    }
    const work = this.write(streamId, events, expected, options);
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work)).catch(() => undefined);
    return work;
  }

  private async write(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision, { idempotency }: AppendOptions): Promise<AppendResult> {
    // Accepted before close(): finished even if close() is called meanwhile.
    const claim = idempotency && (await translate(() => this.idempotency.begin(idempotency, streamId, events[0]!.metadata.commandId)));
    let stored: StoredEvent[];
    try {
      stored = await appendToKurrent(this.client, streamId, events, expected);
    } catch (error) {
      // Refused: nothing was appended, so the key is free. Any other failure leaves the outcome open: the claim says where to look.
      if (claim && error instanceof ConcurrencyError) await this.idempotency.abandon(claim).catch(() => undefined);
      throw error;
    }
    const last = stored[stored.length - 1]!;
    const result = { revision: last.revision, position: last.position };
    if (claim && idempotency) await translate(() => this.idempotency.finish(claim, idempotency.answer(result)));
    await this.reporter.reportOwn(stored);
    return result;
  }

  async readStream(streamId: string, { fromRevision = 0, recordedUntil }: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const events = await this.guard(() => readStreamEvents(this.client, streamId, { fromRevision: BigInt(fromRevision) }));
    if (recordedUntil === undefined) return events;
    const until = Date.parse(recordedUntil);
    return events.filter((event) => Date.parse(event.recordedAt) <= until);
  }

  readAll(fromPosition: number, limit: number): Promise<StoredEvent[]> {
    return this.guard(() => readOurs(this.client, fromPosition, limit));
  }

  async streamRevision(streamId: string): Promise<number | 'no_stream'> {
    const [last] = await this.guard(() => readStreamEvents(this.client, streamId, { direction: BACKWARDS, fromRevision: END, maxCount: 1 }));
    return last ? last.revision : 'no_stream';
  }

  async headPosition(): Promise<number> {
    return (await this.guard(() => lastOurs(this.client)))?.position ?? 0;
  }

  findIdempotency(subject: string, key: string): Promise<IdempotencyRecord | undefined> {
    return this.guard(() => this.idempotency.find(subject, key));
  }

  /** Subscribers hear of every event once, in order, also those other processes append (woken by a subscription to `$all`). */
  onAppended(listener: AppendListener): () => void {
    this.watch();
    return this.listeners.add(listener);
  }

  /** Events in KurrentDB, everything else in the database beside it (src/storage/kurrentdb.storage.ts hands it out). */
  archive(): StorageArchive {
    return new KurrentArchive(this.client, this.side.archive, () => void this.reporter.report());
  }

  async ping(): Promise<void> {
    await this.guard(async () => {
      for await (const _ of this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1, deadline: 5000 })) break;
      await this.side.ping();
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([...this.inFlight]);
    clearTimeout(this.resubscribe);
    await this.reporter.stop();
    await this.subscription?.unsubscribe().catch(() => undefined);
    await this.client.dispose().catch(() => undefined);
    await this.side.close();
  }

  /** Wakes the reporter for events from any process; subscribes again after a failure. */
  private watch(): void {
    if (this.subscription || this.closed) return;
    const subscription = this.client.subscribeToAll({ fromPosition: END, filter: excludeSystemEvents() });
    // Ended by the server (a restart, a leader change) or failed: subscribe again, and read what came meanwhile.
    const again = () => {
      if (this.subscription !== subscription) return;
      this.subscription = undefined;
      if (this.closed) return;
      this.resubscribe = setTimeout(() => {
        this.watch();
        void this.reporter.report();
      }, RESUBSCRIBE_MS).unref();
    };
    subscription.on('data', () => void this.reporter.report());
    subscription.on('error', again);
    subscription.on('end', again);
    this.subscription = subscription;
  }

  /** Refuses once closed; failures of the storage leave as StoreUnavailableError (503). */
  private guard<T>(work: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new StoreUnavailableError('the event store is closed'));
    return translate(work);
  }
}

/** The port's own errors as they are; any other failure as StoreUnavailableError. */
async function translate<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof StoreUnavailableError || error instanceof IdempotencyKeyTakenError || error instanceof ConcurrencyError) throw error;
    throw new StoreUnavailableError(`KurrentDB did not answer: ${message(error)}`, error);
  }
}
