import type { Database, Statement } from 'better-sqlite3';
import type { StoredEvent } from '../event-store.port';
import { upcast } from '../upcasters';

/** An events row as SQLite returns it. */
export interface EventRow {
  position: number;
  stream_id: string;
  revision: number;
  type: string;
  schema_version: number;
  data: string;
  metadata: string;
  recorded_at: string;
}

const COLUMNS = 'position, stream_id, revision, type, schema_version, data, metadata, recorded_at';

/** Each JSON column is parsed once, here; old schema versions are upcast to the newest shape. */
export const toStoredEvent = (row: EventRow): StoredEvent =>
  upcast({
  streamId: row.stream_id,
  type: row.type,
  data: JSON.parse(row.data),
  metadata: JSON.parse(row.metadata),
  schemaVersion: row.schema_version,
  revision: row.revision,
  position: row.position,
  recordedAt: row.recorded_at,
  });

/** Every statement the store runs, prepared once. */
export function prepareStatements(db: Database) {
  const statement = <R = unknown>(sql: string) => db.prepare(sql) as Statement<unknown[], R>;
  return {
    streamHead: statement<{ revision: number }>('SELECT MAX(revision) AS revision FROM events WHERE stream_id = ?'),
    insertEvent: statement(
      'INSERT INTO events (stream_id, revision, type, schema_version, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    findKey: statement<{ route: string; body_hash: string; answer: string; at: string }>(
      'SELECT route, body_hash, answer, at FROM idempotency WHERE subject = ? AND key = ?',
    ),
    insertKey: statement('INSERT INTO idempotency (subject, key, route, body_hash, answer, at) VALUES (?, ?, ?, ?, ?, ?)'),
    readStream: statement<EventRow>(`SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision`),
    readStreamUntil: statement<EventRow>(
      `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? AND recorded_at <= ? ORDER BY revision`,
    ),
    readAll: statement<EventRow>(`SELECT ${COLUMNS} FROM events WHERE position >= ? ORDER BY position LIMIT ?`),
    head: statement<{ position: number | null }>('SELECT MAX(position) AS position FROM events'),
    dataVersion: statement<{ data_version: number }>('PRAGMA data_version'),
    // The group commit's transaction control, prepared once rather than parsed on every flush.
    begin: statement('BEGIN IMMEDIATE'),
    commit: statement('COMMIT'),
    savepoint: statement('SAVEPOINT append'),
    release: statement('RELEASE append'),
    rollbackToSavepoint: statement('ROLLBACK TO append'),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;
