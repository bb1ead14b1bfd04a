import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Dataset } from '../workloads/dataset';

/**
 * W5a and W5b as the bench measures them (its own workload code, from each
 * tree's build), for two or more trees in turns (A, B, A, B…) on one prepared
 * store (docs/performance.md, "Issue #23: W5a and W5b"). A turn is one
 * repetition of each row per tree, each in a child process of its own run from
 * that tree's directory, so the server it starts is that tree's
 * `dist/src/main.js`. Besides the bench's figures it prints the server's CPU
 * per history request (/proc, whole process), over 600 requests after the
 * bench's 320.
 *
 *   node dist-bench/bench/probes/w5-turns.js DIR TURNS TREE-A [TREE-B …]
 *
 * DIR holds the prepared store of `edge-cpu.js w5 DIR` (100k events); a TREE
 * is a checkout with `dist/` and `dist-bench/` built.
 */
interface TurnResult {
  tree: string;
  w5a: { p50: number; p99: number; rawP50: number; rawP99: number };
  w5b: { p50: number; p99: number; bareP50: number; bareP99: number; serverCpuUsPerRequest: number };
}

const REQUESTS = 300;

async function child(tree: string, dir: string, offset: number): Promise<void> {
  const data = JSON.parse(readFileSync(join(dir, 'dataset.json'), 'utf8')) as Dataset;
  const from = (path: string): any => require(join(tree, 'dist-bench', 'bench', path));
  const { historyInProcess, rawStreamParse } = from('workloads/history-in-process');
  const { historyLatency, bareFastifyLatency } = from('workloads/history');
  const { startServer, startBareFastify } = from('lib/server');
  const { sqliteFile } = require(join(tree, 'dist-bench', 'src', 'storage', 'open-storage'));
  const read = await historyInProcess(data.dataDir, data.caseIds, REQUESTS, offset);
  const floor = rawStreamParse(data.dataDir, data.caseIds, REQUESTS, offset);
  const server = await startServer(data.dataDir, 5 * 60_000);
  let core;
  let cpu;
  try {
    await historyLatency(server, data.dataDir, data.caseIds, 20, offset + 1);
    core = await historyLatency(server, data.dataDir, data.caseIds, REQUESTS, offset);
    // The CPU figure after the bench's part, warm: 600 more requests (/proc counts 10 ms ticks).
    const c0 = server.cpuSeconds();
    await historyLatency(server, data.dataDir, data.caseIds, 2 * REQUESTS, offset + 7);
    cpu = Math.round(((server.cpuSeconds() - c0) / (2 * REQUESTS)) * 1e6);
  } finally {
    await server.stop();
  }
  const route = await startBareFastify(sqliteFile(data.dataDir));
  let bare;
  try {
    await bareFastifyLatency(route, data.caseIds, 20, offset + 1);
    bare = await bareFastifyLatency(route, data.caseIds, REQUESTS, offset);
  } finally {
    await route.stop();
  }
  const result: TurnResult = {
    tree,
    w5a: { p50: read.p50, p99: read.p99, rawP50: floor.p50, rawP99: floor.p99 },
    w5b: { p50: core.p50, p99: core.p99, bareP50: bare.p50, bareP99: bare.p99, serverCpuUsPerRequest: cpu },
  };
  process.stdout.write(`\n${JSON.stringify(result)}`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const range = (xs: number[], digits: number) => `${median(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`;

function main(): void {
  const [dir, turns = '4', ...trees] = process.argv.slice(2);
  if (!dir || trees.length === 0) throw new Error('usage: w5-turns.js DIR TURNS TREE-A [TREE-B …]');
  const results = new Map<string, TurnResult[]>(trees.map((tree) => [resolve(tree), []]));
  for (let turn = 0; turn < Number(turns); turn++) {
    for (const tree of turn % 2 ? [...results.keys()].reverse() : [...results.keys()]) {
      const out = execFileSync(process.execPath, [__filename, '--child', tree, resolve(dir), String(turn * 131)], { cwd: tree, encoding: 'utf8', maxBuffer: 1 << 24 });
      const result = JSON.parse(out.slice(out.lastIndexOf('\n') + 1)) as TurnResult;
      results.get(tree)!.push(result);
      console.log(JSON.stringify({ turn, ...result }));
    }
  }
  for (const [tree, rs] of results) {
    const a = rs.map((r) => r.w5a);
    const b = rs.map((r) => r.w5b);
    console.log(
      JSON.stringify({
        tree,
        turns: rs.length,
        w5a: { p99: range(a.map((x) => x.p99), 3), rawP99: range(a.map((x) => x.rawP99), 3), ratioP99: range(a.map((x) => x.p99 / x.rawP99), 2), p50: range(a.map((x) => x.p50), 3), rawP50: range(a.map((x) => x.rawP50), 3) },
        w5b: {
          p99: range(b.map((x) => x.p99), 2),
          bareP99: range(b.map((x) => x.bareP99), 2),
          ratioP99: range(b.map((x) => x.p99 / x.bareP99), 2),
          p50: range(b.map((x) => x.p50), 2),
          bareP50: range(b.map((x) => x.bareP50), 2),
          serverCpuUsPerRequest: range(b.map((x) => x.serverCpuUsPerRequest), 0),
        },
      }),
    );
  }
}

if (process.argv[2] === '--child') {
  child(process.argv[3]!, process.argv[4]!, Number(process.argv[5])).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else main();
