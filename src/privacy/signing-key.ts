import { randomBytes } from 'node:crypto';
import { secretFile } from '../shared/private-files';
import { jwtSecretKey, SECRET_BYTES, secretPath } from '../storage/secrets';

/** The file that holds the signing key where secrets are files (sqlite, memory; FileSecrets in src/storage/secrets.ts). */
export const signingKeyFile = (dataDir: string): string => secretPath(dataDir, 'jwt-signing');

/**
 * The key tokens are signed with where the secrets are files under DATA_DIR:
 * JWT_SECRET when set (at least 32 characters), else the file, created 0600 on
 * first use. The service reads its key through its storage module
 * (SERVICE_SECRETS); this is for tools and tests that sign for it.
 */
export function signingKey(dataDir: string, secret: string | undefined): Buffer {
  if (secret !== undefined) return jwtSecretKey(secret);
  return secretFile(dataDir, 'jwt-signing.key', () => randomBytes(SECRET_BYTES['jwt-signing']));
}
