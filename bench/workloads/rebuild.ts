import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sqliteFile } from '../../src/storage/open-storage';

/** The baseline: every row of the events table read in order, data and metadata parsed once. */
export function rawScan(dataDir: string): number {
  const db = new Database(sqliteFile(dataDir), { readonly: true });
  const scan = db.prepare('SELECT position, stream_id, revision, type, data, metadata, recorded_at FROM events ORDER BY position');
  const started = process.hrtime.bigint();
  let count = 0;
  let check = 0;
  for (const row of scan.iterate() as IterableIterator<{ data: string; metadata: string }>) {
    const data = JSON.parse(row.data) as object;
    const metadata = JSON.parse(row.metadata) as object;
    // Touch what was parsed, so the work cannot be optimised away.
    if (data && metadata) check += 1;
    count += 1;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  db.close();
  if (check !== count) throw new Error('scan lost rows');
  return count / seconds;
}

export interface RebuildRun {
  eventsPerSecond: number;
  peakRssMb: number;
  seconds: number;
}

/**
 * W4 and W6: `cli rebuild` (every projection from position 0) in a child
 * process; its rate from its own summary line (the time it spent rebuilding,
 * not Node's start-up), its peak RSS from the kernel via the preload.
 */
export async function cliRebuild(dataDir: string, events: number, timeoutMs: number): Promise<RebuildRun> {
  const rssFile = join(dataDir, '..', `rss-${process.pid}-${Date.now()}.txt`);
  const preload = join(__dirname, '..', 'children', 'max-rss.js');
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, ['-r', preload, join(process.cwd(), 'dist', 'src', 'cli', 'main.js'), 'rebuild'], {
    env: { ...process.env, DATA_DIR: dataDir, EVENT_STORE: 'sqlite', BENCH_RSS_FILE: rssFile, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearTimeout(timer);
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (code !== 0) throw new Error(`cli rebuild exited with ${code}: ${stderr.slice(-500)}`);
  const summary = stdout
    .trim()
    .split('\n')
    .reverse()
    .map((line) => {
      try {
        return JSON.parse(line) as { seconds?: number; events?: number };
      } catch {
        return undefined;
      }
    })
    .find((s) => s && typeof s.seconds === 'number');
  const seconds = summary?.seconds ?? wall;
  return { eventsPerSecond: (summary?.events ?? events) / seconds, peakRssMb: Number(readFileSync(rssFile, 'utf8')) / 1024 / 1024, seconds };
}
