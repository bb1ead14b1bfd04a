/**
 * `npm run bench` (all workloads, about 15 minutes on 2 cores) and
 * `npm run bench -- --quick` (under 3 minutes): each figure the median of
 * several repetitions against a baseline measured in the same run; a table on
 * standard output and bench/results/latest.json. See docs/performance.md.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { profileOf } from './lib/profile';
import { Row, failedRow } from './lib/stats';
import { table } from './lib/table';
import { commandRows } from './sections/commands';
import { postgresRows } from './sections/postgres';
import { storedRows } from './sections/stored';
import { suggestionRows } from './sections/suggestions';

const log = (line: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

async function main(): Promise<void> {
  // The in-process Directory logs at start; the table is what this run is for.
  Logger.overrideLogger(['warn', 'error']);
  const profile = profileOf(process.argv.includes('--quick'));
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
  const dir = mkdtempSync(join(tmpdir(), 'brobygger-bench-'));
  const started = Date.now();
  const rows: Row[] = [];
  const section = async (names: string[], run: () => Promise<Row[]>) => {
    if (only && !names.some((n) => only.includes(n))) return;
    try {
      rows.push(...(await run()));
    } catch (error) {
      const reason = error instanceof Error ? (error.stack ?? error.message) : String(error);
      log(`${names.join('/')} failed: ${reason}`);
      rows.push(...names.map((name) => failedRow(name, reason.split('\n')[0]!)));
    }
  };
  log(`${profile.quick ? 'quick' : 'full'} run in ${dir}; ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB`);
  try {
    await section(['W1', 'W2', 'W3'], () => commandRows(profile, dir, log));
    await section(['W4', 'W5', 'W5a', 'W5b', 'W6', 'W7'], () => storedRows(profile, dir, log));
    await section(['W8'], () => postgresRows(profile, log));
    await section(['W9'], () => suggestionRows(profile, log));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  rows.sort((a, b) => a.name.localeCompare(b.name));
  const results = join(process.cwd(), 'bench', 'results');
  mkdirSync(results, { recursive: true });
  writeFileSync(join(results, 'latest.json'), `${JSON.stringify(rows, null, 2)}\n`);
  console.log(table(rows));
  log(`done in ${Math.round((Date.now() - started) / 1000)} s; bench/results/latest.json written`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
