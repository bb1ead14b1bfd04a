import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getHeapSpaceStatistics } from 'node:v8';
import Database from 'better-sqlite3';
import type { Dataset } from '../workloads/dataset';

/**
 * W5a's cost per read in the figures a shared machine's noise moves least
 * (docs/performance.md, "Issue #23: W5a and W5b"): bytes allocated on the
 * young generation and CPU per read, for each step of the history read
 * (readStream, fold, reveal) and for the JSON the route would send, beside
 * the raw SELECT + JSON.parse. Each build runs in a child process of its own,
 * the builds in turns (A, B, A, B…), on one prepared store.
 *
 *   node dist-bench/bench/probes/history-cost.js DIR TURNS DIST-BENCH-A [DIST-BENCH-B …]
 *
 * DIR keeps the prepared store between runs (the same as `edge-cpu.js w5 DIR`:
 * 100k events); a DIST-BENCH is a tree's `dist-bench` directory, built by its
 * `npm run bench` (or `tsc -b tsconfig.build.json && tsc -p bench/tsconfig.json`).
 */
const READS = Number(process.env.HISTORY_COST_READS ?? 2000);

interface StepFigures {
  /** Median bytes allocated per read (young generation), reads spanning a scavenge left out. */
  bytes: number;
}

interface ChildResult {
  build: string;
  reads: number;
  /** Whole process CPU (every thread: GC helpers too) per read, µs. */
  cpuUs: number;
  /** The same for the raw baseline. */
  rawCpuUs: number;
  p50: number;
  p99: number;
  rawP50: number;
  rawP99: number;
  steps: Record<'read' | 'fold' | 'reveal' | 'json' | 'raw', StepFigures>;
  /** Median wall time of each step of the timed reads, µs (a step preempted shows in p99, not here). */
  stepUs: Record<'read' | 'fold' | 'reveal', number>;
}

const usedNow = () => {
  let used = 0;
  for (const space of getHeapSpaceStatistics()) if (space.space_name === 'new_space' || space.space_name === 'new_large_object_space') used += space.space_used_size;
  return used;
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)] ?? NaN;
const draw = (ids: readonly string[], count: number, offset: number) => Array.from({ length: count }, (_, i) => ids[(i * 7919 + offset) % ids.length]!);

async function child(build: string, dir: string): Promise<void> {
  const data = JSON.parse(readFileSync(join(dir, 'dataset.json'), 'utf8')) as Dataset;
  const from = (path: string): any => require(join(resolve(build), path));
  const { loadConfig } = from('src/config/config');
  const { openStorage, sqliteFile } = from('src/storage/open-storage');
  const { PersonalDataCipher } = from('src/privacy/crypto/personal-data.cipher');
  const { caseHistory, historyAsOf } = from('projections/case-history/case-history');
  const storage = await openStorage(loadConfig({ DATA_DIR: data.dataDir, JWT_SECRET: 'x'.repeat(40), EVENT_STORE: 'sqlite', LOG_LEVEL: 'warn' }));
  const cipher = new PersonalDataCipher(storage.citizenKeys);
  const db = new Database(sqliteFile(data.dataDir), { readonly: true });
  const select = db.prepare<[string], { data: string; metadata: string }>('SELECT position, revision, type, schema_version, data, metadata, recorded_at FROM events WHERE stream_id = ? ORDER BY revision');
  const overhead = (() => {
    const xs: number[] = [];
    for (let i = 0; i < 50; i++) {
      const a = usedNow();
      xs.push(usedNow() - a);
    }
    return median(xs);
  })();
  const allocated: Record<string, number[]> = { read: [], fold: [], reveal: [], json: [], raw: [] };
  const keep = (step: string, before: number, after: number) => {
    const delta = after - before - overhead;
    if (delta >= 0) allocated[step]!.push(delta);
  };
  // The read as W5a times it; the JSON the route would send is made (and checked) apart, in the allocation pass.
  const stepUs: Record<'read' | 'fold' | 'reveal', number[]> = { read: [], fold: [], reveal: [] };
  const read = async (caseId: string, measure: boolean) => {
    const t0 = process.hrtime.bigint();
    const u0 = measure ? usedNow() : 0;
    const events = await storage.events.readStream(`case-${caseId}`);
    const u1 = measure ? usedNow() : 0;
    const t1 = process.hrtime.bigint();
    const entries = historyAsOf(caseHistory(events), undefined, 'occurred');
    const u2 = measure ? usedNow() : 0;
    const t2 = process.hrtime.bigint();
    const answer: unknown = await cipher.reveal(entries);
    if (!measure) {
      const t3 = process.hrtime.bigint();
      (stepUs.read.push(Number(t1 - t0) / 1e3), stepUs.fold.push(Number(t2 - t1) / 1e3), stepUs.reveal.push(Number(t3 - t2) / 1e3));
      return;
    }
    const u3 = usedNow();
    const json = JSON.stringify(answer);
    const u4 = usedNow();
    (keep('read', u0, u1), keep('fold', u1, u2), keep('reveal', u2, u3), keep('json', u3, u4));
    if (json.includes('"enc:')) throw new Error(`case ${caseId}: a sealed value left in the answer`);
  };
  const raw = (caseId: string, measure: boolean) => {
    const u0 = measure ? usedNow() : 0;
    const rows = select.all(`case-${caseId}`).map((row) => ({ ...row, data: JSON.parse(row.data) as unknown, metadata: JSON.parse(row.metadata) as unknown }));
    if (measure) keep('raw', u0, usedNow());
    if (rows.length === 0) throw new Error(`no events for case ${caseId}`);
  };
  for (const id of draw(data.caseIds, 200, 1)) (await read(id, false), raw(id, false));
  // Allocation, then time: the heap statistics' own calls stay out of the timed reads.
  for (const id of draw(data.caseIds, READS, 7)) (await read(id, true), raw(id, true));
  const timed = async (run: (id: string) => unknown) => {
    const samples: number[] = [];
    const c0 = process.cpuUsage();
    for (const id of draw(data.caseIds, READS, 3)) {
      const t = process.hrtime.bigint();
      await run(id);
      samples.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    const c = process.cpuUsage(c0);
    return { cpuUs: (c.user + c.system) / READS, p50: percentile(samples, 50), p99: percentile(samples, 99) };
  };
  const core = await timed((id) => read(id, false));
  const stepMedians = { read: median(stepUs.read), fold: median(stepUs.fold), reveal: median(stepUs.reveal) };
  const floor = await timed((id) => raw(id, false));
  await storage.close();
  db.close();
  const steps = Object.fromEntries(Object.entries(allocated).map(([step, xs]) => [step, { bytes: Math.round(median(xs)) }])) as ChildResult['steps'];
  const result: ChildResult = { build, reads: READS, cpuUs: core.cpuUs, rawCpuUs: floor.cpuUs, p50: core.p50, p99: core.p99, rawP50: floor.p50, rawP99: floor.p99, steps, stepUs: stepMedians };
  process.stdout.write(JSON.stringify(result));
}

function main(): void {
  const [dir, turns = '3', ...builds] = process.argv.slice(2);
  if (!dir || builds.length === 0) throw new Error('usage: history-cost.js DIR TURNS DIST-BENCH-A [DIST-BENCH-B …]');
  if (!existsSync(join(dir, 'dataset.json'))) {
    mkdirSync(dir, { recursive: true });
    throw new Error(`no prepared store in ${dir}: run node dist-bench/bench/probes/edge-cpu.js w5 ${dir} 1 first`);
  }
  const results = new Map<string, ChildResult[]>(builds.map((build) => [build, []]));
  for (let turn = 0; turn < Number(turns); turn++) {
    for (const build of turn % 2 ? [...builds].reverse() : builds) {
      const out = execFileSync(process.execPath, [__filename, '--child', build, dir], { encoding: 'utf8', maxBuffer: 1 << 24 });
      const result = JSON.parse(out) as ChildResult;
      results.get(build)!.push(result);
      console.log(JSON.stringify({ turn, ...result }));
    }
  }
  const summary = [...results].map(([build, rs]) => ({
    build,
    turns: rs.length,
    cpuUsPerRead: Number(median(rs.map((r) => r.cpuUs)).toFixed(1)),
    rawCpuUsPerRead: Number(median(rs.map((r) => r.rawCpuUs)).toFixed(1)),
    p50: Number(median(rs.map((r) => r.p50)).toFixed(3)),
    p99: Number(median(rs.map((r) => r.p99)).toFixed(3)),
    rawP50: Number(median(rs.map((r) => r.rawP50)).toFixed(3)),
    rawP99: Number(median(rs.map((r) => r.rawP99)).toFixed(3)),
    stepUs: Object.fromEntries(Object.keys(rs[0]!.stepUs).map((step) => [step, Number(median(rs.map((r) => r.stepUs[step as keyof ChildResult['stepUs']])).toFixed(1))])),
    bytesPerRead: Object.fromEntries(Object.keys(rs[0]!.steps).map((step) => [step, median(rs.map((r) => r.steps[step as keyof ChildResult['steps']].bytes))])),
  }));
  for (const s of summary) console.log(JSON.stringify(s));
  if (process.env.HISTORY_COST_OUT) writeFileSync(process.env.HISTORY_COST_OUT, JSON.stringify(summary, null, 2));
}

if (process.argv[2] === '--child') {
  child(process.argv[3]!, process.argv[4]!).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else main();
