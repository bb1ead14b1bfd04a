import { ok } from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHmac, randomBytes } from 'node:crypto';
import { issueToken } from '../../src/privacy/tokens';
import { ROOT, Server } from './server';
import { dropPostgresSchema, StoreLocation } from './store-view';

export type StoreKind = 'sqlite' | 'postgres';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The test database, as test/support/postgres.ts reads it. */
export function databaseUrl(): string {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const { PGHOST = '127.0.0.1', PGPORT = '5432', PGUSER = 'postgres', PGDATABASE = 'test' } = process.env;
  return `postgres://${PGUSER}@${PGHOST}:${PGPORT}/${PGDATABASE}`;
}

/** A data directory (and on PostgreSQL a schema) of its own, the server's environment, and a coordinator's token. */
export interface Workspace {
  dataDir: string;
  env: Record<string, string>;
  location: StoreLocation;
  token: string;
  subject: string;
  /** A client's Idempotency-Key as the server stores it: HMAC-SHA256 with the workspace's secret (DATA_DIR/idempotency.key, which the server adopts). */
  storedKey(key: string): string;
  dispose(): Promise<void>;
}

export function workspace(kind: StoreKind, name: string): Workspace {
  const dataDir = mkdtempSync(join(tmpdir(), `brobygger-${name}-`));
  const secret = randomBytes(32).toString('hex');
  const schema = `crash_${randomBytes(6).toString('hex')}`;
  // The idempotency-key secret is the workspace's own, as the signing key is: the server takes it from the file
  // under DATA_DIR (SQLite) or adopts it into the database at its first start (PostgreSQL), so the ledger can hash keys as it does.
  const idempotencySecret = randomBytes(32);
  writeFileSync(join(dataDir, 'idempotency.key'), idempotencySecret.toString('hex'), { mode: 0o600 });
  const env: Record<string, string> = { DATA_DIR: dataDir, JWT_SECRET: secret, EVENT_STORE: kind };
  if (kind === 'postgres') Object.assign(env, { DATABASE_URL: databaseUrl(), DATABASE_SCHEMA: schema });
  const subject = `${name}-coordinator`;
  return {
    dataDir,
    env,
    location: kind === 'sqlite' ? { kind, where: join(dataDir, 'brobygger.db') } : { kind, where: databaseUrl(), schema },
    token: issueToken(Buffer.from(secret, 'utf8'), { sub: subject, role: 'coordinator' }, '4h'),
    subject,
    storedKey: (key) => createHmac('sha256', idempotencySecret).update(key).digest('hex'),
    dispose: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      if (kind === 'postgres') await dropPostgresSchema(databaseUrl(), schema);
    },
  };
}

/** Runs the real command line (`node dist/src/cli/main.js`, what `npm run cli` runs once built) with the server's environment. */
export function cli(env: Record<string, string>, args: string[], timeoutMs = 120_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'dist/src/cli/main.js'), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += String(chunk)));
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Waits until /health reports every projection at the head (lag 0). */
export async function projectionsAtHead(url: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) });
      const body = (await res.json()) as { projections?: Array<{ lag: number; status: string }> };
      const projections = body.projections ?? [];
      if (projections.some((p) => p.status === 'failed')) throw new Error(`a projection stopped: ${JSON.stringify(projections)}`);
      if (res.status === 200 && projections.length > 0 && projections.every((p) => p.lag === 0)) return;
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('a projection stopped')) throw error;
    }
    await sleep(100);
  }
  throw new Error(`the projections did not reach the head within ${timeoutMs} ms`);
}

/** The last lines of a log file, for a failure's message. */
export function tail(file: string, lines = 30): string {
  return existsSync(file) ? readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n') : '(no log)';
}

/**
 * SIGTERM to the group: the server drains and closes the store, then ends as
 * Nest does, by raising the signal again (or with 0). On SQLite a clean close
 * is visible: the last connection checkpoints the WAL and removes it.
 */
export async function stoppedCleanly(server: Server, location: StoreLocation): Promise<void> {
  const exit = await server.stop('SIGTERM');
  ok(exit.code === 0 || exit.signal === 'SIGTERM', `the server ended with ${exit.code ?? exit.signal} on SIGTERM`);
  if (location.kind === 'sqlite') ok(!existsSync(`${location.where}-wal`), 'the SQLite WAL is still there after SIGTERM: the store was not closed');
}
