import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Random } from '../../src/cli/seed/random';
import type { NewEvent } from '../../src/event-store/event-store.port';
import { tmpdir } from 'node:os';
import { PostgresStorage } from '../../src/storage/postgres.storage';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres.event-store';
import { taskCpuMicros } from '../lib/task-cpu';
import { Casework } from '../workloads/casework';
import { postgresUrl, tableLikeEvents } from '../workloads/postgres-commands';

/**
 * W8 done longer, to see where a command's time goes (docs/performance.md's history, git log -p,
 * "W8: the PostgreSQL append path, third round"). Not part of the bench's table.
 *
 *   node dist-bench/bench/probes/pg-append.js [cases] [seed]
 *
 * One client tells `cases` of the seed's stories (after 20 to warm up) on a
 * fresh schema, then raw `pg` inserts the very rows it wrote, one autocommitted
 * INSERT each, as W8 does. For both it prints per command (or row): statements
 * sent and the wall time spent waiting for their answers, node's CPU, and the
 * CPU of PostgreSQL's backends serving this process (by application_name).
 */
const onCpu = taskCpuMicros;

type Probe = { statements: Map<string, number>; waiting: number };
const probe: Probe = { statements: new Map(), waiting: 0 };

/** Counts every statement any pg client of this process sends, and the time until its answer. */
function wrapQuery(): void {
  const proto = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const config = args[0] as string | { text?: string; name?: string };
    const text = typeof config === 'string' ? config : (config?.name ?? config?.text ?? '?');
    const label = text.replace(/\s+/g, ' ').trim().slice(0, 60);
    probe.statements.set(label, (probe.statements.get(label) ?? 0) + 1);
    const started = process.hrtime.bigint();
    const result = original.apply(this, args);
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      void (result as Promise<unknown>).then(
        () => (probe.waiting += Number(process.hrtime.bigint() - started) / 1e3),
        () => (probe.waiting += Number(process.hrtime.bigint() - started) / 1e3),
      );
    }
    return result;
  };
}

/** CPU µs of each backend serving this process. */
async function backendCpu(admin: Client, app: string): Promise<Map<number, number>> {
  const { rows } = await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [app]);
  const cpu = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      cpu.set(pid, onCpu(pid));
    } catch {
      // The backend ended meanwhile.
    }
  }
  return cpu;
}

const spent = (before: Map<number, number>, after: Map<number, number>): Map<number, number> =>
  new Map([...after].map(([pid, cpu]) => [pid, cpu - (before.get(pid) ?? 0)]));

const nodeCpu = () => process.cpuUsage();
/** The main thread's CPU alone (the rest is V8's compiler and GC threads). */
const mainThreadCpu = () => onCpu(`self/task/${process.pid}`);

interface Sample {
  wall: number;
  node: number;
  system: number;
  main: number;
  server: number;
  backends: Map<number, number>;
  waiting: number;
  statements: Map<string, number>;
}

async function measure(admin: Client, app: string, work: () => Promise<void>): Promise<Sample> {
  probe.statements = new Map();
  probe.waiting = 0;
  const server = await backendCpu(admin, app);
  const node = nodeCpu();
  const main = mainThreadCpu();
  const started = process.hrtime.bigint();
  await work();
  const wall = Number(process.hrtime.bigint() - started) / 1e3;
  const used = process.cpuUsage(node);
  return { wall, node: used.user + used.system, system: used.system, main: mainThreadCpu() - main, ...((backends) => ({ backends, server: [...backends.values()].reduce((a, b) => a + b, 0) }))(spent(server, await backendCpu(admin, app))), waiting: probe.waiting, statements: probe.statements };
}

function print(label: string, units: number, s: Sample): void {
  const per = (v: number) => (v / units).toFixed(0).padStart(5);
  const sent = [...s.statements.values()].reduce((a, b) => a + b, 0);
  console.log(
    `${label.padEnd(5)} ${units} units: ${(units / (s.wall / 1e6)).toFixed(0)}/s; per unit: wall ${per(s.wall)} µs, waiting ${per(s.waiting)} µs, node CPU ${per(s.node)} µs (system ${per(s.system)}, main thread ${per(s.main)}), server CPU ${per(s.server)} µs, statements ${(sent / units).toFixed(3)}`,
  );
  console.log(`      backends' CPU per unit: ${[...s.backends.values()].filter((v) => v > 0).map((v) => per(v).trim()).join(', ')} µs`);
  for (const [text, n] of [...s.statements].sort((a, b) => b[1] - a[1])) console.log(`      ${(n / units).toFixed(3)}  ${text}`);
}

async function main(): Promise<void> {
  const cases = Number(process.argv[2] ?? 200);
  const seed = Number(process.argv[3] ?? 300);
  wrapQuery();
  const app = `probe_${process.pid}`;
  const url = `${postgresUrl()}${postgresUrl().includes('?') ? '&' : '?'}application_name=${app}`;
  const schema = `probe_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new Client({ connectionString: postgresUrl() });
  await admin.connect();
  try {
    const store = await PostgresEventStore.open({ connectionString: url, schema });
    await admin.query(tableLikeEvents(`"${schema}".raw`, `"${schema}".events`));
    // Its secrets are never asked for here: no DATA_DIR is read.
    const casework = await Casework.open(new PostgresStorage(store, tmpdir()));
    const random = new Random(seed);
    await casework.registerVisitors(Math.max(3, Math.ceil(cases / 5)), random);
    await casework.tell(20, 1, random);
    const seen = await store.headPosition();
    let commands = 0;
    const core = await measure(admin, app, async () => {
      // The monotonic clock in µs, as a --cpu-prof profile's timestamps are: to cut the core phase out of one.
      console.log(`core phase from ${process.hrtime.bigint() / 1000n}`);
      commands = (await casework.tell(cases, 1, random)).commands;
      console.log(`core phase to ${process.hrtime.bigint() / 1000n}`);
    });
    print('core', commands, core);
    if (process.env.PROBE_CORE_ONLY) return void (await casework.close());
    const { rows } = await admin.query<{ stream_id: string; revision: number; type: string; schema_version: number; data: string; metadata: string }>(
      `SELECT stream_id, revision, type, schema_version, data::text AS data, metadata::text AS metadata FROM "${schema}".events WHERE position > $1 ORDER BY position`,
      [seen],
    );
    const client = new Client({ connectionString: url });
    await client.connect();
    const raw = await measure(admin, app, async () => {
      for (const row of rows) {
        await client.query({
          name: 'raw-insert',
          text: `INSERT INTO "${schema}".raw (stream_id, revision, type, schema_version, data, metadata) VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb)`,
          values: [row.stream_id, row.revision, row.type, row.schema_version, row.data, row.metadata],
        });
      }
    });
    print('raw', rows.length, raw);
    console.log(`ratio ${((commands / core.wall) / (rows.length / raw.wall)).toFixed(3)}`);
    // PROBE_APPENDS=n: the store's append alone against raw, n turns each: the same rows (fresh stream ids each turn)
    // through store.append with the revision they had, and raw inserts, without the command path.
    const events = rows.map((row) => ({ ...row, data: JSON.parse(row.data) as unknown, metadata: JSON.parse(row.metadata) as NewEvent['metadata'] }));
    for (let turn = 0; turn < Number(process.env.PROBE_APPENDS ?? 0); turn++) {
      const appended = await measure(admin, app, async () => {
        for (const e of events) {
          await store.append(`t${turn}-${e.stream_id}`, [{ type: e.type, data: e.data, metadata: e.metadata, schemaVersion: e.schema_version }], e.revision === 0 ? 'no_stream' : e.revision - 1);
        }
      });
      print('store', rows.length, appended);
      const inserted = await measure(admin, app, async () => {
        for (const row of rows) {
          await client.query({
            name: 'raw-insert',
            text: `INSERT INTO "${schema}".raw (stream_id, revision, type, schema_version, data, metadata) VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb)`,
            values: [`t${turn}-${row.stream_id}`, row.revision, row.type, row.schema_version, row.data, row.metadata],
          });
        }
      });
      print('raw', rows.length, inserted);
    }
    await client.end();
    await casework.close();
  } finally {
    if (!process.env.PROBE_KEEP) await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
    await admin.end();
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
