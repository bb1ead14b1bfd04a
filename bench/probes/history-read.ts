import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getHeapSpaceStatistics } from 'node:v8';
import type { Dataset } from '../workloads/dataset';

/**
 * W5a's read (readStream, the fold, reveal) of two or more builds in ONE
 * process, in alternating rounds on one prepared store: each round reads the
 * same cases with each build, so a machine that slows down slows all builds
 * alike, and the after/before ratio is taken per round (docs/performance.md,
 * "W5a and W5b: the store read and the query"). history-cost.js compares
 * builds in separate processes; on a loaded machine its turns differ more
 * than the builds do.
 *
 *   node dist-bench/bench/probes/history-read.js DIR ROUNDS DIST-BENCH-A DIST-BENCH-B …
 *
 * DIR: the store of `edge-cpu.js w5 DIR`. Prints, per build, the median over
 * rounds of the CPU per read (process.cpuUsage: the whole read, and
 * readStream alone) and of the young-generation bytes per step, and the
 * per-round ratio (in %) of each build's CPU to the first build's.
 */
const READS = Number(process.env.HISTORY_READ_READS ?? 300);

interface Build {
  name: string;
  readStream: (streamId: string) => Promise<unknown[]>;
  history: (events: unknown[]) => unknown;
  reveal: (value: unknown) => Promise<unknown>;
}

const usedNow = () => {
  let used = 0;
  for (const space of getHeapSpaceStatistics()) if (space.space_name === 'new_space' || space.space_name === 'new_large_object_space') used += space.space_used_size;
  return used;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const cpuUs = (since: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(since);
  return c.user + c.system;
};

function load(dist: string, file: string): Build {
  const from = (path: string): any => require(join(resolve(dist), path));
  const { SqliteEventStore } = from('src/event-store/sqlite/sqlite.event-store');
  const { SqliteCitizenKeys } = from('src/privacy/crypto/citizen-keys');
  const { PersonalDataCipher } = from('src/privacy/crypto/personal-data.cipher');
  const { caseHistory, historyAsOf } = from('projections/case-history/case-history');
  const store = SqliteEventStore.open({ file, readonly: true });
  const cipher = new PersonalDataCipher(new SqliteCitizenKeys(store.connection()));
  return {
    name: dist,
    readStream: (streamId) => store.readStream(streamId),
    history: (events) => historyAsOf(caseHistory(events as never), undefined, 'occurred'),
    reveal: (value) => cipher.reveal(value),
  };
}

async function main(): Promise<void> {
  const [dir, rounds = '20', ...dists] = process.argv.slice(2);
  if (!dir || dists.length === 0) throw new Error('usage: history-read.js DIR ROUNDS DIST-BENCH-A [DIST-BENCH-B …]');
  const data = JSON.parse(readFileSync(join(dir, 'dataset.json'), 'utf8')) as Dataset;
  const { sqliteFile } = require(join(resolve(dists[0]!), 'src/storage/open-storage'));
  const builds = dists.map((dist) => load(dist, sqliteFile(data.dataDir)));
  const overhead = median(Array.from({ length: 50 }, () => usedNow() - usedNow()).map((x) => -x));
  const figures = builds.map(() => ({ readCpu: [] as number[], streamCpu: [] as number[], bytes: { read: [] as number[], fold: [] as number[], reveal: [] as number[] } }));
  const ratios = builds.map(() => ({ read: [] as number[], stream: [] as number[] }));
  for (let round = -2; round < Number(rounds); round++) {
    const ids = Array.from({ length: READS }, (_, i) => `case-${data.caseIds[(i * 7919 + round * 131 + 7) % data.caseIds.length]}`);
    const order = round % 2 ? [...builds.keys()].reverse() : [...builds.keys()];
    const readCpu: number[] = [];
    const streamCpu: number[] = [];
    for (const b of order) {
      const build = builds[b]!;
      // readStream alone, then the whole read, then the bytes of each step (apart, so the heap statistics stay out of the CPU).
      let c0 = process.cpuUsage();
      for (const id of ids) await build.readStream(id);
      const stream = (streamCpu[b] = cpuUs(c0) / READS);
      c0 = process.cpuUsage();
      for (const id of ids) await build.reveal(build.history(await build.readStream(id)));
      readCpu[b] = cpuUs(c0) / READS;
      const bytes = { read: [] as number[], fold: [] as number[], reveal: [] as number[] };
      for (const id of ids.slice(0, 100)) {
        const u0 = usedNow();
        const events = await build.readStream(id);
        const u1 = usedNow();
        const entries = build.history(events);
        const u2 = usedNow();
        await build.reveal(entries);
        const u3 = usedNow();
        // A read that spans a scavenge shows fewer bytes than it made: left out.
        if (u1 >= u0 && u2 >= u1 && u3 >= u2) (bytes.read.push(u1 - u0 - overhead), bytes.fold.push(u2 - u1 - overhead), bytes.reveal.push(u3 - u2 - overhead));
      }
      if (round < 0) continue;
      const f = figures[b]!;
      (f.streamCpu.push(stream), f.readCpu.push(readCpu[b]!));
      (f.bytes.read.push(median(bytes.read)), f.bytes.fold.push(median(bytes.fold)), f.bytes.reveal.push(median(bytes.reveal)));
    }
    if (round >= 0) builds.forEach((_, b) => (ratios[b]!.read.push(readCpu[b]! / readCpu[0]!), ratios[b]!.stream.push(streamCpu[b]! / streamCpu[0]!)));
  }
  builds.forEach((build, b) => {
    const f = figures[b]!;
    const q = (xs: number[]) => `${median(xs).toFixed(1)} (${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)})`;
    console.log(
      JSON.stringify({
        build: build.name,
        rounds: f.readCpu.length,
        readCpuUs: q(f.readCpu),
        readStreamCpuUs: q(f.streamCpu),
        bytes: { read: median(f.bytes.read), fold: median(f.bytes.fold), reveal: median(f.bytes.reveal) },
        // Per round, this build's CPU ÷ the first build's, in %: median (min–max).
        readCpuPctOfFirst: q(ratios[b]!.read.map((x) => x * 100)),
        readStreamCpuPctOfFirst: q(ratios[b]!.stream.map((x) => x * 100)),
      }),
    );
  });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
