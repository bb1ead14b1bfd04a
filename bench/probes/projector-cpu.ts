import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { openCases } from '../workloads/http-commands';

/**
 * The live projector alone, as W3 drives it: two builds taking turns in one
 * process, each on its own copy of a W3 store (edge-cpu.js's `w3-pristine/w3`,
 * 300 seeded cases). Each round appends groups of `LonelinessAssessed`
 * events, one per case round robin as W3's requests come, a group per commit,
 * and times only the projector's catch-up after each group (process CPU), so
 * the HTTP edge, the group commit and other sessions' load move it little.
 *
 *   node dist-bench/bench/probes/projector-cpu.js BEFORE/dist AFTER/dist W3_STORE [rounds] [group]
 */
type Store = {
  append(streamId: string, events: unknown[], expected: 'any'): Promise<unknown>;
  close(): Promise<void>;
  connection(): unknown;
};
type Projector = { start(): Promise<void>; wake(): Promise<void>; stop(): Promise<void> };

async function main(): Promise<void> {
  const [before, after, pristine, rounds = '6', group = '25'] = process.argv.slice(2);
  const cases = openCases(pristine!);
  const builds = [before!, after!].map((build, i) => {
    const from = (path: string): any => require(join(resolve(build), path));
    const dir = mkdtempSync(join(tmpdir(), `projector-cpu-${i}-`));
    cpSync(pristine!, dir, { recursive: true });
    const store: Store = from('src/event-store/sqlite/sqlite.event-store').SqliteEventStore.open({ file: join(dir, 'brobygger.db') });
    const models = new (from('src/read-model-store/sqlite-read-model.store').SqliteReadModelStore)(store.connection());
    // The projector hears of no commit: the probe wakes it, and times that alone.
    const deaf = new Proxy(store as object, { get: (target, name) => (name === 'onAppended' ? () => () => undefined : (target as any)[name].bind(target)) });
    const projector: Projector = new (from('src/read-models/projector').Projector)(deaf, models, from('src/read-models/projections').PROJECTIONS);
    return { build, dir, store, projector, cpu: [] as number[] };
  });
  for (const { projector } of builds) await projector.start();
  let next = 0;
  const perRound = 1200;
  for (let round = 0; round < Number(rounds); round++) {
    const start = next;
    for (const b of round % 2 ? [...builds].reverse() : builds) {
      next = start;
      let cpu = 0;
      for (let done = 0; done < perRound; done += Number(group)) {
        await Promise.all(
          Array.from({ length: Number(group) }, () => {
            const at = new Date(Date.UTC(2026, 10, 1) + (next % 28) * 86_400_000).toISOString();
            const data = { instrument: 'ucla3', answers: [2, 3, 2], score: 7, severe: true, scaleVersion: 'ucla3-v1', at };
            const metadata = { eventId: randomUUID(), commandId: randomUUID(), correlationId: randomUUID(), causationId: randomUUID(), actor: { id: 'bench', role: 'coordinator' }, occurredAt: at };
            return b.store.append(`case-${cases[next++ % cases.length]}`, [{ type: 'LonelinessAssessed', schemaVersion: 2, data, metadata }], 'any');
          }),
        );
        const t0 = process.cpuUsage();
        await b.projector.wake();
        const used = process.cpuUsage(t0);
        cpu += used.user + used.system;
      }
      b.cpu.push(cpu / perRound);
    }
  }
  const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
  for (const b of builds) {
    await b.projector.stop();
    await b.store.close();
    rmSync(b.dir, { recursive: true, force: true });
    console.log(JSON.stringify({ build: b.build, projectorCpuUsPerEvent: Math.round(median(b.cpu)), rounds: b.cpu.map(Math.round) }));
  }
  // The documents grow with every round (each case's scores), so the rounds pair up: after / before, round by round.
  const [first, second] = builds;
  console.log(JSON.stringify({ afterOverBefore: Number(median(second!.cpu.map((cpu, i) => cpu / first!.cpu[i]!)).toFixed(3)) }));
}

void main();
