import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Random } from '../../src/cli/seed/random';
import { SqliteStorage } from '../../src/storage/sqlite.storage';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite.event-store';
import { Casework } from './casework';
import type { EventRow } from '../../src/event-store/sqlite/sqlite.rows';

/** The events table as the store's first migration makes it (src/event-store/sqlite/sqlite.schema.ts). */
const EVENTS_TABLE = `CREATE TABLE events (
  position INTEGER PRIMARY KEY, stream_id TEXT NOT NULL, revision INTEGER NOT NULL, type TEXT NOT NULL,
  schema_version INTEGER NOT NULL DEFAULT 1, data TEXT NOT NULL, metadata TEXT NOT NULL, recorded_at TEXT NOT NULL,
  UNIQUE (stream_id, revision))`;

/** The rows the raw baseline inserts: the store's own rows, less the position SQLite assigns. */
type RawRow = Omit<EventRow, 'position'>;

export interface CoreRun {
  perSecond: number;
  /** The baseline, measured in turns with the core on the very rows it wrote (undefined when not asked for). */
  rawPerSecond?: number;
  commands: number;
  refused: number;
  /** How many appends shared each commit (group commit). */
  perCommit: number;
}

/**
 * The baseline: rows inserted one row per transaction by raw better-sqlite3
 * into a table of the same shape, with the store's pragmas (WAL,
 * synchronous=FULL, secure_delete).
 */
class RawInserter {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;
  rows = 0;
  seconds = 0;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('secure_delete = ON');
    this.db.exec(EVENTS_TABLE);
    this.insert = this.db.prepare('INSERT INTO events (stream_id, revision, type, schema_version, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  }

  run(rows: readonly RawRow[]): void {
    const started = process.hrtime.bigint();
    for (const row of rows) this.insert.run(row.stream_id, row.revision, row.type, row.schema_version, row.data, row.metadata, row.recorded_at);
    this.seconds += Number(process.hrtime.bigint() - started) / 1e9;
    this.rows += rows.length;
  }

  close(): void {
    this.db.close();
  }
}

/**
 * W1 and W2: the seed's case stories through the production write path on a
 * fresh SQLite file with `synchronous=FULL`, `clients` cases told at a time.
 * With `raw`, the cases are told in `turns` parts, and after each part the
 * rows it wrote (same sizes, sealed personal data and all) are inserted by the
 * raw baseline: the two take turns, so both see the same load on a shared disk.
 */
export async function coreCommands(dir: string, name: string, cases: number, clients: number, seed: number, raw: boolean, turns = 4): Promise<CoreRun> {
  const store = SqliteEventStore.open({ file: join(dir, `${name}.db`), synchronous: 'FULL' });
  const reader = new Database(join(dir, `${name}.db`), { readonly: true });
  const newRows = reader.prepare('SELECT position, stream_id, revision, type, schema_version, data, metadata, recorded_at FROM events WHERE position > ? ORDER BY position');
  const inserter = raw ? new RawInserter(join(dir, `${name}-raw.db`)) : undefined;
  const casework = await Casework.open(new SqliteStorage(store, dir));
  const random = new Random(seed);
  await casework.registerVisitors(Math.max(3, Math.ceil(cases / 5)), random);
  let seen = await store.headPosition();
  const before = store.stats();
  const total = { commands: 0, refused: 0, seconds: 0 };
  for (let turn = 0; turn < turns; turn++) {
    const part = Math.floor(cases / turns) + (turn < cases % turns ? 1 : 0);
    const told = await casework.tell(part, clients, random);
    total.commands += told.commands;
    total.refused += told.refused;
    total.seconds += told.seconds;
    const rows = newRows.all(seen) as EventRow[];
    if (rows.length > 0) seen = rows[rows.length - 1]!.position;
    inserter?.run(rows);
  }
  const after = store.stats();
  reader.close();
  inserter?.close();
  await casework.close();
  return {
    perSecond: total.commands / total.seconds,
    ...(inserter && { rawPerSecond: inserter.rows / inserter.seconds }),
    commands: total.commands,
    refused: total.refused,
    perCommit: (after.appends - before.appends) / Math.max(1, after.flushes - before.flushes),
  };
}
