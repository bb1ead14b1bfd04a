import { join } from 'node:path';
import type { Profile } from '../lib/profile';
import { failedRow, median, Row, rowOf, summarise } from '../lib/stats';
import { startBareFastify, startBareServer, startServer } from '../lib/server';
import { sqliteFile } from '../../src/storage/open-storage';
import { Dataset, prepareDataset } from '../workloads/dataset';
import { bareFastifyLatency, bareLatency, healthLatency, historyLatency } from '../workloads/history';
import { historyInProcess, rawStreamParse } from '../workloads/history-in-process';
import { cliRebuild, rawScan } from '../workloads/rebuild';

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** W4 (rebuild), W6 (its peak RSS), W7 (start-up) and W5a/W5b (history latency in process and over HTTP), on one prepared store of `profile.events` events. */
export async function storedRows(profile: Profile, dir: string, log: (line: string) => void): Promise<Row[]> {
  const started = Date.now();
  const data = await prepareDataset(join(dir, 'stored'), profile.events, profile.baseCases, log);
  log(`prepared ${data.events} events in ${Math.round((Date.now() - started) / 1000)} s`);
  const rows: Row[] = [];
  const guard = async (names: string[], run: () => Promise<Row[]>) => {
    try {
      rows.push(...(await run()));
    } catch (error) {
      log(`${names.join('/')} failed: ${error instanceof Error ? error.stack : String(error)}`);
      rows.push(...names.map((name) => failedRow(name, reason(error))));
    }
  };
  await guard(['W4', 'W6'], () => rebuildRows(profile, data, log));
  await guard(['W5a'], () => inProcessHistoryRows(profile, data, log));
  await guard(['W7', 'W5b'], () => serverRows(profile, data, log));
  return rows;
}

async function rebuildRows(profile: Profile, data: Dataset, log: (line: string) => void): Promise<Row[]> {
  const scans: number[] = [];
  const rates: number[] = [];
  const rss: number[] = [];
  for (let rep = 0; rep < profile.rebuildRepetitions; rep++) {
    scans.push(rawScan(data.dataDir));
    const run = await cliRebuild(data.dataDir, data.events, 20 * 60_000);
    rates.push(run.eventsPerSecond);
    rss.push(run.peakRssMb);
    log(`W4/W6 repetition ${rep + 1}: raw scan ${scans[rep]!.toFixed(0)} events/s, rebuild ${run.eventsPerSecond.toFixed(0)} events/s (${run.seconds.toFixed(1)} s), peak RSS ${run.peakRssMb.toFixed(0)} MB`);
  }
  const events = `${data.events.toLocaleString('en-US')} events (${data.seededCases} cases seeded through the command path, ${data.copies} copies bulk-loaded with fresh ids)`;
  return [
    rowOf({
      name: 'W4',
      unit: 'events/s',
      value: summarise(rates),
      baseline: { name: 'raw scan of the events table with JSON.parse of each row', unit: 'events/s', value: summarise(scans) },
      target: { on: 'ratio', direction: 'at-least', threshold: 0.5 },
      note: `cli rebuild of every projection from position 0 in a child process; ${events}`,
    }),
    rowOf({ name: 'W6', unit: 'MB', value: summarise(rss), target: { on: 'value', direction: 'below', threshold: 300 }, note: `peak RSS of the cli rebuild child (kernel maxrss); ${events}` }),
  ];
}

/** W5a: the history read below the HTTP edge against the raw SELECT + JSON.parse, in turns, same cases. */
async function inProcessHistoryRows(profile: Profile, data: Dataset, log: (line: string) => void): Promise<Row[]> {
  const service: number[] = [];
  const serviceP50: number[] = [];
  const raw: number[] = [];
  const rawP50: number[] = [];
  for (let rep = 0; rep < profile.startupRepetitions; rep++) {
    const read = await historyInProcess(data.dataDir, data.caseIds, profile.historyRequests, rep * 131);
    const floor = rawStreamParse(data.dataDir, data.caseIds, profile.historyRequests, rep * 131);
    service.push(read.p99);
    serviceP50.push(read.p50);
    raw.push(floor.p99);
    rawP50.push(floor.p50);
    log(`W5a repetition ${rep + 1}: history read p50 ${read.p50.toFixed(3)} ms, p99 ${read.p99.toFixed(3)} ms; raw SELECT + JSON.parse p50 ${floor.p50.toFixed(3)} ms, p99 ${floor.p99.toFixed(3)} ms`);
  }
  return [
    rowOf({
      name: 'W5a',
      unit: 'ms (p99)',
      value: summarise(service),
      baseline: { name: 'raw prepared SELECT of the stream’s rows + JSON.parse of data and metadata (p99)', unit: 'ms', value: summarise(raw) },
      target: { on: 'ratio', direction: 'at-most', threshold: 3 },
      note: `in process, what GET /cases/:caseId/history runs below the edge (openStorage's event store readStream, caseHistory + historyAsOf, PersonalDataCipher.reveal), ${profile.historyRequests} random cases of ${data.events.toLocaleString('en-US')} events one at a time, in turns with the baseline on the same cases; p50 ${median(serviceP50).toFixed(3)} ms against ${median(rawP50).toFixed(3)} ms`,
    }),
  ];
}

async function serverRows(profile: Profile, data: Dataset, log: (line: string) => void): Promise<Row[]> {
  const startups: number[] = [];
  const history: number[] = [];
  const historyP50: number[] = [];
  const fastify: number[] = [];
  const fastifyP50: number[] = [];
  const health: number[] = [];
  const bare: number[] = [];
  const bareP50: number[] = [];
  for (let rep = 0; rep < profile.startupRepetitions; rep++) {
    const server = await startServer(data.dataDir, 5 * 60_000);
    try {
      startups.push(server.healthyAfter);
      // Warm up the way a day's first requests would, then measure.
      await historyLatency(server, data.dataDir, data.caseIds, 20, rep * 31 + 1);
      const core = await historyLatency(server, data.dataDir, data.caseIds, profile.historyRequests, rep * 131);
      history.push(core.p99);
      historyP50.push(core.p50);
      health.push((await healthLatency(server, 200)).p99);
    } finally {
      await server.stop();
    }
    // The baseline, in the same minutes: a bare Fastify route running the raw SELECT, same client, same cases.
    const route = await startBareFastify(sqliteFile(data.dataDir));
    try {
      await bareFastifyLatency(route, data.caseIds, 20, rep * 31 + 1);
      const rows = await bareFastifyLatency(route, data.caseIds, profile.historyRequests, rep * 131);
      fastify.push(rows.p99);
      fastifyP50.push(rows.p50);
    } finally {
      await route.stop();
    }
    // The floor: a bare node:http server answering a fixed JSON body, the same client, as many requests.
    const floor = await startBareServer();
    try {
      const round = await bareLatency(floor, profile.historyRequests);
      bare.push(round.p99);
      bareP50.push(round.p50);
    } finally {
      await floor.stop();
    }
    log(
      `W7/W5b repetition ${rep + 1}: healthy after ${startups[rep]!.toFixed(2)} s; history p50 ${historyP50[rep]!.toFixed(2)} ms, p99 ${history[rep]!.toFixed(2)} ms; bare Fastify SELECT p50 ${fastifyP50[rep]!.toFixed(2)} ms, p99 ${fastify[rep]!.toFixed(2)} ms; /health p99 ${health[rep]!.toFixed(2)} ms; bare node:http p50 ${bareP50[rep]!.toFixed(2)} ms, p99 ${bare[rep]!.toFixed(2)} ms`,
    );
  }
  return [
    rowOf({
      name: 'W7',
      unit: 's',
      value: summarise(startups),
      target: { on: 'value', direction: 'below', threshold: 2 },
      note: `node dist/src/main.js on ${data.events.toLocaleString('en-US')} stored events (read models built), from spawn to the first 200 of /health`,
    }),
    rowOf({
      name: 'W5b',
      unit: 'ms (p99)',
      value: summarise(history),
      baseline: { name: 'bare Fastify route in its own process, raw SELECT, rows as JSON (p99)', unit: 'ms', value: summarise(fastify) },
      target: { on: 'ratio', direction: 'at-most', threshold: 2 },
      note: `GET /cases/:caseId/history, one at a time, ${profile.historyRequests} random cases of ${data.events.toLocaleString('en-US')} events, bearer token, access log and decryption on; the baseline the same client, cases and count; p50 ${median(historyP50).toFixed(2)} ms against ${median(fastifyP50).toFixed(2)} ms; for scale, in the same run: GET /health p99 ${median(health).toFixed(2)} ms, and the floor, a bare node:http server answering a fixed JSON body, p50 ${median(bareP50).toFixed(2)} ms, p99 ${median(bare).toFixed(2)} ms (${Math.min(...bare).toFixed(2)}–${Math.max(...bare).toFixed(2)})`,
    }),
  ];
}
