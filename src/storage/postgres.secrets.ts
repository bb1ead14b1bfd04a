import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { ident } from '../event-store/postgres/postgres.schema';
import { transaction } from '../event-store/postgres/postgres.transaction';
import { existingSecretFile, SECRET_BYTES, SecretName, SecretStore, secretPath } from './secrets';

/**
 * The service's secrets in the PostgreSQL schema, so that instances on other
 * machines, each with its own DATA_DIR, sign and verify the same tokens, give
 * an auditor the same pseudonym and recognise the same Idempotency-Key.
 *
 * The first start after the upgrade adopts the secret an earlier version kept
 * under DATA_DIR (else everyone would be signed out and pseudonyms would
 * change); with none there, a random one is made. The first instance to store
 * one wins; a later instance whose file differs is told so and uses the stored one.
 */
export class PostgresSecrets implements SecretStore {
  private readonly table: string;
  private ready: Promise<void> | undefined;

  constructor(
    private readonly pool: Pool,
    private readonly schema: string,
    private readonly dataDir: string,
  ) {
    this.table = `${ident(schema)}.service_secrets`;
  }

  async secret(name: SecretName): Promise<Buffer> {
    await (this.ready ??= this.createTable());
    const stored = await this.read(name);
    const file = existingSecretFile(this.dataDir, name);
    if (stored) {
      if (file && !file.equals(stored)) this.superseded(name);
      return stored;
    }
    await this.pool.query(`INSERT INTO ${this.table} (name, value) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [name, file ?? randomBytes(SECRET_BYTES[name])]);
    // Another instance may have stored its own a moment ago: theirs is everyone's.
    const winner = (await this.read(name))!;
    if (file && !file.equals(winner)) this.superseded(name);
    return winner;
  }

  async keep(name: SecretName, value: Buffer): Promise<boolean> {
    await (this.ready ??= this.createTable());
    const { rowCount } = await this.pool.query(`INSERT INTO ${this.table} (name, value) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [name, value]);
    return rowCount === 1;
  }

  private async read(name: SecretName): Promise<Buffer | undefined> {
    const { rows } = await this.pool.query<{ value: Buffer }>(`SELECT value FROM ${this.table} WHERE name = $1`, [name]);
    return rows[0]?.value;
  }

  private superseded(name: SecretName): void {
    new Logger('Secrets').warn({ msg: 'a secret file under DATA_DIR differs from the one in the database, which is used', file: secretPath(this.dataDir, name), schema: this.schema });
  }

  private async createTable(): Promise<void> {
    // Under a lock of the transaction: two instances starting together cannot both create it.
    await transaction(this.pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [this.table]);
      // `cli token` may ask before any server has made the schema.
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${ident(this.schema)}`);
      await client.query(`CREATE TABLE IF NOT EXISTS ${this.table} (name text PRIMARY KEY, value bytea NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
    });
  }
}
