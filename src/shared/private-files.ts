import { chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * DATA_DIR holds every citizen's key, the password hashes and the secrets:
 * it is the service's user's alone. The directory is 0700 and each file 0600,
 * whatever the process's umask (tests and embedding code do not set one).
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates the directory (and any missing parents) 0700; an existing one is left as it is (see `widerThanPrivate`). */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/** Narrows an existing file to 0600; a missing one is fine, one we may not change is left to the start-up warning. */
export function restrictFile(path: string): void {
  try {
    if ((lstatSync(path).mode & 0o077) !== 0) chmodSync(path, PRIVATE_FILE_MODE);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'EPERM') throw error;
  }
}

/**
 * A secret kept in `dir/name` as hex: read when it is there, else made by
 * `create` and written 0600. 'wx': if another process created it a moment
 * ago, theirs is kept and read.
 */
export function secretFile(dir: string, name: string, create: () => Buffer): Buffer {
  const file = join(dir, name);
  try {
    return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`${file} cannot be read: ${(error as Error).message}`);
  }
  makePrivateDir(dir);
  try {
    writeFileSync(file, create().toString('hex'), { mode: PRIVATE_FILE_MODE, flag: 'wx' });
    // The mode given to open() is narrowed by the umask, never widened: this makes it exactly 0600.
    chmodSync(file, PRIVATE_FILE_MODE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
}

export interface WideEntry {
  path: string;
  /** The permission bits, e.g. 0o644. */
  mode: number;
  kind: 'directory' | 'file';
}

/**
 * The directory itself and everything under it that others than its owner may
 * read, write or enter (any group or other bit). Links are reported as they
 * are, never followed.
 */
export function widerThanPrivate(dir: string): WideEntry[] {
  const found: WideEntry[] = [];
  const visit = (path: string): void => {
    let stat;
    try {
      stat = lstatSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // removed meanwhile (a -shm at close)
      throw error;
    }
    const mode = stat.mode & 0o777;
    if (stat.isDirectory()) {
      if ((mode & 0o077) !== 0) found.push({ path, mode, kind: 'directory' });
      for (const name of readdirSync(path)) visit(join(path, name));
    } else if (stat.isFile() && (mode & 0o077) !== 0) {
      found.push({ path, mode, kind: 'file' });
    }
  };
  visit(dir);
  return found;
}
