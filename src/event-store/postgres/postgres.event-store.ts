import type { Pool } from 'pg';
import { pg } from './pg-driver';
import { ConcurrencyError } from '../../../domain/shared/errors';
import {
  AppendListener,
  AppendOptions,
  AppendResult,
  CitizenKeyTakenError,
  EventStore,
  ExpectedRevision,
  IdempotencyKeyTakenError,
  IdempotencyRecord,
  NewEvent,
  ReadStreamOptions,
  StoreUnavailableError,
  StoredEvent,
  StoresCitizenKeys,
} from '../event-store.port';
import type { StorageArchive } from '../archive.port';
import { AppendListeners, assertAppendable } from '../listeners';
import { AppendOutcome, AppendStatements, appendStatements, runAppend } from './postgres.append';
import { OrderedReporter } from '../ordered-reporter';
import { NotificationListener } from './postgres.listener';
import { PostgresArchive } from './postgres.archive';
import { ident, migrate } from './postgres.schema';
import { COLUMNS, EventRow, toStoredEvent } from './postgres.rows';
import { inTransaction, isRevisionRace } from './postgres.transaction';
import { errorMessage as message, redactUrl as redact } from '../describe';

export interface PostgresOptions {
  connectionString: string;
  /** Tables live in this schema (default `brobygger`); tests use one each. */
  schema?: string;
  poolSize?: number;
}

/**
 * The event store on PostgreSQL, for several application processes on one
 * database. Appends are atomic with their idempotency record; `readAll` shows
 * only events below the oldest transaction still in flight, so an event that
 * commits late is never skipped; subscribers in every process are woken by
 * LISTEN/NOTIFY and hear of every event once, in order.
 */
export class PostgresEventStore implements EventStore, StoresCitizenKeys {
  /** A new case's key goes in its first append's statement (AppendOptions.citizenKey). */
  readonly storesCitizenKeys = true;
  private readonly listeners = new AppendListeners();
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly s: string;
  private readonly channel: string;
  private readonly appendSql: AppendStatements;
  private readonly reporter: OrderedReporter;
  private readonly archiveOps: PostgresArchive;
  private readonly listener: NotificationListener;
  private closed = false;

  private constructor(
    private readonly pool: Pool,
    readonly schema: string,
    /** For the projection leases' own connection; never logged (it may hold a password). */
    readonly connectionString: string,
  ) {
    this.s = ident(schema);
    this.channel = `brobygger_${schema}`.slice(0, 63);
    this.appendSql = appendStatements(this.s);
    this.reporter = new OrderedReporter((from) => this.readAll(from, 1000), this.listeners);
    this.archiveOps = new PostgresArchive(pool, this.s, this.channel);
    this.listener = new NotificationListener(
      connectionString,
      this.channel,
      (payload, own) => this.heard(payload, own),
      // Whatever was notified while the connection was down: read on from the last event reported.
      () => void this.reporter.report(),
    );
  }

  /**
   * A NOTIFY on the channel: read only for what is news here, and never on a command's path.
   * `own`: from an append on the listening connection, which reports its events itself (or,
   * if its answer is lost with the connection, the reconnection reads on from what was reported).
   */
  private heard(payload: string | undefined, own: boolean): void {
    if (own) return;
    const position = payload !== undefined && /^\d+$/.test(payload) ? Number(payload) : undefined;
    // Our own appends are reported as they commit.
    if (position !== undefined && position <= this.reporter.reported) return;
    // The NOTIFY of our own append often arrives before the append's answer: reading now would put a
    // round trip on that command's path. Let the appends in flight report themselves, then read what is left.
    if (position !== undefined && this.inFlight.size > 0) {
      void Promise.allSettled([...this.inFlight]).then(() => {
        if (this.reporter.reported < position) void this.reporter.report();
      });
      return;
    }
    void this.reporter.report();
  }

  static async open({ connectionString, schema = 'brobygger', poolSize = 10 }: PostgresOptions): Promise<PostgresEventStore> {
    const pool = new (pg().Pool)({ connectionString, max: poolSize });
    // A dropped idle connection must not crash the process: the pool replaces it.
    pool.on('error', () => undefined);
    // Nor one dropped while checked out between two queries (a terminated backend, a restart): pg emits
    // 'error' on the client then, with nobody listening. The next query on it fails, and the pool discards it.
    pool.on('connect', (client) => client.on('error', () => undefined));
    const store = new PostgresEventStore(pool, schema, connectionString);
    try {
      await migrate(pool, schema);
      await store.listener.start();
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw new StoreUnavailableError(`PostgreSQL at ${redact(connectionString)} cannot be used: ${message(error)}`, error);
    }
    store.reporter.reported = await store.headPosition();
    return store;
  }

  append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision, options: AppendOptions = {}): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new StoreUnavailableError('the event store is closed'));
    try {
      assertAppendable(events, options, true);
    } catch (error) {
      return Promise.reject(error);
    }
    const work = this.write(streamId, events, expected, options);
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work)).catch(() => undefined);
    return work;
  }

  private async write(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision, options: AppendOptions): Promise<AppendResult> {
    const { idempotency, citizenKey } = options;
    for (;;) {
      let outcome: AppendOutcome;
      try {
        outcome = idempotency
          ? await inTransaction(this.pool, async (client) => {
              const appended = await runAppend(client, this.appendSql, this.channel, streamId, events, expected, citizenKey);
              if (!('written' in appended)) return appended;
              const last = appended.written[appended.written.length - 1]!;
              // A twin with the same key waits here on the primary key until the first commits, then finds it taken.
              const kept = await client.query(
                `INSERT INTO ${this.s}.idempotency (subject, key, route, body_hash, answer) VALUES ($1, $2, $3, $4, $5::jsonb) ON CONFLICT DO NOTHING`,
                [idempotency.subject, idempotency.key, idempotency.route, idempotency.bodyHash, JSON.stringify(idempotency.answer({ revision: last.revision, position: last.position }))],
              );
              if (kept.rowCount === 0) throw new IdempotencyKeyTakenError(idempotency.subject, idempotency.key);
              return appended;
            })
          : await (this.listener.lend((client) => runAppend(client, this.appendSql, this.channel, streamId, events, expected, citizenKey)) ??
              runAppend(this.pool, this.appendSql, this.channel, streamId, events, expected, citizenKey));
      } catch (error) {
        // Two writers took the same next revision: with 'any' write again on the new head, else say where it is.
        if (isRevisionRace(error)) {
          if (expected === 'any') continue;
          throw new ConcurrencyError(streamId, expected, await this.streamRevision(streamId));
        }
        if (error instanceof ConcurrencyError || error instanceof IdempotencyKeyTakenError || error instanceof StoreUnavailableError) throw error;
        throw new StoreUnavailableError(`the append could not be written: ${message(error)}`, error);
      }
      if ('keyTaken' in outcome) throw new CitizenKeyTakenError(outcome.keyTaken);
      if (!('written' in outcome)) throw new ConcurrencyError(streamId, expected, outcome.actual);
      await this.reporter.reportOwn(outcome.written);
      const last = outcome.written[outcome.written.length - 1]!;
      return { revision: last.revision, position: last.position };
    }
  }

  async readStream(streamId: string, { fromRevision = 0, recordedUntil }: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const until = recordedUntil === undefined ? null : new Date(recordedUntil);
    const { rows } = await this.query<EventRow>(
      `SELECT ${COLUMNS} FROM ${this.s}.events WHERE stream_id = $1 AND revision >= $2 AND ($3::timestamptz IS NULL OR recorded_at <= $3) ORDER BY revision`,
      [streamId, fromRevision, until],
      `read-stream:${this.channel}`,
    );
    return rows.map(toStoredEvent);
  }

  /** Only events below the oldest transaction still in flight: a late commit can never be skipped. */
  async readAll(fromPosition: number, limit: number): Promise<StoredEvent[]> {
    const { rows } = await this.query<EventRow>(
      `SELECT ${COLUMNS} FROM ${this.s}.events
        WHERE position >= $1 AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY position LIMIT $2`,
      [fromPosition, limit],
    );
    return rows.map(toStoredEvent);
  }

  async streamRevision(streamId: string): Promise<number | 'no_stream'> {
    const { rows } = await this.query<{ revision: number | null }>(`SELECT max(revision) AS revision FROM ${this.s}.events WHERE stream_id = $1`, [streamId]);
    return rows[0]?.revision ?? 'no_stream';
  }

  async headPosition(): Promise<number> {
    const { rows } = await this.query<{ position: string | null }>(`SELECT max(position) AS position FROM ${this.s}.events`);
    return Number(rows[0]?.position ?? 0);
  }

  async findIdempotency(subject: string, key: string): Promise<IdempotencyRecord | undefined> {
    const { rows } = await this.query<{ route: string; body_hash: string; answer: unknown; at: Date }>(
      `SELECT route, body_hash, answer, at FROM ${this.s}.idempotency WHERE subject = $1 AND key = $2`,
      [subject, key],
    );
    const row = rows[0];
    return row && { key, subject, route: row.route, bodyHash: row.body_hash, answer: row.answer, at: row.at.toISOString() };
  }

  /** For `cli migrate`: events as they were, idempotency records, keys and the access log. */
  archive(): StorageArchive {
    return this.archiveOps;
  }

  /** The pool, for the read models that live in the same database and schema. */
  connection(): Pool {
    if (this.closed) throw new StoreUnavailableError('the event store is closed');
    return this.pool;
  }

  onAppended(listener: AppendListener): () => void {
    return this.listeners.add(listener);
  }

  async ping(): Promise<void> {
    await this.query('SELECT 1');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([...this.inFlight]);
    await this.reporter.stop();
    await this.listener.stop();
    await this.pool.end();
  }

  /** `name`: a statement run on every command, prepared once per connection. */
  private async query<R extends object>(sql: string, values: unknown[] = [], name?: string): Promise<{ rows: R[] }> {
    if (this.closed) throw new StoreUnavailableError('the event store is closed');
    try {
      return await this.pool.query<R>(name ? { name, text: sql, values } : { text: sql, values });
    } catch (error) {
      throw new StoreUnavailableError(`PostgreSQL did not answer: ${message(error)}`, error);
    }
  }
}
