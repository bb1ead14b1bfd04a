import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { secretFile } from '../shared/private-files';

/** The service's own secrets; each storage module keeps them where its instances can share them. */
export type SecretName = 'jwt-signing' | 'pseudonym' | 'idempotency';

/** Random bytes made for each when there is none yet. */
export const SECRET_BYTES: Readonly<Record<SecretName, number>> = { 'jwt-signing': 64, pseudonym: 32, idempotency: 32 };

/** The file under DATA_DIR that holds one (as hex), where a module keeps them in files, and where earlier versions kept them all. */
export const secretPath = (dataDir: string, name: SecretName): string => join(dataDir, `${name}.key`);

export interface SecretStore {
  /** The secret, made (and durably kept) on first use; the same one for every instance of the module's deployment. */
  secret(name: SecretName): Promise<Buffer>;
  /** Keeps `value` as the secret unless one is held already (`cli migrate` carries them); true when kept. */
  keep(name: SecretName, value: Buffer): Promise<boolean>;
}

/**
 * Secrets as files under DATA_DIR, 0600 (the sqlite and memory modules, and
 * KurrentDB beside SQLite): one machine, one DATA_DIR, and `cli backup` carries
 * them with the database.
 */
export class FileSecrets implements SecretStore {
  constructor(private readonly dataDir: string) {}

  async secret(name: SecretName): Promise<Buffer> {
    return secretFile(this.dataDir, `${name}.key`, () => randomBytes(SECRET_BYTES[name]));
  }

  async keep(name: SecretName, value: Buffer): Promise<boolean> {
    if (existingSecretFile(this.dataDir, name)) return false;
    return secretFile(this.dataDir, `${name}.key`, () => value).equals(value);
  }
}

/** The secret a file under DATA_DIR holds, or undefined when there is none (nothing is created). */
export function existingSecretFile(dataDir: string, name: SecretName): Buffer | undefined {
  try {
    return Buffer.from(readFileSync(secretPath(dataDir, name), 'utf8').trim(), 'hex');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`${secretPath(dataDir, name)} cannot be read: ${(error as Error).message}`);
  }
}

/** The secrets the running service uses, read once at start. */
export interface ServiceSecrets {
  /** Signs and verifies tokens: JWT_SECRET when set, else the storage's own. */
  signingKey: Buffer;
  /** Keys the auditors' pseudonyms (src/privacy/pseudonyms.ts). */
  pseudonymSecret: Buffer;
  /** Keys the stored hash of each Idempotency-Key (src/http/idempotency-keys.ts). */
  idempotencySecret: Buffer;
}

export const SERVICE_SECRETS = Symbol('SERVICE_SECRETS');

/** JWT_SECRET, when set, must be at least 32 characters, and then overrides the stored signing key. */
export function jwtSecretKey(secret: string): Buffer {
  if (secret.length < 32) throw new Error('JWT_SECRET must be at least 32 characters');
  return Buffer.from(secret, 'utf8');
}

export async function loadServiceSecrets(secrets: SecretStore, jwtSecret: string | undefined): Promise<ServiceSecrets> {
  return {
    signingKey: jwtSecret !== undefined ? jwtSecretKey(jwtSecret) : await secrets.secret('jwt-signing'),
    pseudonymSecret: await secrets.secret('pseudonym'),
    idempotencySecret: await secrets.secret('idempotency'),
  };
}
