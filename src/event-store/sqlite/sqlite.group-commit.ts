import type { Database, Statement } from 'better-sqlite3';
import { StoreUnavailableError, StoredEvent } from '../event-store.port';
import { BatchWriter, isWrite, Outcome, Pending, unavailable } from './sqlite.batch-writer';
import type { Statements } from './sqlite.rows';
import type { SyncPipeline } from './sqlite.wal-sync';

/**
 * Group commit: appends that arrive in the same turn of the event loop are
 * written in one `BEGIN IMMEDIATE` transaction (a SAVEPOINT for each that is
 * more than one statement: sqlite.batch-writer.ts), and made
 * durable by one sync. Each append is checked against its own expected
 * revision and fails alone; every one is answered only after COMMIT and,
 * given a sync pipeline, only after the sync that makes that COMMIT durable.
 *
 * With a pipeline (synchronous=FULL on a write-ahead log) the batch commits
 * with synchronous=NORMAL, which writes its frames to the -wal file without
 * syncing it, and the pipeline then `fdatasync`s that file off the event loop
 * (sqlite.wal-sync.ts): as durable as a FULL commit once answered, while the
 * next batches are written and committed. A WAL is replayed in order up to
 * its last valid commit, so a sync covers every commit before it; a
 * checkpoint (NORMAL still syncs there) syncs the WAL before copying its
 * frames and the database after, so no frame is overwritten before it is
 * durable in one file or the other. A failed sync leaves the batch committed
 * but not known durable: each append of it (and of every batch not yet
 * answered) is answered StoreUnavailableError (503), and the listeners still
 * hear of its events, since they are in the log for every reader from now on.
 * The whole reasoning: docs/reliability.md, "Durability of a SQLite commit".
 */
export class GroupCommit {
  private queue: Pending[] = [];
  private scheduled = false;
  private drainWaiters: Array<() => void> = [];
  private readonly normal: Statement | undefined;
  private readonly full: Statement | undefined;
  private readonly writer: BatchWriter;
  readonly stats = { flushes: 0, appends: 0 };

  constructor(
    private readonly db: Database,
    private readonly statements: Statements,
    private readonly committed: (events: StoredEvent[]) => void,
    private readonly pipeline?: SyncPipeline,
    /** A lone append with no sync running commits FULL, synced inside COMMIT (see `flush`). */
    private readonly syncLoneInline = false,
  ) {
    this.writer = new BatchWriter(db, statements);
    if (pipeline) {
      this.normal = db.prepare('PRAGMA synchronous = NORMAL');
      this.full = db.prepare('PRAGMA synchronous = FULL');
    }
  }

  enqueue(pending: Pending): void {
    this.queue.push(pending);
    if (this.scheduled) return;
    this.scheduled = true;
    // setImmediate runs after pending I/O callbacks, so requests that arrived together share the commit.
    setImmediate(() => this.flush());
  }

  /** Resolves once every queued append has been committed (and synced) or refused. */
  async drained(): Promise<void> {
    if (this.scheduled) await new Promise<void>((resolve) => this.drainWaiters.push(resolve));
    await this.pipeline?.durable().catch(() => undefined);
  }

  /** Resolves once every commit so far is durable (an idempotent replay answers only what is). */
  durable(): Promise<void> {
    if (!this.pipeline) return Promise.resolve();
    return this.pipeline.durable().catch((error: unknown) => {
      throw unavailable('a commit could not be made durable', error);
    });
  }

  /** True while a commit of ours is not yet known durable. */
  get syncing(): boolean {
    return this.pipeline?.busy === true;
  }

  /**
   * A lone append while no sync runs (one client at a time: nothing else to
   * do meanwhile) is committed FULL, SQLite syncing inside COMMIT: handing
   * the sync to the thread pool and back costs two thread wake-ups, which on
   * this virtual machine measured ~150 µs per command (W1). Batches of more,
   * or while a sync runs, go through the pipeline.
   */
  private flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    const inline = this.syncLoneInline && batch.length === 1 && !isWrite(batch[0]!) && !this.pipeline!.busy;
    try {
      if (!inline) this.normal?.run();
      this.commit(batch, !inline);
    } catch (error) {
      // Never let a storage failure escape into the event loop: answer everyone in the batch.
      this.rollbackQuietly();
      for (const pending of batch) pending.reject(unavailable('the append could not be written', error));
    } finally {
      this.restoreFull();
      this.wakeDrainWaiters();
    }
  }

  private wakeDrainWaiters(): void {
    const waiters = this.drainWaiters;
    this.drainWaiters = [];
    for (const wake of waiters) wake();
  }

  private commit(batch: Pending[], viaPipeline: boolean): void {
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
      const outcome = alone ? this.writer.unguarded(pending, recordedAt) : this.writer.alongOthers(pending, recordedAt);
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
    let appends = 0;
    for (const outcome of outcomes) {
      if (!isWrite(outcome.pending)) appends += 1;
      // A written row is answered at once: whatever depends on it commits later in the same log, and is synced with it.
      else if ('value' in outcome) outcome.pending.resolve(outcome.value);
      else if ('error' in outcome) outcome.pending.reject(outcome.error);
    }
    this.stats.appends += appends;
    if (appends === 0) return;
    if (this.pipeline && viaPipeline) this.pipeline.add((syncError) => this.answer(outcomes, syncError));
    else this.answer(outcomes, undefined);
  }

  /** The batch's appends answered, in the order they were committed, and then the listeners told. */
  private answer(outcomes: Outcome[], syncError: unknown): void {
    const stored: StoredEvent[] = [];
    const notDurable = syncError === undefined ? undefined : unavailable('the append was committed but its disk sync failed', syncError);
    for (const outcome of outcomes) {
      const { pending } = outcome;
      if (isWrite(pending)) continue;
      if ('error' in outcome) pending.reject(outcome.error);
      else if ('result' in outcome) {
        for (const event of outcome.stored) stored.push(event);
        if (notDurable) pending.reject(notDurable);
        else pending.resolve(outcome.result);
      }
    }
    try {
      this.committed(stored);
    } catch {
      // Reporting to the listeners failed (a read of the log): the next commit or poll reports from where it stopped.
    }
  }

  private restoreFull(): void {
    try {
      this.full?.run();
    } catch {
      // The connection is unusable; the next BEGIN will say so to its callers.
    }
  }

  private rollbackQuietly(): void {
    try {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
    } catch {
      // The connection is unusable; the next BEGIN will say so to its callers.
    }
  }
}
