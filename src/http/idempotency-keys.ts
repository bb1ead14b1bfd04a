import { createHmac, randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Logger } from '@nestjs/common';
import type { StorageArchive } from '../event-store/archive.port';
import { secretFile } from '../shared/private-files';
import { SECRET_BYTES } from '../storage/secrets';

/**
 * Clients choose their `Idempotency-Key`, and some put a name or a date in it
 * (`karen-2026-03-02`). Every store therefore keeps and looks up only a keyed
 * hash of it (HMAC-SHA256 with a secret the storage module keeps): a retry with the
 * same key finds the same record, and the stored value says nothing about the
 * key without the secret. Processes sharing one database share the secret
 * (on PostgreSQL it lives in the database: src/storage/postgres.secrets.ts).
 */
export class IdempotencyKeys {
  constructor(private readonly secret: Buffer) {}

  /** Where the secrets are files under DATA_DIR: for tools and tests. */
  static fromDataDir(dataDir: string): IdempotencyKeys {
    return new IdempotencyKeys(secretFile(dataDir, 'idempotency.key', () => randomBytes(SECRET_BYTES.idempotency)));
  }

  /** The stored form of a client's key. */
  digest(key: string): string {
    return createHmac('sha256', this.secret).update(key, 'utf8').digest('hex');
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** How the edge turns an `Idempotency-Key` into what is stored (src/http/command-meta.ts). */
    idempotencyKeys: IdempotencyKeys;
  }
}

/**
 * Makes the hashing known to every request's handler (as
 * `request.server.idempotencyKeys`), after hashing the keys an earlier version
 * stored as the client sent them: a retry across the upgrade is still
 * recognised, and no clear key stays behind. Runs at every start; once done,
 * it finds nothing.
 */
export async function installIdempotencyKeys(fastify: FastifyInstance, secret: Buffer, archive: StorageArchive | undefined): Promise<void> {
  const keys = new IdempotencyKeys(secret);
  const rehashed = (await archive?.rehashIdempotencyKeys((key) => keys.digest(key))) ?? 0;
  if (rehashed > 0) new Logger('Idempotency').log({ msg: 'stored Idempotency-Keys replaced by their keyed hash', rehashed });
  fastify.decorate('idempotencyKeys', keys);
}
