import Database from 'better-sqlite3';
import { join } from 'node:path';

/**
 * The rebuild's read alone (docs/performance.md's history, git log -p, "W4: the
 * rebuild's read, third round"): CPU of reading a prepared store's whole log in ranges of
 * 1,000 positions, as `readRange` does, with other filters and columns
 * beside it, in turns in one process. Read-only; not part of the bench.
 *
 *   node dist-bench/bench/probes/read-range.js DATA_DIR [ROUNDS]
 */
const COLUMNS = 'position, stream_id, revision, type, schema_version, data, metadata, recorded_at';
const RANGE = 1000;

function main(): void {
  const [dataDir, rounds = '3'] = process.argv.slice(2);
  if (!dataDir) throw new Error('usage: read-range.js DATA_DIR [ROUNDS]');
  const db = new Database(join(dataDir, 'brobygger.db'), { readonly: true });
  const head = db.prepare('SELECT MAX(position) FROM events').pluck().get() as number;
  const list = db.prepare('SELECT DISTINCT type FROM events').pluck().all() as string[];
  const wanted = new Set(list);
  const json = JSON.stringify(list);
  const raw = (sql: string) => db.prepare(sql).raw(true);
  const range = (columns: string, filter = '') => raw(`SELECT ${columns} FROM events WHERE position BETWEEN ? AND ?${filter} ORDER BY position`);
  const jsonEach = range(COLUMNS, ' AND type IN (SELECT value FROM json_each(?))');
  const inList = range(COLUMNS, ` AND type IN (${list.map(() => '?').join(', ')})`);
  const unfiltered = range(COLUMNS);
  const noMetadata = range('position, stream_id, revision, type, schema_version, data, recorded_at');
  const positionData = range('position, data');
  // Tried and dropped: the metadata only of the types a reducer reads it for (the dashboard's three).
  const someMetadata = raw(
    'SELECT position, stream_id, revision, type, schema_version, data, CASE WHEN type IN (SELECT value FROM json_each(?)) THEN metadata END, recorded_at' +
      ' FROM events WHERE position BETWEEN ? AND ? AND type IN (SELECT value FROM json_each(?)) ORDER BY position',
  );
  const metadataTypes = JSON.stringify(['TriagedToVolunteer', 'TriagedToProfessional', 'FirstVisitBooked']);
  const variants: Record<string, (from: number, to: number) => unknown[]> = {
    'json_each filter (as is)': (from, to) => jsonEach.all(from, to, json),
    'type IN (?, …)': (from, to) => inList.all(from, to, ...list),
    'no filter, Set in JS': (from, to) => unfiltered.all(from, to).filter((row) => wanted.has((row as string[])[3]!)),
    'no filter, iterate + Set': (from, to) => {
      const rows: unknown[] = [];
      for (const row of unfiltered.iterate(from, to)) if (wanted.has((row as string[])[3]!)) rows.push(row);
      return rows;
    },
    'metadata of three types (tried)': (from, to) => someMetadata.all(metadataTypes, from, to, json),
    'without metadata': (from, to) => noMetadata.all(from, to),
    'position, data only': (from, to) => positionData.all(from, to),
  };
  for (let round = 0; round < Number(rounds); round++) {
    for (const [name, read] of Object.entries(variants)) {
      const start = process.cpuUsage();
      let rows = 0;
      for (let from = 1; from <= head; from += RANGE) rows += read(from, from + RANGE - 1).length;
      const { user, system } = process.cpuUsage(start);
      console.log(`${name}: ${rows} rows, CPU ${((user + system) / 1e3).toFixed(0)} ms (${((user + system) / rows).toFixed(2)} µs/row)`);
    }
  }
  // The W4 baseline's work, for scale: every row's data and metadata parsed.
  const start = process.cpuUsage();
  let rows = 0;
  for (const [data, metadata] of raw('SELECT data, metadata FROM events').iterate() as Iterable<[string, string]>) {
    JSON.parse(data);
    JSON.parse(metadata);
    rows++;
  }
  const { user, system } = process.cpuUsage(start);
  console.log(`raw scan + parse: ${rows} rows, CPU ${((user + system) / 1e3).toFixed(0)} ms`);
}

main();
