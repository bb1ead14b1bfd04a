import type { Database } from 'better-sqlite3';
import { ConcurrencyError } from '../../../domain/shared/errors';
import {
  AppendOptions,
  AppendResult,
  ExpectedRevision,
  IdempotencyKeyTakenError,
  NewEvent,
  StoreUnavailableError,
  StoredEvent,
} from '../event-store.port';
import type { Statements } from './sqlite.rows';

export interface PendingAppend {
  streamId: string;
  events: readonly NewEvent[];
  expected: ExpectedRevision;
  options: AppendOptions;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

type Outcome = { pending: PendingAppend } & ({ result: AppendResult; stored: StoredEvent[] } | { error: unknown });

/**
 * Group commit: appends that arrive in the same turn of the event loop are
 * written in one `BEGIN IMMEDIATE` transaction, one SAVEPOINT each, and made
 * durable by one sync. Each append is checked against its own expected
 * revision and fails alone; every one is answered only after COMMIT.
 */
export class GroupCommit {
  private queue: PendingAppend[] = [];
  private scheduled = false;
  private drainWaiters: Array<() => void> = [];
  readonly stats = { flushes: 0, appends: 0 };

  constructor(
    private readonly db: Database,
    private readonly statements: Statements,
    private readonly committed: (events: StoredEvent[]) => void,
  ) {}

  enqueue(pending: PendingAppend): void {
    this.queue.push(pending);
    if (this.scheduled) return;
    this.scheduled = true;
    // setImmediate runs after pending I/O callbacks, so requests that arrived together share the commit.
    setImmediate(() => this.flush());
  }

  /** Resolves once every queued append has been committed or refused. */
  drained(): Promise<void> {
    if (!this.scheduled) return Promise.resolve();
    return new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  private flush(): void {
    const batch = this.queue;
    this.queue = [];
    this.scheduled = false;
    try {
      this.commit(batch);
    } catch (error) {
      // Never let a storage failure escape into the event loop: answer everyone in the batch.
      this.rollbackQuietly();
      for (const pending of batch) pending.reject(unavailable('the append could not be written', error));
    } finally {
      const waiters = this.drainWaiters;
      this.drainWaiters = [];
      for (const wake of waiters) wake();
    }
  }

  private commit(batch: PendingAppend[]): void {
    try {
      this.statements.begin.run();
    } catch (error) {
      for (const pending of batch) pending.reject(unavailable('could not start a write transaction', error));
      return;
    }
    const recordedAt = new Date().toISOString();
    const outcomes: Outcome[] = [];
    let failure: unknown;
    // A batch of one needs no savepoint: if its append fails, the whole transaction is rolled back below.
    const alone = batch.length === 1;
    for (const pending of batch) {
      const outcome = alone ? this.unguarded(pending, recordedAt) : this.inSavepoint(pending, recordedAt);
      if (alone && 'error' in outcome) failure = outcome.error;
      outcomes.push(outcome);
      // SQLite rolls back the whole transaction on some errors (disk full): then nothing in the batch stands.
      if (!this.db.inTransaction) {
        failure = 'error' in outcome ? outcome.error : new Error('the transaction was rolled back');
        break;
      }
    }
    try {
      if (failure !== undefined) throw failure;
      this.statements.commit.run();
    } catch (error) {
      this.rollbackQuietly();
      for (const pending of batch) {
        const own = outcomes.find((outcome) => outcome.pending === pending);
        // Its own refusal, or its own storage error when that is what stopped the commit (a batch of one).
        const known = own && 'error' in own && (!(own.error instanceof StoreUnavailableError) || own.error === error);
        pending.reject(known ? own.error : unavailable('the commit failed; nothing was written', error));
      }
      return;
    }
    this.stats.flushes += 1;
    this.stats.appends += batch.length;
    const stored: StoredEvent[] = [];
    for (const outcome of outcomes) {
      if ('error' in outcome) outcome.pending.reject(outcome.error);
      else {
        for (const event of outcome.stored) stored.push(event);
        outcome.pending.resolve(outcome.result);
      }
    }
    this.committed(stored);
  }

  private rollbackQuietly(): void {
    try {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
    } catch {
      // The connection is unusable; the next BEGIN will say so to its callers.
    }
  }

  private inSavepoint(pending: PendingAppend, recordedAt: string): Outcome {
    this.statements.savepoint.run();
    try {
      const written = this.write(pending, recordedAt);
      this.statements.release.run();
      return { pending, ...written };
    } catch (error) {
      if (this.db.inTransaction) {
        this.statements.rollbackToSavepoint.run();
        this.statements.release.run();
      }
      return { pending, error: asAppendError(error) };
    }
  }

  private unguarded(pending: PendingAppend, recordedAt: string): Outcome {
    try {
      return { pending, ...this.write(pending, recordedAt) };
    } catch (error) {
      return { pending, error: asAppendError(error) };
    }
  }

  private write({ streamId, events, expected, options }: PendingAppend, recordedAt: string): { result: AppendResult; stored: StoredEvent[] } {
    const { statements } = this;
    const head = statements.streamHead.get(streamId)?.revision ?? null;
    const actual = head === null ? 'no_stream' : head;
    if (expected !== 'any' && expected !== actual) throw new ConcurrencyError(streamId, expected, actual);
    const { idempotency } = options;
    if (idempotency && statements.findKey.get(idempotency.subject, idempotency.key)) {
      throw new IdempotencyKeyTakenError(idempotency.subject, idempotency.key);
    }
    const stored = events.map((event, index): StoredEvent => {
      const revision = (head ?? -1) + 1 + index;
      const schemaVersion = event.schemaVersion ?? 1;
      const data = JSON.stringify(event.data);
      const metadata = JSON.stringify(event.metadata);
      const { lastInsertRowid } = statements.insertEvent.run(streamId, revision, event.type, schemaVersion, data, metadata, recordedAt);
      // The listeners get the caller's objects (what was just stringified into the row), not a parse of it: they
      // treat events as read-only, as every reader of the log does, and nothing changes an event once appended.
      return { streamId, type: event.type, data: event.data, metadata: event.metadata, schemaVersion, revision, position: Number(lastInsertRowid), recordedAt };
    });
    const last = stored[stored.length - 1]!;
    const result = { revision: last.revision, position: last.position };
    if (idempotency) {
      const answer = JSON.stringify(idempotency.answer(result));
      statements.insertKey.run(idempotency.subject, idempotency.key, idempotency.route, idempotency.bodyHash, answer, recordedAt);
    }
    return { result, stored };
  }
}

/** A refusal the caller can act on stays as it is; anything else is the storage failing (503). */
const asAppendError = (error: unknown): unknown =>
  error instanceof ConcurrencyError || error instanceof IdempotencyKeyTakenError ? error : unavailable('the append could not be written', error);

export const unavailable = (message: string, cause: unknown): StoreUnavailableError =>
  new StoreUnavailableError(`${message}: ${cause instanceof Error ? cause.message : String(cause)}`, cause);
