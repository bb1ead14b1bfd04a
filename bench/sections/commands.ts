import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Profile } from '../lib/profile';
import { failedRow, median, Row, rowOf, summarise } from '../lib/stats';
import { httpCommands, prepareHttpData } from '../workloads/http-commands';
import { coreCommands } from '../workloads/sqlite-commands';

/** W1 (single client), W2 (32 clients, group commit) and W3 (HTTP, 32 connections), all against W1's raw baseline or W2. */
export async function commandRows(profile: Profile, dir: string, log: (line: string) => void): Promise<Row[]> {
  const raw: number[] = [];
  const single: number[] = [];
  const concurrent: number[] = [];
  const perCommit: number[] = [];
  const refused: number[] = [];
  for (let rep = 0; rep < profile.repetitions; rep++) {
    const repDir = mkdtempSync(join(dir, 'commands-'));
    try {
      const one = await coreCommands(repDir, 'single', profile.singleClientCases, 1, 100 + rep, true);
      raw.push(one.rawPerSecond!);
      single.push(one.perSecond);
      const many = await coreCommands(repDir, 'concurrent', profile.concurrentCases, profile.clients, 200 + rep, false);
      concurrent.push(many.perSecond);
      perCommit.push(many.perCommit);
      refused.push(many.refused / (many.commands + many.refused));
      log(`W1/W2 repetition ${rep + 1}: raw ${raw[rep]!.toFixed(0)}/s, single ${one.perSecond.toFixed(0)}/s (${one.commands} commands), ${profile.clients} clients ${many.perSecond.toFixed(0)}/s, ${many.perCommit.toFixed(1)} appends per commit`);
    } finally {
      rmSync(repDir, { recursive: true, force: true });
    }
  }
  const rawBaseline = { name: 'raw better-sqlite3 single-row inserts (WAL, synchronous=FULL)', unit: 'inserts/s', value: summarise(raw) };
  const w2 = summarise(concurrent);
  const rows = [
    rowOf({
      name: 'W1',
      unit: 'commands/s',
      value: summarise(single),
      baseline: rawBaseline,
      target: { on: 'ratio', direction: 'at-least', threshold: 0.8 },
      note: 'single client: the seed’s case stories through the case command handler (lookups, sealing) and append, SQLite synchronous=FULL',
    }),
    rowOf({
      name: 'W2',
      unit: 'commands/s',
      value: w2,
      baseline: rawBaseline,
      target: { on: 'ratio', direction: 'at-least', threshold: 3 },
      note: `${profile.clients} in-process clients on distinct cases; median ${median(perCommit).toFixed(1)} appends per commit; ${(median(refused) * 100).toFixed(1)}% of commands refused by a rule (a visitor filled up meanwhile)`,
    }),
  ];
  try {
    rows.push(await http(profile, dir, { name: 'W2 (32 in-process clients)', unit: 'commands/s', value: w2 }, log));
  } catch (error) {
    log(`W3 failed: ${error instanceof Error ? error.stack : String(error)}`);
    rows.push(failedRow('W3', error instanceof Error ? error.message : String(error)));
  }
  return rows;
}

async function http(profile: Profile, dir: string, baseline: Parameters<typeof rowOf>[0]['baseline'], log: (line: string) => void): Promise<Row> {
  const dataDir = await prepareHttpData(mkdtempSync(join(dir, 'http-')), profile.httpCases);
  const rates: number[] = [];
  const p50: number[] = [];
  const p99: number[] = [];
  let errors = 0;
  for (let rep = 0; rep < profile.repetitions; rep++) {
    const run = await httpCommands(dataDir, profile.httpSeconds, profile.clients);
    rates.push(run.perSecond);
    p50.push(run.p50);
    p99.push(run.p99);
    errors += run.errors;
    log(`W3 repetition ${rep + 1}: ${run.perSecond.toFixed(0)}/s, p50 ${run.p50} ms, p99 ${run.p99} ms, ${run.errors} errors`);
  }
  return rowOf({
    name: 'W3',
    unit: 'commands/s',
    value: summarise(rates),
    baseline,
    target: { on: 'ratio', direction: 'at-least', threshold: 0.5 },
    note: `the real server over HTTP, autocannon with ${profile.clients} connections, POST /cases/:caseId/assessments on open seeded cases (auth, access log, sealing, synchronous=FULL); latency p50 ${median(p50)} ms (${Math.min(...p50)}–${Math.max(...p50)}), p99 ${median(p99)} ms (${Math.min(...p99)}–${Math.max(...p99)}); ${errors} non-2xx or errors`,
  });
}
