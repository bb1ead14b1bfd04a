import { ok, strictEqual } from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Gate, runClient, SentCommand } from './clients';
import { cli, sleep, StoreKind, tail, workspace } from './harness';
import { freePort, Server } from './server';
import { readStore } from './store-view';
import { verifyLedger } from './verify';

/** What may lie in DATA_DIR: the store's file with SQLite's own WAL and shared-memory index, the secrets, our log. Never a lock or PID file. */
const EXPECTED = /^(brobygger\.db(-wal|-shm)?|server\.log|jwt-signing\.key|pseudonym\.key|idempotency\.key)$/;

export interface AfterCrashFigures {
  store: StoreKind;
  acknowledgedBeforeKill: number;
  /** What the data directory held right after the SIGKILL. */
  leftBehind: string[];
  cliRebuild: 'ok';
  cliBackup: 'ok' | 'not for this store';
  backupEvents?: number;
  newServer: 'healthy';
}

/**
 * Right after a SIGKILL, `cli rebuild`, `cli backup` and a new server start at
 * once, side by side: nothing the killed process left behind stops them (no
 * lock or PID files; the database's own locks die with the process).
 */
export async function afterCrash(kind: StoreKind): Promise<AfterCrashFigures> {
  const ws = workspace(kind, 'after-crash');
  const port = await freePort();
  const log = join(ws.dataDir, 'server.log');
  const backupDir = mkdtempSync(join(tmpdir(), 'brobygger-backup-'));
  let server = Server.start({ port, env: ws.env, log });
  try {
    await server.healthy();
    const ledger: SentCommand[] = [];
    const gate = new Gate();
    const clients = Array.from({ length: 4 }, (_, i) => runClient(i, () => server.url, ws.token, gate, ledger, 'after'));
    await sleep(1000);
    gate.finish();
    await server.stop('SIGKILL');
    await Promise.all(clients);
    const leftBehind = readdirSync(ws.dataDir).sort();
    for (const file of leftBehind) ok(EXPECTED.test(file), `a SIGKILL left ${file} in the data directory`);

    // All three at once, on what the killed server left.
    const backupFile = join(backupDir, 'brobygger-backup.db');
    server = Server.start({ port, env: ws.env, log });
    const [rebuild, backup] = await Promise.all([
      cli(ws.env, ['rebuild']),
      kind === 'sqlite' ? cli(ws.env, ['backup', '--to', backupFile]) : Promise.resolve(undefined),
      server.healthy(),
    ]);
    strictEqual(rebuild.code, 0, `cli rebuild right after the crash failed: ${rebuild.stderr}`);
    let backupEvents: number | undefined;
    if (backup) {
      strictEqual(backup.code, 0, `cli backup right after the crash failed: ${backup.stderr}`);
      const copy = new Database(backupFile, { readonly: true, fileMustExist: true });
      backupEvents = (copy.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
      copy.close();
    }
    const acknowledged = ledger.filter((s) => s.answers.length > 0).length;
    // The backup holds at least every acknowledged command (one event each).
    if (backupEvents !== undefined) ok(backupEvents >= acknowledged, `the backup holds ${backupEvents} events, ${acknowledged} were acknowledged`);
    await server.stop('SIGTERM');
    verifyLedger(ledger, await readStore(ws.location, ws.subject), ws.storedKey);
    return { store: kind, acknowledgedBeforeKill: acknowledged, leftBehind, cliRebuild: 'ok', cliBackup: backup ? 'ok' : 'not for this store', ...(backupEvents !== undefined && { backupEvents }), newServer: 'healthy' };
  } catch (error) {
    process.stderr.write(`  after-crash ${kind}: failed; the server's log:\n${tail(log)}\n`);
    throw error;
  } finally {
    server.killQuietly();
    await ws.dispose();
    rmSync(backupDir, { recursive: true, force: true });
  }
}
