import type { Pool, PoolClient } from 'pg';
import { ident } from '../event-store/postgres/postgres.schema';
import { Checkpoint, CheckpointMovedError, ReadModelStore } from './read-model-store.port';

interface CheckpointRow {
  position: string;
  version: number;
  failed_position: string | null;
  error: string | null;
}

/**
 * Read models in PostgreSQL beside the events (tables made by the store's
 * migration 2). A commit takes a transaction-scoped advisory lock per
 * projection, so two processes applying the same projection queue up and the
 * second finds the checkpoint moved.
 */
export class PostgresReadModelStore implements ReadModelStore {
  private readonly docs: string;
  private readonly checkpoints: string;

  constructor(
    private readonly pool: Pool,
    private readonly schema: string,
  ) {
    this.docs = `${ident(schema)}.read_model_docs`;
    this.checkpoints = `${ident(schema)}.projection_checkpoints`;
  }

  async checkpoint(projection: string): Promise<Checkpoint | undefined> {
    const { rows } = await this.pool.query<CheckpointRow>(`SELECT position, version, failed_position, error FROM ${this.checkpoints} WHERE projection = $1`, [projection]);
    return rows[0] && toCheckpoint(rows[0]);
  }

  async get(projection: string, key: string): Promise<unknown> {
    const { rows } = await this.pool.query<{ doc: unknown }>(`SELECT doc FROM ${this.docs} WHERE projection = $1 AND key = $2`, [projection, key]);
    return rows[0]?.doc;
  }

  async getMany(projection: string, keys: readonly string[]): Promise<Map<string, unknown>> {
    if (keys.length === 0) return new Map();
    const { rows } = await this.pool.query<{ key: string; doc: unknown }>(`SELECT key, doc FROM ${this.docs} WHERE projection = $1 AND key = ANY($2::text[])`, [projection, keys]);
    return new Map(rows.map((row) => [row.key, row.doc]));
  }

  async list(projection: string, prefix = ''): Promise<unknown[]> {
    const { rows } = await this.pool.query<{ doc: unknown }>(`SELECT doc FROM ${this.docs} WHERE projection = $1 AND starts_with(key, $2) ORDER BY key`, [projection, prefix]);
    return rows.map((row) => row.doc);
  }

  async commit(projection: string, writes: ReadonlyMap<string, unknown>, checkpoint: Checkpoint, from: number): Promise<void> {
    await this.transaction(projection, async (client) => {
      const { rows } = await client.query<{ position: string }>(`SELECT position FROM ${this.checkpoints} WHERE projection = $1`, [projection]);
      const current = Number(rows[0]?.position ?? 0);
      if (current !== from) throw new CheckpointMovedError(projection, from, current);
      const puts = [...writes].filter(([, doc]) => doc !== undefined);
      const deletes = [...writes].filter(([, doc]) => doc === undefined).map(([key]) => key);
      if (puts.length > 0) {
        await client.query(
          `INSERT INTO ${this.docs} (projection, key, doc) SELECT $1, k, d FROM unnest($2::text[], $3::jsonb[]) AS t(k, d)
           ON CONFLICT (projection, key) DO UPDATE SET doc = excluded.doc`,
          [projection, puts.map(([key]) => key), puts.map(([, doc]) => JSON.stringify(doc))],
        );
      }
      if (deletes.length > 0) await client.query(`DELETE FROM ${this.docs} WHERE projection = $1 AND key = ANY($2::text[])`, [projection, deletes]);
      await client.query(
        `INSERT INTO ${this.checkpoints} (projection, position, version, failed_position, error) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (projection) DO UPDATE SET position = excluded.position, version = excluded.version,
           failed_position = excluded.failed_position, error = excluded.error`,
        [projection, checkpoint.position, checkpoint.version, checkpoint.failure?.position ?? null, checkpoint.failure?.error ?? null],
      );
    });
  }

  async clear(projection: string): Promise<void> {
    await this.transaction(projection, async (client) => {
      await client.query(`DELETE FROM ${this.docs} WHERE projection = $1`, [projection]);
      await client.query(`DELETE FROM ${this.checkpoints} WHERE projection = $1`, [projection]);
    });
  }

  async replace(target: string, source: string): Promise<void> {
    await this.transaction(target, async (client) => {
      await client.query(`DELETE FROM ${this.docs} WHERE projection = $1`, [target]);
      await client.query(`DELETE FROM ${this.checkpoints} WHERE projection = $1`, [target]);
      await client.query(`UPDATE ${this.docs} SET projection = $1 WHERE projection = $2`, [target, source]);
      await client.query(`UPDATE ${this.checkpoints} SET projection = $1 WHERE projection = $2`, [target, source]);
    });
  }

  /** The pool belongs to the event store, which ends it. */
  async close(): Promise<void> {}

  private async transaction(projection: string, work: (client: PoolClient) => Promise<void>): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${this.schema}/${projection}`]);
      await work(client);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

function toCheckpoint(row: CheckpointRow): Checkpoint {
  const failure = row.failed_position === null ? undefined : { position: Number(row.failed_position), error: row.error ?? '' };
  return { position: Number(row.position), version: row.version, ...(failure && { failure }) };
}
