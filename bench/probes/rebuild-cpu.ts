import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rawScan } from '../workloads/rebuild';

/**
 * `cli rebuild`'s CPU per event, the figure a shared machine's noise moves
 * least (docs/performance.md, "Probes"; the
 * figures of its rounds in docs/performance.md's history, git log -p). Not
 * part of the bench's table. Each CODE directory's own `dist/src/cli/main.js`
 * rebuilds the prepared store DATA_DIR in turn, ROUNDS times, each run after a
 * raw scan (the W4 baseline) in the same minutes:
 *
 *   node dist-bench/bench/probes/rebuild-cpu.js DATA_DIR ROUNDS CODE [CODE...]
 *
 * DATA_DIR is made once with `prepareDataset` (bench/workloads/dataset.ts) and
 * kept between runs: a rebuild changes only the read models.
 */
function rebuildOnce(code: string, dataDir: string): { eventsPerSecond: number; cpu: number; user: number; system: number; rssMb: number } {
  const out = join(dataDir, '..', `cpu-${process.pid}.json`);
  const preload = join(dataDir, '..', 'cpu-preload.js');
  writeFileSync(
    preload,
    `process.on('exit', () => { const u = process.cpuUsage(); require('fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify({ user: u.user / 1e6, system: u.system / 1e6, rss: process.resourceUsage().maxRSS * 1024 })); });`,
  );
  const child = spawnSync(process.execPath, ['-r', preload, join(code, 'dist', 'src', 'cli', 'main.js'), 'rebuild'], {
    env: { ...process.env, DATA_DIR: dataDir, EVENT_STORE: 'sqlite', LOG_LEVEL: 'warn' },
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (child.status !== 0) throw new Error(`rebuild in ${code} exited with ${child.status}: ${child.stderr.slice(-800)}`);
  const summary = child.stdout
    .trim()
    .split('\n')
    .map((line) => {
      try {
        return JSON.parse(line) as { eventsPerSecond?: number };
      } catch {
        return {};
      }
    })
    .reverse()
    .find((s) => typeof s.eventsPerSecond === 'number')!;
  const usage = JSON.parse(readFileSync(out, 'utf8')) as { user: number; system: number; rss: number };
  rmSync(out);
  return { eventsPerSecond: summary.eventsPerSecond!, cpu: usage.user + usage.system, user: usage.user, system: usage.system, rssMb: usage.rss / 1024 / 1024 };
}

const [dataDir, rounds, ...codes] = process.argv.slice(2);
for (let round = 0; round < Number(rounds); round++) {
  for (const code of codes) {
    const raw = rawScan(dataDir!);
    const run = rebuildOnce(code, dataDir!);
    console.log(
      `${code}: raw ${raw.toFixed(0)} events/s, rebuild ${run.eventsPerSecond} events/s (${(run.eventsPerSecond / raw).toFixed(3)}×), CPU ${run.cpu.toFixed(2)} s (user ${run.user.toFixed(2)}, sys ${run.system.toFixed(2)}), peak RSS ${run.rssMb.toFixed(0)} MB`,
    );
  }
}
