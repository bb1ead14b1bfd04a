import type { Database, Statement } from 'better-sqlite3';
import type { EventMetadata, StoredEvent } from '../event-store.port';
import { readForm } from '../../privacy/crypto/sealed-form';
import { upcast, upcastable } from '../upcasters';

/** An events row as SQLite returns it with named columns (the bench's raw baselines read it so). */
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

export const COLUMNS = 'position, stream_id, revision, type, schema_version, data, metadata, recorded_at';

/**
 * Each JSON column is parsed once, here; old schema versions are upcast to the
 * newest shape. The row comes as an array (`RawEventRow`, statements with
 * `.raw(true)`): the event is the only object made per row, not a row object
 * with named keys first (docs/performance.md, "W5a and W5b: the store read").
 */
export const toStoredEvent = (row: RawEventRow): StoredEvent =>
  upcast({
    streamId: row[1],
    type: row[3],
    data: JSON.parse(row[5]),
    metadata: JSON.parse(row[6]),
    schemaVersion: row[4],
    revision: row[2],
    position: row[0],
    recordedAt: row[7],
  });

/**
 * An event for a rebuild's reducers: its JSON columns are parsed when first
 * read, so a column no reducer reads (the metadata, mostly) costs no parse.
 * Types with upcasters are built eagerly by `toProjectedEvent`, so what a
 * reducer reads here is always the newest shape.
 */
class LazyEvent implements StoredEvent {
  readonly streamId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly revision: number;
  readonly position: number;
  readonly recordedAt: string;
  private rawData: string | undefined;
  private rawMetadata: string | undefined;
  private parsedData: unknown;
  private parsedMetadata: EventMetadata | undefined;

  constructor(row: RawEventRow) {
    this.position = row[0];
    this.streamId = row[1];
    this.revision = row[2];
    this.type = row[3];
    this.schemaVersion = row[4];
    this.rawData = row[5];
    this.rawMetadata = row[6];
    this.recordedAt = row[7];
  }

  get data(): unknown {
    if (this.rawData !== undefined) {
      this.parsedData = readForm(this.type, JSON.parse(this.rawData));
      this.rawData = undefined;
    }
    return this.parsedData;
  }

  get metadata(): EventMetadata {
    if (this.rawMetadata !== undefined) {
      this.parsedMetadata = JSON.parse(this.rawMetadata) as EventMetadata;
      this.rawMetadata = undefined;
    }
    return this.parsedMetadata!;
  }
}

/** An events row as an array, in COLUMNS order: no object with named keys made per row. */
export type RawEventRow = [number, string, number, string, number, string, string, string];

/** A row for a rebuild: parsed lazily, unless its type may need upcasting. */
export const toProjectedEvent = (row: RawEventRow): StoredEvent =>
  upcastable(row[3]) ? toStoredEvent(row) : new LazyEvent(row);

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
    // Reads of events return arrays in COLUMNS order, for toStoredEvent.
    readStream: statement<RawEventRow>(`SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision`).raw(true),
    readStreamUntil: statement<RawEventRow>(
      `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? AND recorded_at <= ? ORDER BY revision`,
    ).raw(true),
    readAll: statement<RawEventRow>(`SELECT ${COLUMNS} FROM events WHERE position >= ? ORDER BY position LIMIT ?`).raw(true),
    // A rebuild's range: the rowid range, the types as a JSON array (one statement for any set of types).
    readRange: statement<RawEventRow>(
      `SELECT ${COLUMNS} FROM events WHERE position BETWEEN ? AND ? AND type IN (SELECT value FROM json_each(?)) ORDER BY position`,
    ).raw(true),
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
