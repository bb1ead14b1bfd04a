import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { tableLikeEvents } from '../workloads/postgres-commands';
import type { EventTextRow } from '../lib/event-text-row';
import { taskCpuMicros } from '../lib/task-cpu';
import type { EventMetadata, ExpectedRevision, NewEvent } from '../../src/event-store/event-store.port';

/**
 * The PostgreSQL store's append alone, two builds taking turns in one process (docs/performance.md's history, git log -p,
 * "W8: the PostgreSQL append path, third round"). Not part of the bench. Each build (a checkout with dist/ built)
 * appends the same real rows, one event each, in blocks; raw pg inserts of them take their turn too.
 *
 *   SRC=probe_… DIRS=old=/path/to/before,new=. node dist-bench/bench/probes/pg-store-turns.js 500 9   # block, rounds
 *
 * SRC: a schema left by `PROBE_KEEP=1 node dist-bench/bench/probes/pg-append.js 100`.
 */

/** What this probe uses of a build's `PostgresEventStore` (loaded from its dist/). */
interface Store {
  append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<unknown>;
  onAppended(listener: (events: readonly unknown[]) => void): () => void;
  close(): Promise<void>;
}
interface StoreModule {
  PostgresEventStore: { open(options: { connectionString: string; schema: string }): Promise<Store> };
}

type SourceRow = EventTextRow;
/** A source row with its data and metadata parsed, for `store.append`. */
interface SourceEvent extends SourceRow {
  d: unknown;
  m: EventMetadata;
}

interface Kind {
  app: string;
  /** Appends (or inserts) event `e` as stream `s`. */
  run: (e: SourceEvent, s: string) => Promise<unknown>;
  close: () => Promise<void>;
  schema: string;
}

interface Series {
  wall: number[];
  main: number[];
  node: number[];
  server: number[];
}

const onCpu = taskCpuMicros;

const med = (a: number[]): number => a.slice().sort((x, y) => x - y)[a.length >> 1];

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const SRC = process.env.SRC;
  const BLOCK = Number(process.argv[2] ?? 500), ROUNDS = Number(process.argv[3] ?? 8);
  if (!SRC) throw new Error('SRC=probe_… (a schema with real rows) is required');
  if (!process.env.DIRS) throw new Error('DIRS=name=dir,name=dir is required');
  const admin = new Client({ connectionString: url });
  await admin.connect();
  const rows = (await admin.query<SourceRow>(`SELECT stream_id, revision, type, schema_version, data::text AS data, metadata::text AS metadata FROM ${SRC}.events ORDER BY position`)).rows;
  const events: SourceEvent[] = rows.map((r) => ({ ...r, d: JSON.parse(r.data) as unknown, m: JSON.parse(r.metadata) as EventMetadata }));
  const kinds: Record<string, Kind> = {};
  for (const [name, dir] of process.env.DIRS.split(',').map((x) => x.split('='))) {
    const { PostgresEventStore } = require(join(resolve(dir), 'dist/src/event-store/postgres/postgres.event-store')) as StoreModule;
    const schema = `pg3t_${name}`;
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    const store = await PostgresEventStore.open({ connectionString: `${url}?application_name=pg3t_${name}`, schema });
    // A listener, as the app has one: the store then hands each append's events to it.
    let heard = 0;
    store.onAppended((es) => (heard += es.length));
    kinds[name] = { app: `pg3t_${name}`, run: (e, s) => store.append(s, [{ type: e.type, data: e.d, metadata: e.m, schemaVersion: e.schema_version }], e.revision === 0 ? 'no_stream' : e.revision - 1), close: () => store.close(), schema };
  }
  await admin.query(`DROP SCHEMA IF EXISTS pg3t_raw CASCADE; CREATE SCHEMA pg3t_raw; ${tableLikeEvents('pg3t_raw.raw', `pg3t_${Object.keys(kinds)[0]}.events`)}`);
  const raw = new Client({ connectionString: `${url}?application_name=pg3t_raw` });
  await raw.connect();
  kinds.raw = { app: 'pg3t_raw', run: (e, s) => raw.query({ name: 'raw', text: 'INSERT INTO pg3t_raw.raw (stream_id, revision, type, schema_version, data, metadata) VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb)', values: [s, e.revision, e.type, e.schema_version, e.data, e.metadata] }), close: () => raw.end(), schema: 'pg3t_raw' };
  const backends = async (app: string): Promise<number[]> => (await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [app])).rows.map((r) => r.pid);
  const res: Record<string, Series> = {};
  for (const k in kinds) res[k] = { wall: [], main: [], node: [], server: [] };
  let offset = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (const k of round % 2 ? Object.keys(kinds).reverse() : Object.keys(kinds)) {
      const pids = await backends(kinds[k].app);
      const s0 = pids.map(onCpu), m0 = onCpu(`self/task/${process.pid}`), n0 = process.cpuUsage(), t0 = process.hrtime.bigint();
      for (let i = 0; i < BLOCK; i++) {
        const j = offset + i, e = events[j % events.length];
        await kinds[k].run(e, `r${Math.floor(j / events.length)}-${e.stream_id}`);
      }
      const wall = Number(process.hrtime.bigint() - t0) / 1e3 / BLOCK;
      const n = process.cpuUsage(n0);
      if (round > 0) {
        res[k].wall.push(wall);
        res[k].main.push((onCpu(`self/task/${process.pid}`) - m0) / BLOCK);
        res[k].node.push((n.user + n.system) / BLOCK);
        res[k].server.push(pids.map(onCpu).reduce((a, b, i) => a + (Number.isNaN(b) || Number.isNaN(s0[i]) ? 0 : b - s0[i]), 0) / BLOCK);
      }
    }
    offset += BLOCK;
  }
  for (const k in kinds) console.log(`${k.padEnd(4)} wall ${med(res[k].wall).toFixed(0).padStart(5)} µs, main thread ${med(res[k].main).toFixed(0).padStart(4)} µs, node ${med(res[k].node).toFixed(0).padStart(4)} µs, server ${med(res[k].server).toFixed(0).padStart(4)} µs   [server ${res[k].server.map((x) => x.toFixed(0)).join(' ')}] [main ${res[k].main.map((x) => x.toFixed(0)).join(' ')}]`);
  for (const k in kinds) await kinds[k].close();
  for (const k in kinds) await admin.query(`DROP SCHEMA ${kinds[k].schema} CASCADE`);
  await admin.end();
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
