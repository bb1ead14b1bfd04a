import { chmodSync, existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { sqliteFile } from '../storage/open-storage';
import { SecretName, secretPath } from '../storage/secrets';
import { makePrivateDir, PRIVATE_FILE_MODE } from '../shared/private-files';

/**
 * Files under DATA_DIR that a restore needs beside the database (the sqlite
 * module keeps its secrets there: src/storage/sqlite.storage.ts): without them
 * tokens and pseudonyms change, and a retry's Idempotency-Key is not recognised.
 */
const SECRET_NAMES: readonly SecretName[] = ['jwt-signing', 'pseudonym', 'idempotency'];
const SECRETS = SECRET_NAMES.map((name) => (dataDir: string) => secretPath(dataDir, name));

export interface BackupResult {
  file: string;
  events: number;
  bytes: number;
}

/**
 * SQLite's online backup of the store's file while the server runs (it copies
 * a consistent snapshot page by page, letting writers go on), then the secrets
 * kept beside it, in a table of the copy. The copy holds the citizens' keys
 * and the access log like the original: keep it as carefully.
 */
export async function backupTo(dataDir: string, file: string): Promise<BackupResult> {
  const source = new Database(sqliteFile(dataDir), { readonly: true, fileMustExist: true });
  try {
    makePrivateDir(dirname(file));
    await source.backup(file);
    // It holds what the store holds (every citizen's key): 0600, whatever the umask.
    chmodSync(file, PRIVATE_FILE_MODE);
  } finally {
    source.close();
  }
  const copy = new Database(file);
  try {
    copy.exec('CREATE TABLE IF NOT EXISTS backup_secrets (name TEXT PRIMARY KEY, value BLOB NOT NULL)');
    const put = copy.prepare('INSERT OR REPLACE INTO backup_secrets (name, value) VALUES (?, ?)');
    for (const path of SECRETS.map((of) => of(dataDir))) if (existsSync(path)) put.run(path.slice(dataDir.length + 1), readFileSync(path));
    const events = (copy.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
    copy.pragma('journal_mode = DELETE'); // one self-contained file, no WAL beside it
    return { file, events, bytes: statSync(file).size };
  } finally {
    copy.close();
  }
}

/**
 * Brings a backup back as the store under DATA_DIR, with its secrets. Run with
 * the server stopped. Refuses a file that is not a brobygger backup, and an
 * existing store unless `force`.
 */
export function restoreFrom(dataDir: string, file: string, force: boolean): { events: number } {
  const target = sqliteFile(dataDir);
  if (existsSync(target) && !force) throw new Error(`${target} exists; stop the server and pass --force to replace it`);
  let events: number;
  const staged = `${target}.restoring`;
  makePrivateDir(dataDir);
  rmSync(staged, { force: true });
  const backup = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const check = backup.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`${file} is damaged: ${String(check)}`);
    events = (backup.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
    const secrets = backup.prepare('SELECT name, value FROM backup_secrets').all() as Array<{ name: string; value: Buffer }>;
    for (const { name, value } of secrets) {
      writeFileSync(join(dataDir, name), value, { mode: PRIVATE_FILE_MODE });
      chmodSync(join(dataDir, name), PRIVATE_FILE_MODE);
    }
  } catch (error) {
    throw new Error(`${file} is not a brobygger backup: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    backup.close();
  }
  writeFileSync(staged, readFileSync(file), { mode: PRIVATE_FILE_MODE });
  chmodSync(staged, PRIVATE_FILE_MODE);
  const copy = new Database(staged);
  copy.exec('DROP TABLE IF EXISTS backup_secrets');
  copy.close();
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  renameSync(staged, target);
  return { events };
}
