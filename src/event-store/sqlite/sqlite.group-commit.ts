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
import { isOneStatement, writeInTransaction, writeOneStatement } from './sqlite.append-write';
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
 * written in one `BEGIN IMMEDIATE` transaction and made durable by one sync.
 * Each append is checked against its own expected revision and fails alone
 * (a SAVEPOINT each, unless it is one statement: sqlite.append-write.ts);
 * every one is answered only after COMMIT. A lone single-statement append is
 * committed by SQLite itself, with the same sync.
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
    // A lone one-statement append is committed by SQLite on its own, as a raw insert is: no BEGIN, no COMMIT.
    if (batch.length === 1 && isOneStatement(batch[0]!)) return this.commitAlone(batch[0]!);
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
      const outcome = alone || isOneStatement(pending) ? this.unguarded(pending, recordedAt) : this.inSavepoint(pending, recordedAt);
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
    this.answer(outcomes, batch.length);
  }

  /** One append in SQLite's own transaction (autocommit): it is durable, or refused with nothing written. */
  private commitAlone(pending: PendingAppend): void {
    const outcome = this.unguarded(pending, new Date().toISOString());
    // A failed statement in autocommit leaves no transaction open; should one be, nothing of it stands.
    this.rollbackQuietly();
    if ('error' in outcome) return pending.reject(outcome.error);
    this.answer([outcome], 1);
  }

  private answer(outcomes: Outcome[], appends: number): void {
    this.stats.flushes += 1;
    this.stats.appends += appends;
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
      const written = writeInTransaction(this.statements, pending, recordedAt);
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
      const written = isOneStatement(pending) ? writeOneStatement(this.statements, pending, recordedAt) : writeInTransaction(this.statements, pending, recordedAt);
      return { pending, ...written };
    } catch (error) {
      return { pending, error: asAppendError(error) };
    }
  }
}

/** A refusal the caller can act on stays as it is; anything else is the storage failing (503). */
const asAppendError = (error: unknown): unknown =>
  error instanceof ConcurrencyError || error instanceof IdempotencyKeyTakenError ? error : unavailable('the append could not be written', error);

export const unavailable = (message: string, cause: unknown): StoreUnavailableError =>
  new StoreUnavailableError(`${message}: ${cause instanceof Error ? cause.message : String(cause)}`, cause);
