import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { tableLikeEvents } from '../workloads/postgres-commands';
import type { EventTextRow } from '../lib/event-text-row';
import { taskCpuMicros } from '../lib/task-cpu';

/**
 * W8's command path (the bench's Casework), two builds taking turns in one process, in blocks of cases; raw pg
 * inserts of the rows the last build wrote take their turn too (docs/performance.md's history, git log -p, "W8: the PostgreSQL append
 * path, third round"). Not part of the bench. Each build is a checkout with dist-bench/ built.
 *
 *   DIRS=old=/path/to/before,new=. node dist-bench/bench/probes/pg-command-turns.js 30 9   # cases per block, rounds
 */

/** What this probe uses of a build's `PostgresEventStore`, `Casework` and `Random` (loaded from its dist-bench/). */
interface Store {
  headPosition(): Promise<number>;
}
interface StoreModule {
  PostgresEventStore: { open(options: { connectionString: string; schema: string }): Promise<Store> };
}
interface Work {
  registerVisitors(count: number, random: unknown): Promise<void>;
  tell(cases: number, clients: number, random: unknown): Promise<{ commands: number }>;
  close(): Promise<void>;
}
interface CaseworkModule {
  Casework: { open(store: Store): Promise<Work> };
}
interface RandomModule {
  Random: new (seed: number) => unknown;
}

interface Kind {
  app: string;
  /** One block; answers the units done (commands, or rows inserted). */
  run: () => Promise<number>;
  close: () => Promise<void>;
}
interface BuildKind extends Kind {
  schema: string;
  store: Store;
  /** The last position of the build's events already handed to raw. */
  seen: number;
}

interface EventRow extends EventTextRow {
  position: string;
}

interface Series {
  wall: number[];
  main: number[];
  node: number[];
  server: number[];
  sent: number[];
}

const onCpu = taskCpuMicros;

/** Statements any pg client of this process has sent. */
let sent = 0;
function countQueries(): void {
  const proto = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    sent++;
    return original.apply(this, args);
  };
}

const med = (a: number[]): number => a.slice().sort((x, y) => x - y)[a.length >> 1];

async function main(): Promise<void> {
  countQueries();
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const CASES = Number(process.argv[2] ?? 30), ROUNDS = Number(process.argv[3] ?? 9);
  if (!process.env.DIRS) throw new Error('DIRS=name=dir,name=dir is required');
  const admin = new Client({ connectionString: url });
  await admin.connect();
  const kinds: Record<string, Kind> = {};
  const built: Record<string, BuildKind> = {};
  const builds = process.env.DIRS.split(',').map((x) => x.split('='));
  const last = builds[builds.length - 1][0];
  for (const [name, d] of builds) {
    const dir = resolve(d);
    const { PostgresEventStore } = require(join(dir, 'dist-bench/src/event-store/postgres/postgres.event-store')) as StoreModule;
    const { Casework } = require(join(dir, 'dist-bench/bench/workloads/casework')) as CaseworkModule;
    const { Random } = require(join(dir, 'dist-bench/src/cli/seed/random')) as RandomModule;
    const schema = `pg3c_${name}`;
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    const store = await PostgresEventStore.open({ connectionString: `${url}?application_name=${schema}`, schema });
    // A tree with storage modules (src/storage/) opens Casework on one; an older one on the store.
    const storageModule = join(dir, 'dist-bench/src/storage/postgres.storage.js');
    const storage = existsSync(storageModule) ? new (require(storageModule) as { PostgresStorage: new (store: Store, dataDir: string) => Store }).PostgresStorage(store, dir) : store;
    const casework = await Casework.open(storage);
    const random = new Random(77);
    await casework.registerVisitors(Math.ceil((CASES * ROUNDS) / 5), random);
    await casework.tell(10, 1, random);
    const kind: BuildKind = { app: schema, schema, store, run: async () => (await casework.tell(CASES, 1, random)).commands, close: () => casework.close(), seen: await store.headPosition() };
    kinds[name] = kind;
    built[name] = kind;
  }
  await admin.query(`DROP SCHEMA IF EXISTS pg3c_raw CASCADE; CREATE SCHEMA pg3c_raw; ${tableLikeEvents('pg3c_raw.raw', `pg3c_${last}.events`)}`);
  const raw = new Client({ connectionString: `${url}?application_name=pg3c_raw` });
  await raw.connect();
  let pending: EventRow[] = [];
  kinds.raw = {
    app: 'pg3c_raw',
    run: async () => {
      for (const r of pending) await raw.query({ name: 'raw', text: 'INSERT INTO pg3c_raw.raw (stream_id, revision, type, schema_version, data, metadata) VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb)', values: [r.stream_id, r.revision, r.type, r.schema_version, r.data, r.metadata] });
      return pending.length;
    },
    close: () => raw.end(),
  };
  const backends = async (app: string): Promise<number[]> => (await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [app])).rows.map((r) => r.pid);
  const res: Record<string, Series> = {};
  for (const k in kinds) res[k] = { wall: [], main: [], node: [], server: [], sent: [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const k of [...(round % 2 ? builds.map((b) => b[0]).reverse() : builds.map((b) => b[0])), 'raw']) {
      const pids = await backends(kinds[k].app);
      const s0 = pids.map(onCpu), m0 = onCpu(`self/task/${process.pid}`), n0 = process.cpuUsage(), q0 = sent, t0 = process.hrtime.bigint();
      const units = await kinds[k].run();
      const wall = Number(process.hrtime.bigint() - t0) / 1e3 / units;
      const n = process.cpuUsage(n0);
      const server = pids.map(onCpu).reduce((a, b, i) => a + (Number.isNaN(b) || Number.isNaN(s0[i]) ? 0 : b - s0[i]), 0) / units;
      if (round > 0) {
        res[k].wall.push(wall);
        res[k].main.push((onCpu(`self/task/${process.pid}`) - m0) / units);
        res[k].node.push((n.user + n.system) / units);
        res[k].server.push(server);
        res[k].sent.push((sent - q0) / units);
      }
      if (k === last) {
        const { rows } = await admin.query<EventRow>(`SELECT position, stream_id, revision, type, schema_version, data::text AS data, metadata::text AS metadata FROM pg3c_${last}.events WHERE position > $1 ORDER BY position`, [built[last].seen]);
        pending = rows;
        if (rows.length) built[last].seen = Number(rows[rows.length - 1].position);
      }
    }
  }
  for (const k in kinds) console.log(`${k.padEnd(4)} wall ${med(res[k].wall).toFixed(0).padStart(5)} µs, main thread ${med(res[k].main).toFixed(0).padStart(4)} µs, node ${med(res[k].node).toFixed(0).padStart(4)} µs, server ${med(res[k].server).toFixed(0).padStart(4)} µs, statements ${med(res[k].sent).toFixed(3)}   [wall ${res[k].wall.map((x) => x.toFixed(0)).join(' ')}] [server ${res[k].server.map((x) => x.toFixed(0)).join(' ')}] [main ${res[k].main.map((x) => x.toFixed(0)).join(' ')}]`);
  for (const [k] of builds) console.log(`${k} / raw wall ratio per round: ${res[k].wall.map((w, i) => (res.raw.wall[i] / w).toFixed(2)).join(' ')}`);
  for (const k in kinds) await kinds[k].close();
  for (const s of [...builds.map((b) => `pg3c_${b[0]}`), 'pg3c_raw']) await admin.query(`DROP SCHEMA ${s} CASCADE`);
  await admin.end();
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
