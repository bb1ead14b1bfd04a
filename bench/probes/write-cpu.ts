import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

/**
 * W1/W2's write path measured by what a shared machine's noise moves least
 * (docs/performance.md, "Probes"). Not part
 * of the bench's table. The code measured is the `dist-bench/` given, so the
 * same probe measures another build (a copy of the tree before) in turns:
 *
 *   node dist-bench/bench/probes/write-cpu.js DIST-BENCH FULL|NORMAL|OFF cases clients
 *
 * Prints, per command: wall time, the process's CPU (all threads), the main
 * thread's CPU (/proc schedstat: what bounds W2), the event loop's active
 * time (`eventLoopUtilization`: CPU plus any blocking, a sync run on the loop
 * included), and the appends per commit.
 */
const mainThreadNs = () => Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]);

async function main(): Promise<void> {
  const [build = join(__dirname, '../..'), synchronous = 'FULL', cases = '400', clients = '1'] = process.argv.slice(2);
  const from = (path: string): any => require(join(resolve(build), path));
  const { SqliteEventStore } = from('src/event-store/sqlite/sqlite.event-store');
  const { Casework } = from('bench/workloads/casework');
  const { Random } = from('src/cli/seed/random');
  const dir = mkdtempSync(join(tmpdir(), 'brobygger-write-cpu-'));
  const store = SqliteEventStore.open({ file: join(dir, 'probe.db'), synchronous });
  // A build with storage modules (src/storage/) opens Casework on one; an older one on the store.
  const storage = existsSync(join(resolve(build), 'src/storage/sqlite.storage.js')) ? new (from('src/storage/sqlite.storage').SqliteStorage)(store, dir) : store;
  const casework = await Casework.open(storage);
  const random = new Random(7);
  await casework.registerVisitors(Math.ceil(Number(cases) / 5), random);
  await casework.tell(20, 1, random); // warm-up
  const stats = store.stats();
  const loop = performance.eventLoopUtilization();
  const main0 = mainThreadNs();
  const cpu0 = process.cpuUsage();
  const told = await casework.tell(Number(cases), Number(clients), random);
  const cpu = process.cpuUsage(cpu0);
  const mainUs = (mainThreadNs() - main0) / 1000;
  const active = performance.eventLoopUtilization(loop).active * 1000;
  const after = store.stats();
  const n = told.commands;
  const per = (us: number) => Math.round(us / n);
  console.log(
    JSON.stringify({
      build,
      synchronous,
      clients: Number(clients),
      commands: n,
      perSecond: Math.round(n / told.seconds),
      wallUs: per(told.seconds * 1e6),
      cpuUs: per(cpu.user + cpu.system),
      mainThreadUs: per(mainUs),
      loopActiveUs: per(active),
      appendsPerCommit: Number(((after.appends - stats.appends) / Math.max(1, after.flushes - stats.flushes)).toFixed(1)),
    }),
  );
  await casework.close();
  rmSync(dir, { recursive: true, force: true });
}

void main();
