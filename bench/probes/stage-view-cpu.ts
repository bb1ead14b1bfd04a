import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { ProjectedEvent, Projection } from '../../projections/shared/projection';
import { parsedLog } from '../lib/parsed-log';

/**
 * The rebuild's fold alone (issue #23, W4): each live projection applied to a
 * prepared store's log through the rebuild's `StageView` and `DocumentCache`
 * (ranges of 1,000 positions, a stage every 50,000: the staged documents
 * handed to the cache and kept in a Map that stands for the staging), with the
 * events read and parsed once beforehand, so neither the read nor SQLite is in
 * the figure: what a change of the StageView or a reducer costs or saves,
 * measured to a few per cent where `rebuild-in-process.js` moves by 10–20 %
 * on a shared machine. Each CODE directory's `dist/` in turn, ROUNDS times,
 * with a digest of each build's documents; not part of the bench.
 *
 *   node dist-bench/bench/probes/stage-view-cpu.js DATA_DIR ROUNDS CODE [CODE...]
 */
interface View {
  applyAll(events: readonly ProjectedEvent[], from: number): number;
  restage(staged: Map<string, unknown>): void;
}
interface Cache {
  remember(writes: ReadonlyMap<string, unknown>): void;
}
interface Build {
  code: string;
  projections: ReadonlyArray<Projection<unknown>>;
  StageView: new (projection: Projection<unknown>, staged: Map<string, unknown>, cache: Cache, getNow?: (key: string) => unknown) => View;
  DocumentCache: new (limit: number, filterBits?: number) => Cache;
}

const RANGE = 1000;
const STAGE = 50_000;

const load = (code: string): Build => {
  const dist = join(code, 'dist', 'src', 'read-models');
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { PROJECTIONS } = require(join(dist, 'projections.js')) as Pick<Build, 'projections'> & { PROJECTIONS: Build['projections'] };
  const { StageView } = require(join(dist, 'stage-view.js')) as Pick<Build, 'StageView'>;
  const { DocumentCache } = require(join(dist, 'document-cache.js')) as Pick<Build, 'DocumentCache'>;
  /* eslint-enable @typescript-eslint/no-require-imports */
  return { code, projections: PROJECTIONS, StageView, DocumentCache };
};

/** CPU ms of one projection's fold as a rebuild does it, and a digest of what it stored. */
function fold(build: Build, projection: Projection<unknown>, events: readonly ProjectedEvent[]): { ms: number; check: string } {
  const stored = new Map<string, unknown>();
  const cache = new build.DocumentCache(5_000, 1 << 21);
  let staged = new Map<string, unknown>();
  // A copy, as the staging's JSON round trip hands back.
  const view = new build.StageView(projection, staged, cache, (key) => structuredClone(stored.get(key)));
  // The staging's own time (a copy per document, as its JSON stands for) is left out of the figure.
  let stagingMs = 0;
  const stage = () => {
    const from = process.cpuUsage();
    for (const [key, doc] of staged) stored.set(key, structuredClone(doc));
    cache.remember(staged);
    staged = new Map();
    view.restage(staged);
    const used = process.cpuUsage(from);
    stagingMs += (used.user + used.system) / 1000;
  };
  const started = process.cpuUsage();
  let position = 0;
  for (let at = 0; at < events.length; at += RANGE) {
    position = view.applyAll(events.slice(at, at + RANGE), position);
    if (Math.floor((at + RANGE) / STAGE) > Math.floor(at / STAGE)) stage();
  }
  stage();
  const used = process.cpuUsage(started);
  const digest = createHash('sha256');
  let docs = 0;
  for (const key of [...stored.keys()].sort()) {
    if (stored.get(key) === undefined) continue;
    docs++;
    digest.update(`${key}\t${JSON.stringify(stored.get(key))}\n`);
  }
  return { ms: (used.user + used.system) / 1000 - stagingMs, check: `${docs} docs ${digest.digest('hex').slice(0, 12)}` };
}

async function main(): Promise<void> {
  const [dataDir, rounds = '3', ...codes] = process.argv.slice(2);
  if (!dataDir || codes.length === 0) throw new Error('usage: stage-view-cpu.js DATA_DIR ROUNDS CODE [CODE...]');
  const builds = codes.map(load);
  const events = await parsedLog(codes[0]!, dataDir);
  console.log(`${events.length} events`);
  const totals = new Map<string, number[]>();
  for (let round = 0; round < Number(rounds); round++) {
    // Builds in turns, the first one first in odd rounds and last in even ones.
    for (const build of round % 2 === 0 ? builds : [...builds].reverse()) {
      let sum = 0;
      const checks: string[] = [];
      for (const projection of build.projections) {
        const { ms, check } = fold(build, projection, events);
        sum += ms;
        checks.push(`${projection.name} ${ms.toFixed(0)} ms (${check})`);
      }
      totals.set(build.code, [...(totals.get(build.code) ?? []), sum]);
      console.log(`round ${round + 1} ${build.code}: ${sum.toFixed(0)} ms CPU, ${((sum * 1000) / events.length).toFixed(2)} µs per event\n  ${checks.join('\n  ')}`);
    }
  }
  for (const [code, sums] of totals) {
    const sorted = [...sums].sort((a, b) => a - b);
    console.log(`${code}: median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms (${sorted.map((s) => s.toFixed(0)).join(', ')})`);
  }
}

void main();
