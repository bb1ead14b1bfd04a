import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app.factory';
import { backupTo, restoreFrom } from '../../src/cli/backup';
import { karenReferral } from './support/fixtures';
import { startTestApp, testConfig } from './support/test-app';
import { dropSchema } from '../support/postgres';

/** Every entry under `dir` (itself included) with its permission bits. */
function modesUnder(dir: string): Map<string, number> {
  const modes = new Map<string, number>();
  const visit = (path: string) => {
    const stat = statSync(path);
    modes.set(path, stat.mode & 0o777);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  visit(dir);
  return modes;
}

/** Runs `work` with what the process writes to stdout and stderr collected. */
async function capturingOutput(work: () => Promise<void>): Promise<string> {
  const lines: string[] = [];
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  const collect = (chunk: string | Uint8Array) => (lines.push(String(chunk)), true);
  process.stdout.write = collect as typeof process.stdout.write;
  process.stderr.write = collect as typeof process.stderr.write;
  try {
    await work();
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
  return lines.join('');
}

/**
 * DATA_DIR holds every citizen's key and the password hashes: it and its files
 * are the service's user's alone (0700, 0600), whatever the umask of the
 * process that starts it, and a start says so when they are not.
 */
describe('the data directory on disk', () => {
  const root = mkdtempSync(join(tmpdir(), 'brobygger-modes-'));
  let umask: number;
  // A common default that leaves files readable by everyone: the modes must not depend on it.
  beforeAll(() => (umask = process.umask(0o022)));
  afterAll(() => {
    process.umask(umask);
    rmSync(root, { recursive: true, force: true });
  });
  const onSqlite = process.env.E2E_STORE !== 'postgres';

  it('is created 0700, and every file in it is 0600 (database, WAL, shared memory, secrets)', async () => {
    const dir = join(root, 'fresh', 'data');
    const t = await startTestApp('sqlite', dir, true);
    try {
      await t.http.post('/cases').set('idempotency-key', 'a-key').send(karenReferral()).expect(201);
      const modes = modesUnder(dir);
      const names = [...modes.keys()].map((path) => path.slice(dir.length + 1)).filter(Boolean);
      // On PostgreSQL the secrets live in the database (the harness leaves the signing key's file, which it signs with).
      expect(names).toEqual(expect.arrayContaining(['jwt-signing.key', ...(onSqlite ? ['pseudonym.key', 'idempotency.key', 'brobygger.db', 'brobygger.db-wal', 'brobygger.db-shm'] : [])]));
      const wide = [...modes].filter(([path, mode]) => mode !== (path === dir ? 0o700 : 0o600)).map(([path, mode]) => `${path} ${mode.toString(8)}`);
      expect(wide).toEqual([]);
    } finally {
      await t.close();
    }
  });

  (onSqlite ? it : it.skip)('writes a backup 0600, and a restored store still recognises a retry by its Idempotency-Key', async () => {
    const live = join(root, 'live');
    let t = await startTestApp('sqlite', live, true);
    const first = await t.http.post('/cases').set('idempotency-key', 'referral-before-backup').send(karenReferral()).expect(201);
    const file = join(root, 'backups', 'nightly.db');
    await backupTo(live, file);
    await t.close();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(root, 'backups')).mode & 0o777).toBe(0o700);

    const restored = join(root, 'restored');
    restoreFrom(restored, file, false);
    t = await startTestApp('sqlite', restored, true);
    try {
      const retry = await t.http.post('/cases').set('idempotency-key', 'referral-before-backup').send(karenReferral()).expect(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body).toEqual(first.body);
      expect([...modesUnder(restored)].filter(([path, mode]) => mode !== (path === restored ? 0o700 : 0o600))).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it('warns at start, without refusing, about a directory or file others may read; the database it narrows to 0600', async () => {
    const dir = join(root, 'shared');
    const config = { ...testConfig('sqlite', dir), logLevel: 'warn' as const };
    await (await createApp(config, { logs: false })).close();
    chmodSync(dir, 0o755);
    // A secret file on SQLite; on PostgreSQL, whose secrets are in the database, a file copied in.
    const widened = join(dir, onSqlite ? 'pseudonym.key' : 'copied-in.txt');
    if (!onSqlite) writeFileSync(widened, 'x');
    chmodSync(widened, 0o644);
    if (onSqlite) chmodSync(join(dir, 'brobygger.db'), 0o644);

    const logged = await capturingOutput(async () => {
      const app = await createApp(config);
      await app.close();
    });
    const warnings = logged
      .split('\n')
      .filter((line) => line.includes('DATA_DIR'))
      .map((line) => JSON.parse(line) as { level: string; message: { path: string; mode: string } })
      .map(({ level, message }) => ({ level, ...message }));
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ level: 'warn', path: dir, mode: '0755' }),
        expect.objectContaining({ level: 'warn', path: widened, mode: '0644' }),
      ]),
    );
    if (onSqlite) expect(statSync(join(dir, 'brobygger.db')).mode & 0o777).toBe(0o600);
    if (config.eventStore === 'postgres') await dropSchema(config.databaseSchema);
  });
});
