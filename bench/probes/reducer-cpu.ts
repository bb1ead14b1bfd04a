import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { ProjectedEvent, Projection } from '../../projections/shared/projection';
import { parsedLog } from '../lib/parsed-log';

/**
 * Each live projection's reducer alone (issue #23, W4): CPU per event it
 * wants (and a digest of the documents it made, to compare builds' output), folding a prepared store's whole log into a plain Map, with the
 * events read and parsed once beforehand, so neither the read, the staging
 * nor the rebuild's StageView is in the figure. Each CODE directory's own
 * `dist/` is loaded and folded in turn, ROUNDS times; not part of the bench.
 *
 *   node dist-bench/bench/probes/reducer-cpu.js DATA_DIR ROUNDS CODE [CODE...]
 */
interface Build {
  code: string;
  projections: ReadonlyArray<Projection<unknown>>;
  MapView: new () => { docs: Map<string, unknown>; get(key: string): unknown; put(key: string, doc: unknown): void; delete(key: string): void };
  wants: (projection: Projection<unknown>, event: ProjectedEvent) => boolean;
}

const load = (code: string): Build => {
  const dist = join(code, 'dist');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { PROJECTIONS } = require(join(dist, 'src/read-models/projections.js')) as { PROJECTIONS: ReadonlyArray<Projection<unknown>> };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { MapView, wants } = require(join(dist, 'projections/shared/projection.js')) as Pick<Build, 'MapView' | 'wants'>;
  return { code, projections: PROJECTIONS, MapView, wants };
};

const cpuMs = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
};

/** CPU ms of folding every event one projection wants; the documents' count and JSON length as a check that builds agree. */
function fold(build: Build, projection: Projection<unknown>, events: readonly ProjectedEvent[]): { ms: number; wanted: number; check: string } {
  const view = new build.MapView();
  let wanted = 0;
  const started = process.cpuUsage();
  for (const event of events) {
    if (!build.wants(projection, event)) continue;
    wanted++;
    projection.apply(event, view);
  }
  const ms = cpuMs(started);
  // The documents' digest in key order: two builds whose reducers agree print the same.
  const digest = createHash('sha256');
  let bytes = 0;
  for (const key of [...view.docs.keys()].sort()) {
    const json = `${key}\t${JSON.stringify(view.docs.get(key))}\n`;
    bytes += json.length;
    digest.update(json);
  }
  return { ms, wanted, check: `${view.docs.size} docs ${bytes} B ${digest.digest('hex').slice(0, 12)}` };
}

async function main(): Promise<void> {
  const [dataDir, rounds = '3', ...codes] = process.argv.slice(2);
  if (!dataDir || codes.length === 0) throw new Error('usage: reducer-cpu.js DATA_DIR ROUNDS CODE [CODE...]');
  const builds = codes.map(load);
  const events = await parsedLog(codes[0]!, dataDir);
  console.log(`${events.length} events`);
  const totals = new Map<string, number[]>();
  for (let round = 0; round < Number(rounds); round++) {
    for (const build of builds) {
      let sum = 0;
      const parts: string[] = [];
      for (const projection of build.projections) {
        const { ms, wanted, check } = fold(build, projection, events);
        sum += ms;
        parts.push(`${projection.name} ${((ms * 1000) / wanted).toFixed(2)} µs/ev (${wanted} ev, ${ms.toFixed(0)} ms; ${check})`);
      }
      totals.set(build.code, [...(totals.get(build.code) ?? []), sum]);
      console.log(`round ${round + 1} ${build.code}: all reducers ${sum.toFixed(0)} ms CPU, ${((sum * 1000) / events.length).toFixed(2)} µs per event of the log\n  ${parts.join('\n  ')}`);
    }
  }
  for (const [code, sums] of totals) {
    const sorted = [...sums].sort((a, b) => a - b);
    console.log(`${code}: median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms (${sorted.map((s) => s.toFixed(0)).join(', ')})`);
  }
}

void main();
