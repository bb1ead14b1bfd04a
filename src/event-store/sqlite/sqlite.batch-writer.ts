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

/** Rows written in the batch's transaction beside the appends (a new citizen's key), answered at COMMIT. */
export interface PendingWrite {
  run: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export type Pending = PendingAppend | PendingWrite;

export type Outcome =
  | { pending: PendingAppend; result: AppendResult; stored: StoredEvent[] }
  | { pending: PendingWrite; value: unknown }
  | { pending: Pending; error: unknown };

export const isWrite = (pending: Pending): pending is PendingWrite => 'run' in pending;

/** Writes one queued item inside the group commit's transaction, with or without a savepoint of its own. */
export class BatchWriter {
  constructor(
    private readonly db: Database,
    private readonly statements: Statements,
  ) {}

  /**
   * One item among others in the batch: it must fail alone, leaving nothing
   * of it behind. An append that is one statement (one event, no idempotency
   * record) needs no savepoint for that: SQLite undoes a failed statement by
   * itself, and everything before the INSERT only reads. (An error that
   * rolls back the whole transaction is seen by the group commit.)
   */
  alongOthers(pending: Pending, recordedAt: string): Outcome {
    const oneStatement = !isWrite(pending) && pending.events.length === 1 && !pending.options.idempotency;
    return oneStatement ? this.unguarded(pending, recordedAt) : this.inSavepoint(pending, recordedAt);
  }

  inSavepoint(pending: Pending, recordedAt: string): Outcome {
    this.statements.savepoint.run();
    try {
      const outcome = this.write(pending, recordedAt);
      this.statements.release.run();
      return outcome;
    } catch (error) {
      if (this.db.inTransaction) {
        this.statements.rollbackToSavepoint.run();
        this.statements.release.run();
      }
      return { pending, error: asAppendError(error) };
    }
  }

  unguarded(pending: Pending, recordedAt: string): Outcome {
    try {
      return this.write(pending, recordedAt);
    } catch (error) {
      return { pending, error: asAppendError(error) };
    }
  }

  private write(pending: Pending, recordedAt: string): Outcome {
    if (isWrite(pending)) return { pending, value: pending.run() };
    const { streamId, events, expected, options } = pending;
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
    return { pending, result, stored };
  }
}

/** A refusal the caller can act on stays as it is; anything else is the storage failing (503). */
const asAppendError = (error: unknown): unknown =>
  error instanceof ConcurrencyError || error instanceof IdempotencyKeyTakenError ? error : unavailable('the append could not be written', error);

export const unavailable = (message: string, cause: unknown): StoreUnavailableError =>
  new StoreUnavailableError(`${message}: ${cause instanceof Error ? cause.message : String(cause)}`, cause);
