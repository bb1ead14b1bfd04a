import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Random } from '../../src/cli/seed/random';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite.event-store';
import { Casework } from './casework';

/** The events table as the store's first migration makes it (src/event-store/sqlite/sqlite.schema.ts). */
const EVENTS_TABLE = `CREATE TABLE events (
  position INTEGER PRIMARY KEY, stream_id TEXT NOT NULL, revision INTEGER NOT NULL, type TEXT NOT NULL,
  schema_version INTEGER NOT NULL DEFAULT 1, data TEXT NOT NULL, metadata TEXT NOT NULL, recorded_at TEXT NOT NULL,
  UNIQUE (stream_id, revision))`;

interface RawRow {
  stream_id: string;
  revision: number;
  type: string;
  schema_version: number;
  data: string;
  metadata: string;
  recorded_at: string;
}

export interface CoreRun {
  perSecond: number;
  commands: number;
  refused: number;
  /** How many appends shared each commit (group commit). */
  perCommit: number;
  file: string;
}

/**
 * W1 and W2: the seed's case stories through the production write path on a
 * fresh SQLite file with `synchronous=FULL`, `clients` cases told at a time.
 */
export async function coreCommands(dir: string, name: string, cases: number, clients: number, seed: number): Promise<CoreRun> {
  const file = join(dir, `${name}.db`);
  const store = SqliteEventStore.open({ file, synchronous: 'FULL' });
  const casework = await Casework.open(store);
  const random = new Random(seed);
  await casework.registerVisitors(Math.max(3, Math.ceil(cases / 5)), random);
  const before = store.stats();
  const started = process.hrtime.bigint();
  const { commands, refused } = await casework.tell(cases, clients, random);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const after = store.stats();
  await casework.close();
  return { perSecond: commands / seconds, commands, refused, perCommit: (after.appends - before.appends) / Math.max(1, after.flushes - before.flushes), file };
}

/**
 * The baseline: the very rows the core wrote (same sizes, sealed personal
 * data and all), inserted one row per transaction by raw better-sqlite3 into
 * a table of the same shape, with the store's pragmas (WAL, synchronous=FULL).
 */
export function rawInserts(dir: string, source: string, count: number): number {
  const from = new Database(source, { readonly: true });
  const rows = from
    .prepare('SELECT stream_id, revision, type, schema_version, data, metadata, recorded_at FROM events ORDER BY position DESC LIMIT ?')
    .all(count) as RawRow[];
  from.close();
  const db = new Database(join(dir, 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
  db.exec(EVENTS_TABLE);
  const insert = db.prepare('INSERT INTO events (stream_id, revision, type, schema_version, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const started = process.hrtime.bigint();
  for (const row of rows) insert.run(row.stream_id, row.revision, row.type, row.schema_version, row.data, row.metadata, row.recorded_at);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  db.close();
  return rows.length / seconds;
}
