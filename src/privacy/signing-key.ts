import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { secretFile } from '../shared/private-files';

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
  return secretFile(dataDir, 'jwt-signing.key', () => randomBytes(64));
}
