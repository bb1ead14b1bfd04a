import type { ClientBase, Pool } from 'pg';
import type { ExpectedRevision, NewEvent, StoredEvent } from '../event-store.port';

/**
 * One append as one statement: the stream's head, the expected-revision check,
 * the insert with one recorded time (to the millisecond, so it survives a JS
 * Date) and the NOTIFY that wakes every process's subscribers. A single
 * statement is atomic on its own, so an append without an idempotency key is
 * one round trip; two writers racing for a revision meet at the unique key.
 */
export const appendSql = (s: string): string => `
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
  SELECT (SELECT r FROM head) AS head, (SELECT count(*) FROM note) AS notified, ins.position, ins.revision, ins.recorded_at
    FROM (SELECT 1) AS one LEFT JOIN ins ON true
   ORDER BY ins.position`;

interface AppendRow {
  head: number;
  position: string | null;
  revision: number | null;
  recorded_at: Date | null;
}

export type AppendOutcome = { written: StoredEvent[] } | { actual: number | 'no_stream' };

export async function runAppend(
  db: Pool | ClientBase,
  sql: string,
  channel: string,
  streamId: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
): Promise<AppendOutcome> {
  const expectedHead = expected === 'any' ? null : expected === 'no_stream' ? -1 : expected;
  // Stringified once: sent as jsonb, and parsed back into the listeners' copies below.
  const data = events.map((e) => JSON.stringify(e.data));
  const metadata = events.map((e) => JSON.stringify(e.metadata));
  // A named statement is parsed and planned once per connection.
  const { rows } = await db.query<AppendRow>({ name: `append:${channel}`, text: sql, values: [
    streamId,
    expectedHead,
    events.map((e) => e.type),
    events.map((e) => e.schemaVersion ?? 1),
    data,
    metadata,
    channel,
  ] });
  const head = rows[0]!.head;
  if (rows[0]!.position === null) return { actual: head === -1 ? 'no_stream' : head };
  return {
    written: rows.map((row, i) => ({
      streamId,
      type: events[i]!.type,
      data: JSON.parse(data[i]!),
      metadata: JSON.parse(metadata[i]!),
      schemaVersion: events[i]!.schemaVersion ?? 1,
      revision: row.revision!,
      position: Number(row.position),
      recordedAt: row.recorded_at!.toISOString(),
    })),
  };
}
