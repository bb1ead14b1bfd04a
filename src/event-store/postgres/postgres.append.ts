import type { ClientBase, Pool } from 'pg';
import type { ExpectedRevision, NewCitizenKey, NewEvent, StoredEvent } from '../event-store.port';

/**
 * The recorded time as the ISO 8601 text a JS Date would print (UTC, to the
 * millisecond): pg then hands over a string, with no Date to parse and format
 * again on every append.
 */
export const ISO_UTC = (column: string): string => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * A batch as one statement: the stream's head, the expected-revision check,
 * the insert with one recorded time (to the millisecond, so it survives a JS
 * Date) and the NOTIFY that wakes every process's subscribers. A single
 * statement is atomic on its own, so an append without an idempotency key is
 * one round trip; two writers racing for a revision meet at the unique key.
 */
const batchSql = (s: string): string => `
  WITH head AS (
    SELECT coalesce(max(revision), -1) AS r, date_trunc('milliseconds', clock_timestamp()) AS at
      FROM ${s}.events WHERE stream_id = $1
  ), ins AS (
    INSERT INTO ${s}.events (stream_id, revision, type, schema_version, data, metadata, recorded_at)
    SELECT $1, head.r + v.n::int, v.type, v.sv, v.data, v.metadata, head.at
      FROM head, unnest($3::text[], $4::int[], $5::jsonb[], $6::jsonb[]) WITH ORDINALITY AS v(type, sv, data, metadata, n)
     WHERE $2::int IS NULL OR head.r = $2::int
    RETURNING position, revision, recorded_at
  ), note AS (
    -- The payload is the last position written: a process that has reported it already need not read.
    SELECT pg_notify($7, max(position)::text) FROM ins HAVING count(*) > 0
  )
  -- Three columns (each costs the driver a field to describe and parse): a refusal is one row
  -- without a position whose revision is the stream's actual head (-1: no stream).
  SELECT ins.position, coalesce(ins.revision, (SELECT r FROM head)) AS revision, ${ISO_UTC('ins.recorded_at')} AS recorded_at
    FROM (SELECT 1) AS one LEFT JOIN ins ON true
   WHERE (SELECT count(*) FROM note) >= 0
   ORDER BY ins.position`;

/**
 * One event (every command of the seed's stories) as a bare INSERT … SELECT:
 * the head is one index probe in a subquery, the check its WHERE, the NOTIFY
 * an expression of RETURNING (so a refusal, which inserts nothing, notifies
 * nobody). Without the CTEs, the outer join and the sort of the batch form it
 * costs the server about 30 µs less per append (docs/performance.md's history, git log -p,
 * "W8: the PostgreSQL append path, third round"). A refusal answers no row: the actual
 * revision is then read on the same connection (a refusal is rare, and the
 * handler reads the stream after one anyway).
 */
const oneSql = (s: string): string => `
  INSERT INTO ${s}.events (stream_id, revision, type, schema_version, data, metadata, recorded_at)
  SELECT $1, coalesce(head.r, -1) + 1, $3, $4, $5::jsonb, $6::jsonb, date_trunc('milliseconds', clock_timestamp())
    FROM (SELECT max(revision) AS r FROM ${s}.events WHERE stream_id = $1) AS head
   WHERE $2::int IS NULL OR head.r IS NOT DISTINCT FROM nullif($2::int, -1)
  RETURNING position, revision, ${ISO_UTC('recorded_at')} AS recorded_at, pg_notify($7, position::text) AS notified`;

/**
 * A batch with a citizen's new key ($8, $9): the key is inserted first (`ON CONFLICT
 * DO NOTHING`), the events only if it was, in one statement, so a new case is one
 * round trip and its key is flushed with its events. A key that lost the race (the
 * citizen has one already: a twin waits on the primary key until the first commits)
 * inserts no event, and the fourth column says so; a refused revision inserts neither.
 */
const keyedSql = (s: string): string => `
  WITH head AS (
    SELECT coalesce(max(revision), -1) AS r, date_trunc('milliseconds', clock_timestamp()) AS at
      FROM ${s}.events WHERE stream_id = $1
  ), k AS (
    -- Only when the events will follow: a refused revision leaves no key behind.
    INSERT INTO ${s}.citizen_keys (citizen_id, key)
    SELECT $8, $9 FROM head WHERE $2::int IS NULL OR head.r = $2::int
    ON CONFLICT DO NOTHING RETURNING 1
  ), ins AS (
    INSERT INTO ${s}.events (stream_id, revision, type, schema_version, data, metadata, recorded_at)
    SELECT $1, head.r + v.n::int, v.type, v.sv, v.data, v.metadata, head.at
      FROM head, unnest($3::text[], $4::int[], $5::jsonb[], $6::jsonb[]) WITH ORDINALITY AS v(type, sv, data, metadata, n)
     WHERE EXISTS (SELECT 1 FROM k)
    RETURNING position, revision, recorded_at
  ), note AS (
    SELECT pg_notify($7, max(position)::text) FROM ins HAVING count(*) > 0
  )
  SELECT ins.position, coalesce(ins.revision, (SELECT r FROM head)) AS revision, ${ISO_UTC('ins.recorded_at')} AS recorded_at,
         NOT EXISTS (SELECT 1 FROM k) AND ($2::int IS NULL OR (SELECT r FROM head) = $2::int) AS key_taken
    FROM (SELECT 1) AS one LEFT JOIN ins ON true
   WHERE (SELECT count(*) FROM note) >= 0
   ORDER BY ins.position`;

/** The statements of a store's schema: one event (no arrays to build, escape and parse), a batch, a batch with a new key, and a refusal's head. */
export const appendStatements = (s: string): AppendStatements => ({
  one: oneSql(s),
  many: batchSql(s),
  keyed: keyedSql(s),
  head: `SELECT max(revision) AS revision FROM ${s}.events WHERE stream_id = $1`,
});

export interface AppendStatements {
  one: string;
  many: string;
  keyed: string;
  head: string;
}

/** A row of either statement, as an array (`rowMode: 'array'`: no object with named keys made per row): position, revision, recorded_at. */
type AppendRow = [position: string | null, revision: number, recordedAt: string | null, keyTaken?: boolean];

export type AppendOutcome = { written: StoredEvent[] } | { actual: number | 'no_stream' } | { keyTaken: string };

export async function runAppend(
  db: Pool | ClientBase,
  sql: AppendStatements,
  channel: string,
  streamId: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
  citizenKey?: NewCitizenKey,
): Promise<AppendOutcome> {
  const expectedHead = expected === 'any' ? null : expected === 'no_stream' ? -1 : expected;
  const data = events.map((e) => JSON.stringify(e.data));
  const metadata = events.map((e) => JSON.stringify(e.metadata));
  const one = events.length === 1 && !citizenKey;
  const first = events[0]!;
  const batch = [streamId, expectedHead, events.map((e) => e.type), events.map((e) => e.schemaVersion ?? 1), data, metadata, channel];
  // A named statement is parsed and planned once per connection.
  const { rows } = await db.query<AppendRow>(
    citizenKey
      ? { name: `append-keyed:${channel}`, text: sql.keyed, values: [...batch, citizenKey.citizenId, citizenKey.key], rowMode: 'array' }
      : one
      ? {
          name: `append-one:${channel}`,
          text: sql.one,
          values: [streamId, expectedHead, first.type, first.schemaVersion ?? 1, data[0], metadata[0], channel],
          rowMode: 'array',
        }
      : {
          name: `append:${channel}`,
          text: sql.many,
          values: batch,
          rowMode: 'array',
        },
  );
  if (rows.length === 0) {
    const { rows: head } = await db.query<{ revision: number | null }>({ text: sql.head, values: [streamId] });
    return { actual: head[0]?.revision ?? 'no_stream' };
  }
  const [position, head, , keyTaken] = rows[0]!;
  if (keyTaken === true) return { keyTaken: citizenKey!.citizenId };
  if (position === null) return { actual: head === -1 ? 'no_stream' : head };
  // The listeners get the caller's objects (what was just stringified into the row), not a parse of it,
  // as on SQLite: they treat events as read-only, as every reader of the log does.
  return {
    written: rows.map(([position, revision, recordedAt], i) => ({
      streamId,
      type: events[i]!.type,
      data: events[i]!.data,
      metadata: events[i]!.metadata,
      schemaVersion: events[i]!.schemaVersion ?? 1,
      revision,
      position: Number(position),
      recordedAt: recordedAt!,
    })),
  };
}
