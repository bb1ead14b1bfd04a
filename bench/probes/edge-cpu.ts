import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { signingKey } from '../../src/privacy/signing-key';
import { issueToken } from '../../src/privacy/tokens';
import { JWT_SECRET, RunningServer, startBareServer, startServer } from '../lib/server';
import { cliRebuild } from '../workloads/rebuild';
import { Dataset, prepareDataset } from '../workloads/dataset';
import { bareLatency, healthLatency, historyLatency } from '../workloads/history';
import { openCases, prepareHttpData } from '../workloads/http-commands';

/**
 * The HTTP edge's CPU per request, the figure a shared machine's noise moves
 * least (docs/performance.md, "Probes"). Not part of the
 * bench's table. The server measured is `dist/src/main.js` of the working
 * directory, so the same probe measures another build from its own tree:
 *
 *   node dist-bench/bench/probes/edge-cpu.js w3 DIR [requests]   # POST /cases/:caseId/assessments, 32 connections
 *   node dist-bench/bench/probes/edge-cpu.js w5 DIR [windows]    # GET /cases/:caseId/history and /health, one at a time
 *
 * DIR keeps the prepared data between runs (W3: 300 seeded cases; W5: 100k events).
 */
const perRequest = (server: RunningServer, before: number, requests: number) => Math.round(((server.cpuSeconds() - before) / requests) * 1e6);

async function commands(dir: string, requests: number): Promise<void> {
  const pristine = join(dir, 'w3-pristine');
  if (!existsSync(join(pristine, 'ready'))) {
    rmSync(pristine, { recursive: true, force: true });
    await prepareHttpData(pristine, 300);
    writeFileSync(join(pristine, 'ready'), '');
  }
  const dataDir = join(dir, `w3-run-${process.pid}`);
  cpSync(join(pristine, 'w3'), dataDir, { recursive: true });
  const ids = openCases(dataDir);
  const server = await startServer(dataDir, 60_000);
  try {
    const token = issueToken(signingKey(dataDir, JWT_SECRET), { sub: 'bench-coordinator', role: 'coordinator' });
    const body = JSON.stringify({ instrument: 'ucla3', answers: [2, 3, 2] });
    let next = 0;
    const run = (amount: number) =>
      autocannon({
        url: server.url,
        connections: 32,
        amount,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        requests: [{ method: 'POST', body, setupRequest: (req) => ({ ...req, path: `/cases/${ids[next++ % ids.length]}/assessments` }) }],
      });
    await run(500);
    const before = server.cpuSeconds();
    const mainBefore = server.mainThreadCpuSeconds();
    const result = await run(requests);
    const ok = result['2xx'];
    // serverCpu: the whole process (every thread); mainThreadCpu: the event loop's thread alone.
    const mainThreadCpuUsPerRequest = Math.round(((server.mainThreadCpuSeconds() - mainBefore) / ok) * 1e6);
    console.log(
      JSON.stringify({ tree: process.cwd(), ok, non2xx: result.non2xx, perSecond: Math.round(ok / result.duration), p50: result.latency.p50, p99: result.latency.p99, serverCpuUsPerRequest: perRequest(server, before, ok), mainThreadCpuUsPerRequest }),
    );
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function history(dir: string, windows: number): Promise<void> {
  const file = join(dir, 'dataset.json');
  let data: Dataset;
  if (existsSync(file)) data = JSON.parse(readFileSync(file, 'utf8')) as Dataset;
  else {
    mkdirSync(dir, { recursive: true });
    data = await prepareDataset(join(dir, 'store'), 100_000, 500, console.error);
    await cliRebuild(data.dataDir, data.events, 10 * 60_000);
    writeFileSync(file, JSON.stringify(data));
  }
  const server = await startServer(data.dataDir, 60_000);
  const count = 300;
  try {
    await historyLatency(server, data.dataDir, data.caseIds, 20, 1);
    for (let w = 0; w < windows; w++) {
      const c0 = server.cpuSeconds();
      const h = await historyLatency(server, data.dataDir, data.caseIds, count, w * 131);
      const c1 = server.cpuSeconds();
      const f = await healthLatency(server, count);
      console.log(
        `window ${w}: history p50 ${h.p50.toFixed(2)} ms, p99 ${h.p99.toFixed(2)} ms, ${perRequest(server, c0, count)} µs CPU/request | /health p50 ${f.p50.toFixed(2)} ms, p99 ${f.p99.toFixed(2)} ms, ${perRequest(server, c1, count)} µs CPU/request`,
      );
    }
  } finally {
    await server.stop();
  }
  const bare = await startBareServer();
  try {
    await bareLatency(bare, 50);
    const c0 = bare.cpuSeconds();
    const b = await bareLatency(bare, 1000);
    console.log(`bare node:http: p50 ${b.p50.toFixed(2)} ms, p99 ${b.p99.toFixed(2)} ms, ${perRequest(bare, c0, 1000)} µs CPU/request`);
  } finally {
    await bare.stop();
  }
}

const [mode, dir, count] = process.argv.slice(2);
if ((mode !== 'w3' && mode !== 'w5') || !dir) {
  console.error('usage: edge-cpu.js w3|w5 DIR [requests|windows]');
  process.exit(2);
}
(mode === 'w3' ? commands(dir, Number(count ?? 2000)) : history(dir, Number(count ?? 4))).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
