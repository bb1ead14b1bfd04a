import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file that holds the signing key when JWT_SECRET is not set; the CLI reads the same one. */
export const signingKeyFile = (dataDir: string): string => join(dataDir, 'jwt-signing.key');

/**
 * The key tokens are signed with: JWT_SECRET when set (at least 32 characters),
 * else a random key created under DATA_DIR on first start, readable by its
 * owner only, whatever the store.
 */
export function signingKey(dataDir: string, secret: string | undefined): Buffer {
  if (secret !== undefined) {
    if (secret.length < 32) throw new Error('JWT_SECRET must be at least 32 characters');
    return Buffer.from(secret, 'utf8');
  }
  const file = signingKeyFile(dataDir);
  try {
    return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`${file} cannot be read: ${(error as Error).message}`);
  }
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(64);
  // 'wx': if another process created it a moment ago, keep theirs.
  try {
    writeFileSync(file, key.toString('hex'), { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
    throw error;
  }
}
