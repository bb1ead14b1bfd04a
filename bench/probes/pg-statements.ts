import { readFileSync } from 'node:fs';
import { Client, type QueryConfig } from 'pg';
import { tableLikeEvents } from '../workloads/postgres-commands';
import type { EventTextRow } from '../lib/event-text-row';

/**
 * Server CPU per execution of append statement variants (docs/performance.md's history, git log -p, "W8: the PostgreSQL append
 * path, third round"). Not part of the bench. One LISTENing connection runs each variant in turn, in blocks,
 * into a table of its own; the backend's CPU comes from /proc/<pid>/schedstat (nanoseconds).
 *
 *   PROBE_KEEP=1 node dist-bench/bench/probes/pg-append.js 100     # leaves a probe_… schema with real rows
 *   SRC=probe_… node dist-bench/bench/probes/pg-statements.js raw,current,unified 859 9   # variants, block, rounds
 *
 * Without SRC it writes a made-up event of about the seed's size.
 */
const S = 'pg3s';
const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const data = JSON.stringify({ caseId: '0b8f7c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b', visitorId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', note: 'enc:v1:' + 'A'.repeat(120), score: 7, reasons: ['a', 'b'] });
const metadata = JSON.stringify({ eventId: '0b8f7c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b', commandId: '0b8f7c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5c', correlationId: '0b8f7c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5d', causationId: '0b8f7c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5c', actor: { id: 'bench', role: 'coordinator' }, occurredAt: '2026-11-01T12:00:00.000Z' });
const ISO = (c: string): string => `to_char(${c} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const CH = 'brobygger_pg3s';
const current = (notify: boolean): string => `
  WITH head AS (
    SELECT coalesce(max(revision), -1) AS r, date_trunc('milliseconds', clock_timestamp()) AS at
      FROM ${S}.events WHERE stream_id = $1
  ), ins AS (
    INSERT INTO ${S}.events (stream_id, revision, type, schema_version, data, metadata, recorded_at)
    SELECT $1, head.r + v.n::int, v.type, v.sv, v.data, v.metadata, head.at
      FROM head, (SELECT $3::text AS type, $4::int AS sv, $5::jsonb AS data, $6::jsonb AS metadata, 1 AS n) AS v
     WHERE $2::int IS NULL OR head.r = $2::int
    RETURNING position, revision, recorded_at
  ), note AS (
    SELECT ${notify ? 'pg_notify($7, max(position)::text)' : '$7::text'} FROM ins HAVING count(*) > 0
  )
  SELECT ins.position, coalesce(ins.revision, (SELECT r FROM head)) AS revision, ${ISO('ins.recorded_at')} AS recorded_at
    FROM (SELECT 1) AS one LEFT JOIN ins ON true
   WHERE (SELECT count(*) FROM note) >= 0
   ORDER BY ins.position`;
// The expected revision is a number (-1: no stream): the row takes $2 + 1, and the unique key refuses a taken one.
const direct = (notify: boolean): string => `
  WITH ins AS (
    INSERT INTO ${S}.events (stream_id, revision, type, schema_version, data, metadata, recorded_at)
    SELECT $1, $2::int + 1, $3, $4, $5::jsonb, $6::jsonb, date_trunc('milliseconds', clock_timestamp())
     WHERE $2::int = -1 OR EXISTS (SELECT FROM ${S}.events WHERE stream_id = $1 AND revision = $2::int)
    RETURNING position, ${ISO('recorded_at')} AS recorded_at
  )
  SELECT position, recorded_at${notify ? ', pg_notify($7, position::text)' : ', $7::text'} FROM ins`;
const lean = (refusal: boolean, notifyCol: boolean): string => `
  WITH ins AS (
    INSERT INTO ${S}.events (stream_id, revision, type, schema_version, data, metadata, recorded_at)
    SELECT $1, $2::int + 1, $3, $4, $5::jsonb, $6::jsonb, date_trunc('milliseconds', clock_timestamp())
     WHERE (SELECT max(revision) FROM ${S}.events WHERE stream_id = $1) IS NOT DISTINCT FROM nullif($2::int, -1)
    RETURNING position, recorded_at
  )
  SELECT position, ${ISO('recorded_at')} AS recorded_at, ${notifyCol ? "nullif(pg_notify($7, position::text)::text, '')::int" : 'NULL::int'} AS actual FROM ins
  ${refusal ? `UNION ALL SELECT NULL, NULL, (SELECT coalesce(max(revision), -1) FROM ${S}.events WHERE stream_id = $1) WHERE NOT EXISTS (SELECT FROM ins)` : ''}`;
const leanNote = `
  WITH ins AS (
    INSERT INTO ${S}.events (stream_id, revision, type, schema_version, data, metadata, recorded_at)
    SELECT $1, $2::int + 1, $3, $4, $5::jsonb, $6::jsonb, date_trunc('milliseconds', clock_timestamp())
     WHERE (SELECT max(revision) FROM ${S}.events WHERE stream_id = $1) IS NOT DISTINCT FROM nullif($2::int, -1)
    RETURNING position, recorded_at, pg_notify($7, position::text)
  )
  SELECT position, ${ISO('recorded_at')} AS recorded_at, NULL::int AS actual FROM ins
  UNION ALL SELECT NULL, NULL, (SELECT coalesce(max(revision), -1) FROM ${S}.events WHERE stream_id = $1) WHERE NOT EXISTS (SELECT FROM ins)`;
const noCte = `
    INSERT INTO ${S}.events (stream_id, revision, type, schema_version, data, metadata, recorded_at)
    SELECT $1, $2::int + 1, $3, $4, $5::jsonb, $6::jsonb, date_trunc('milliseconds', clock_timestamp())
     WHERE (SELECT max(revision) FROM ${S}.events WHERE stream_id = $1) IS NOT DISTINCT FROM nullif($2::int, -1)
    RETURNING position, ${ISO('recorded_at')} AS recorded_at, pg_notify($7, position::text)`;
const bare = ({ check = true, ret = 'iso', notify = true }: { check?: boolean; ret?: 'iso' | 'ms' | 'none'; notify?: boolean } = {}): string => `
    INSERT INTO ${S}.events (stream_id, revision, type, schema_version, data, metadata, recorded_at)
    SELECT $1, $2::int + 1, $3, $4, $5::jsonb, $6::jsonb, date_trunc('milliseconds', clock_timestamp())
     ${check ? `WHERE (SELECT max(revision) FROM ${S}.events WHERE stream_id = $1) IS NOT DISTINCT FROM nullif($2::int, -1)` : 'WHERE $7::text IS NOT NULL'}
    RETURNING position${ret === 'iso' ? `, ${ISO('recorded_at')} AS recorded_at` : ret === 'ms' ? `, (extract(epoch FROM recorded_at) * 1000)::bigint AS recorded_at` : ''}${notify ? ', pg_notify($7, position::text)' : ''}`;
const unified = `
    INSERT INTO ${S}.events (stream_id, revision, type, schema_version, data, metadata, recorded_at)
    SELECT $1, coalesce(h.r, -1) + 1, $3, $4, $5::jsonb, $6::jsonb, date_trunc('milliseconds', clock_timestamp())
      FROM (SELECT max(revision) AS r FROM ${S}.events WHERE stream_id = $1) AS h
     WHERE $2::int IS NULL OR h.r IS NOT DISTINCT FROM nullif($2::int, -1)
    RETURNING position, revision, ${ISO('recorded_at')} AS recorded_at, pg_notify($7, position::text)`;
const unified3 = unified.replace(`${ISO('recorded_at')} AS recorded_at, pg_notify($7, position::text)`, `${ISO('recorded_at')} || pg_notify($7, position::text)::text AS recorded_at`);
/** A statement variant: its text, and its parameters for stream `s` at revision `r` (-1: no stream). */
interface Variant {
  text: string;
  rowMode?: 'array';
  args: (s: string, r: number) => (string | number)[];
}
const variants: Record<string, Variant> = {
  unified3: { text: unified3, args: (s, r) => [s, r, 'CaseNoted', 1, data, metadata, CH] },
  unified3array: { text: unified3, rowMode: 'array', args: (s, r) => [s, r, 'CaseNoted', 1, data, metadata, CH] },
  unified: { text: unified, args: (s, r) => [s, r, 'CaseNoted', 1, data, metadata, CH] },
  bareNoNotify: { text: bare({ notify: false }) + ', $7::text', args: (s, r) => [s, r, 'CaseNoted', 1, data, metadata, CH] },
  bareNoCheck: { text: bare({ check: false }), args: (s, r) => [s, r, 'CaseNoted', 1, data, metadata, CH] },
  bareMs: { text: bare({ ret: 'ms' }), args: (s, r) => [s, r, 'CaseNoted', 1, data, metadata, CH] },
  bareNoTime: { text: bare({ ret: 'none' }), args: (s, r) => [s, r, 'CaseNoted', 1, data, metadata, CH] },
  lean: { text: lean(true, true), args: (s, r) => [s, r, 'CaseNoted', 1, data, metadata, CH] },
  leanNoRefusal: { text: lean(false, true), args: (s, r) => [s, r, 'CaseNoted', 1, data, metadata, CH] },
  leanNote: { text: leanNote, args: (s, r) => [s, r, 'CaseNoted', 1, data, metadata, CH] },
  noCte: { text: noCte, args: (s, r) => [s, r, 'CaseNoted', 1, data, metadata, CH] },
  raw: { text: `INSERT INTO ${S}.raw (stream_id, revision, type, schema_version, data, metadata) VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb)`, args: (s, r) => [s, r + 1, 'CaseNoted', 1, data, metadata] },
  current: { text: current(true), args: (s, r) => [s, r, 'CaseNoted', 1, data, metadata, CH] },
  currentNoNotify: { text: current(false), args: (s, r) => [s, r, 'CaseNoted', 1, data, metadata, CH] },
  rawReturning: { text: `INSERT INTO ${S}.raw (stream_id, revision, type, schema_version, data, metadata) VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb) RETURNING position, ${ISO('recorded_at')} AS recorded_at`, args: (s, r) => [s, r + 1, 'CaseNoted', 1, data, metadata] },
  direct: { text: direct(true), args: (s, r) => [s, r, 'CaseNoted', 1, data, metadata, CH] },
  directNoNotify: { text: direct(false), args: (s, r) => [s, r, 'CaseNoted', 1, data, metadata, CH] },
};
type SourceRow = EventTextRow;

interface Series {
  wall: number[];
  cpu: number[];
  node: number[];
}

const only = process.argv[2] ? process.argv[2].split(',') : Object.keys(variants);
/** µs the backend `pid` has run on a CPU. */
const cpu = (pid: number): number => Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e3;
const med = (a: number[]): number => a.slice().sort((x, y) => x - y)[a.length >> 1];

async function main(): Promise<void> {
  const admin = new Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS ${S} CASCADE; CREATE SCHEMA ${S}`);
  await admin.query(`CREATE TABLE ${S}.events (position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, stream_id text NOT NULL, revision integer NOT NULL, type text NOT NULL, schema_version integer NOT NULL DEFAULT 1, data jsonb NOT NULL, metadata jsonb NOT NULL, recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(), transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(), UNIQUE (stream_id, revision))`);
  await admin.query(tableLikeEvents(`${S}.raw`, `${S}.events`));
  const c = new Client({ connectionString: url });
  await c.connect();
  await c.query(`LISTEN ${CH}`);
  // The backend's pid (pg sets it from BackendKeyData; @types/pg leaves it out).
  const pid = (c as unknown as { processID: number }).processID;
  for (const v of only) {
    await admin.query(tableLikeEvents(`${S}.t_${v}`, `${S}.events`));
    variants[v].text = variants[v].text.split(`${S}.events`).join(`${S}.t_${v}`).split(`${S}.raw `).join(`${S}.t_${v} `);
  }
  const heads: Record<string, Map<string, number>> = {};
  for (const v of only) heads[v] = new Map();
  const res: Record<string, Series> = {};
  for (const v of only) res[v] = { wall: [], cpu: [], node: [] };
  const src = process.env.SRC;
  const real = src ? (await admin.query<SourceRow>(`SELECT stream_id, revision, type, schema_version, data::text AS data, metadata::text AS metadata FROM ${src}.events ORDER BY position`)).rows : null;
  const STREAMS = 300, BLOCK = Number(process.argv[3] ?? 600), ROUNDS = Number(process.argv[4] ?? 5);
  for (let round = 0; round < ROUNDS; round++) {
    for (const v of only) {
      const h = heads[v];
      const spec = variants[v];
      const n0 = process.cpuUsage();
      const cpu0 = cpu(pid);
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < BLOCK; i++) {
        if (real) {
          const row = real[(round * BLOCK + i) % real.length];
          const s = `${v}-${Math.floor((round * BLOCK + i) / real.length)}-${row.stream_id}`;
          const vals = spec.args(s, row.revision - 1);
          vals[2] = row.type;
          vals[3] = row.schema_version;
          vals[4] = row.data;
          vals[5] = row.metadata;
          // A variable, not a literal: QueryConfig declares no rowMode, which pg reads (undefined: rows as objects).
          const query: QueryConfig & { rowMode?: 'array' } = { name: v, text: spec.text, values: vals, rowMode: spec.rowMode };
          await c.query(query);
          continue;
        }
        const s = `${v}-case-${(round * BLOCK + i) % STREAMS}`;
        const r = h.get(s) ?? -1;
        await c.query({ name: v, text: spec.text, values: spec.args(s, r) });
        h.set(s, r + 1);
      }
      const wall = Number(process.hrtime.bigint() - t0) / 1e3 / BLOCK;
      if (round > 0) {
        res[v].wall.push(wall);
        res[v].cpu.push((cpu(pid) - cpu0) / BLOCK);
        const n = process.cpuUsage(n0);
        res[v].node.push((n.user + n.system) / BLOCK);
      }
    }
  }
  for (const v of only) console.log(`${v.padEnd(16)} wall ${med(res[v].wall).toFixed(0).padStart(5)} µs (${res[v].wall.map((x) => x.toFixed(0)).join(' ')}), server CPU ${med(res[v].cpu).toFixed(0).padStart(4)} µs (${res[v].cpu.map((x) => x.toFixed(0)).join(' ')}), node CPU ${med(res[v].node).toFixed(0)} µs (${res[v].node.map((x) => x.toFixed(0)).join(' ')})`);
  const { rows } = await admin.query<{ n: number; d: number }>(`SELECT count(*)::int AS n, count(DISTINCT (stream_id, revision))::int AS d FROM ${S}.t_raw`);
  console.log(rows[0]);
  await admin.query(`DROP SCHEMA ${S} CASCADE`);
  await c.end();
  await admin.end();
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
