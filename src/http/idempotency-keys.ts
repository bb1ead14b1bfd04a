import { createHmac, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { Logger } from '@nestjs/common';
import { archiveOf, EventStore } from '../event-store/event-store.port';
import { secretFile } from '../shared/private-files';

/** The secret under DATA_DIR that idempotency keys are hashed with; `cli backup` carries it. */
export const idempotencySecretFile = (dataDir: string): string => join(dataDir, 'idempotency.key');

/**
 * Clients choose their `Idempotency-Key`, and some put a name or a date in it
 * (`karen-2026-03-02`). Every store therefore keeps and looks up only a keyed
 * hash of it (HMAC-SHA256 with a secret kept under DATA_DIR): a retry with the
 * same key finds the same record, and the stored value says nothing about the
 * key without the secret. Processes sharing one database must share the secret.
 */
export class IdempotencyKeys {
  private constructor(private readonly secret: Buffer) {}

  static fromDataDir(dataDir: string): IdempotencyKeys {
    return new IdempotencyKeys(secretFile(dataDir, 'idempotency.key', () => randomBytes(32)));
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
export async function installIdempotencyKeys(fastify: FastifyInstance, dataDir: string, store: EventStore): Promise<void> {
  const keys = IdempotencyKeys.fromDataDir(dataDir);
  const rehashed = (await archiveOf(store)?.rehashIdempotencyKeys((key) => keys.digest(key))) ?? 0;
  if (rehashed > 0) new Logger('Idempotency').log({ msg: 'stored Idempotency-Keys replaced by their keyed hash', rehashed });
  fastify.decorate('idempotencyKeys', keys);
}
