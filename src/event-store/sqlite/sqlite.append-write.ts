import { ConcurrencyError } from '../../../domain/shared/errors';
import { AppendResult, IdempotencyKeyTakenError, NewEvent, StoredEvent } from '../event-store.port';
import type { PendingAppend } from './sqlite.group-commit';
import type { Statements } from './sqlite.rows';

export interface Written {
  result: AppendResult;
  stored: StoredEvent[];
}

/**
 * An append that is one statement: one event, an exact expected revision
 * (a number or `no_stream`), no idempotency key. Its check and its write are
 * one conditional `INSERT … SELECT … WHERE` (sqlite.rows.ts), so it needs no
 * transaction of its own (outside a batch SQLite commits it alone, as the raw
 * insert does) and no savepoint inside one: a statement that writes nothing
 * leaves nothing to undo.
 */
export const isOneStatement = ({ events, expected, options }: PendingAppend): boolean =>
  events.length === 1 && expected !== 'any' && options.idempotency === undefined;

/** Writes an append that `isOneStatement`; throws ConcurrencyError with the actual revision when the stream moved. */
export function writeOneStatement(statements: Statements, { streamId, events, expected }: PendingAppend, recordedAt: string): Written {
  const event = events[0]!;
  const revision = expected === 'no_stream' ? 0 : (expected as number) + 1;
  const schemaVersion = event.schemaVersion ?? 1;
  const { changes, lastInsertRowid } = statements.insertEventIfAt.run(
    streamId,
    revision,
    event.type,
    schemaVersion,
    JSON.stringify(event.data),
    JSON.stringify(event.metadata),
    recordedAt,
    streamId,
    expected === 'no_stream' ? null : expected,
  );
  if (changes === 0) throw new ConcurrencyError(streamId, expected, headOf(statements, streamId));
  const position = Number(lastInsertRowid);
  return { result: { revision, position }, stored: [storedEvent(streamId, event, schemaVersion, revision, position, recordedAt)] };
}

/** Any other append, inside the batch's transaction: the head read, the idempotency key, the events, the key's answer. */
export function writeInTransaction(statements: Statements, { streamId, events, expected, options }: PendingAppend, recordedAt: string): Written {
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
    return storedEvent(streamId, event, schemaVersion, revision, Number(lastInsertRowid), recordedAt);
  });
  const last = stored[stored.length - 1]!;
  const result = { revision: last.revision, position: last.position };
  if (idempotency) {
    const answer = JSON.stringify(idempotency.answer(result));
    statements.insertKey.run(idempotency.subject, idempotency.key, idempotency.route, idempotency.bodyHash, answer, recordedAt);
  }
  return { result, stored };
}

const headOf = (statements: Statements, streamId: string): number | 'no_stream' => statements.streamHead.get(streamId)?.revision ?? 'no_stream';

/**
 * The event as written, for the listeners: its `data` and `metadata` are the
 * caller's objects, not parsed back from the row (they are what was
 * stringified into it). Listeners treat events as read-only, as every reader
 * of the log does.
 */
const storedEvent = (streamId: string, event: NewEvent, schemaVersion: number, revision: number, position: number, recordedAt: string): StoredEvent => ({
  streamId,
  type: event.type,
  data: event.data,
  metadata: event.metadata,
  schemaVersion,
  revision,
  position,
  recordedAt,
});
