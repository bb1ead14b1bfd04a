import type { Pool, PoolClient } from 'pg';
import { ident } from '../event-store/postgres/postgres.schema';
import { transaction } from '../event-store/postgres/postgres.transaction';
import { freshNamespace, namespaceTablesPostgres } from './namespaces';
import { Checkpoint, CheckpointMovedError, ProjectionBatch, ReadModelStore, ShadowStaging } from './read-model-store.port';
import { CommittingStaging } from './shadow-staging';

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
  private readonly namespaces: string;
  private readonly dropped: string;
  /** `namespace = ${ns}`: the namespace projection $1 lives under. */
  private readonly ns: string;
  private ready: Promise<void> | undefined;

  constructor(
    private readonly pool: Pool,
    private readonly schema: string,
  ) {
    this.docs = `${ident(schema)}.read_model_docs`;
    this.checkpoints = `${ident(schema)}.projection_checkpoints`;
    this.namespaces = `${ident(schema)}.read_model_namespaces`;
    this.dropped = `${ident(schema)}.read_model_dropped`;
    this.ns = `coalesce((SELECT namespace FROM ${this.namespaces} WHERE projection = $1), $1)`;
  }

  async checkpoint(projection: string): Promise<Checkpoint | undefined> {
    await this.ensureTables();
    const { rows } = await this.pool.query<CheckpointRow>(`SELECT position, version, failed_position, error FROM ${this.checkpoints} WHERE projection = ${this.ns}`, [projection]);
    return rows[0] && toCheckpoint(rows[0]);
  }

  async get(projection: string, key: string): Promise<unknown> {
    await this.ensureTables();
    const { rows } = await this.pool.query<{ doc: unknown }>(`SELECT doc FROM ${this.docs} WHERE projection = ${this.ns} AND key = $2`, [projection, key]);
    return rows[0]?.doc;
  }

  async getMany(projection: string, keys: readonly string[]): Promise<Map<string, unknown>> {
    if (keys.length === 0) return new Map();
    await this.ensureTables();
    const { rows } = await this.pool.query<{ key: string; doc: unknown }>(`SELECT key, doc FROM ${this.docs} WHERE projection = ${this.ns} AND key = ANY($2::text[])`, [projection, keys]);
    return new Map(rows.map((row) => [row.key, row.doc]));
  }

  async list(projection: string, prefix = ''): Promise<unknown[]> {
    await this.ensureTables();
    const { rows } = await this.pool.query<{ doc: unknown }>(`SELECT doc FROM ${this.docs} WHERE projection = ${this.ns} AND starts_with(key, $2) ORDER BY key`, [projection, prefix]);
    return rows.map((row) => row.doc);
  }

  async commit(projection: string, writes: ReadonlyMap<string, unknown>, checkpoint: Checkpoint, from: number): Promise<void> {
    return this.commitAll([{ projection, writes, checkpoint, from }]);
  }

  async commitAll(batches: readonly ProjectionBatch[]): Promise<void> {
    await this.transaction(
      batches.map((b) => b.projection),
      async (client) => {
        for (const { projection, writes, checkpoint, from } of batches) {
          const namespace = await this.namespaceOf(client, projection);
          const { rows } = await client.query<{ position: string }>(`SELECT position FROM ${this.checkpoints} WHERE projection = $1`, [namespace]);
          const current = Number(rows[0]?.position ?? 0);
          if (current !== from) throw new CheckpointMovedError(projection, from, current);
          const puts = [...writes].filter(([, doc]) => doc !== undefined);
          const deletes = [...writes].filter(([, doc]) => doc === undefined).map(([key]) => key);
          if (puts.length > 0) {
            await client.query(
              `INSERT INTO ${this.docs} (projection, key, doc) SELECT $1, k, d FROM unnest($2::text[], $3::jsonb[]) AS t(k, d)
               ON CONFLICT (projection, key) DO UPDATE SET doc = excluded.doc`,
              [namespace, puts.map(([key]) => key), puts.map(([, doc]) => JSON.stringify(doc))],
            );
          }
          if (deletes.length > 0) await client.query(`DELETE FROM ${this.docs} WHERE projection = $1 AND key = ANY($2::text[])`, [namespace, deletes]);
          await client.query(
            `INSERT INTO ${this.checkpoints} (projection, position, version, failed_position, error) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (projection) DO UPDATE SET position = excluded.position, version = excluded.version,
               failed_position = excluded.failed_position, error = excluded.error`,
            [namespace, checkpoint.position, checkpoint.version, checkpoint.failure?.position ?? null, checkpoint.failure?.error ?? null],
          );
        }
      },
    );
  }

  async clear(projection: string): Promise<void> {
    await this.transaction([projection], async (client) => {
      await this.dropNamespace(client, await this.namespaceOf(client, projection));
      await this.setNamespace(client, projection, freshNamespace(projection));
    });
  }

  async replace(target: string, source: string): Promise<void> {
    await this.transaction([target, source], async (client) => {
      const old = await this.namespaceOf(client, target);
      const built = await this.namespaceOf(client, source);
      if (old === built) return;
      await this.dropNamespace(client, old);
      await this.setNamespace(client, target, built);
      await this.setNamespace(client, source, freshNamespace(source));
    });
  }

  /** Each stage a commit, as before staging existed (a staging of its own, as on SQLite, would be an UNLOGGED table moved in key order at the end). */
  async stageShadows(): Promise<ShadowStaging> {
    return new CommittingStaging(this);
  }

  async purgeDropped(limit: number): Promise<number> {
    await this.ensureTables();
    const { rows } = await this.pool.query<{ namespace: string }>(`SELECT namespace FROM ${this.dropped} ORDER BY namespace LIMIT 1`);
    const namespace = rows[0]?.namespace;
    if (namespace === undefined) return 0;
    const { rowCount } = await this.pool.query(
      `DELETE FROM ${this.docs} WHERE projection = $1 AND key IN (SELECT key FROM ${this.docs} WHERE projection = $1 ORDER BY key LIMIT $2)`,
      [namespace, limit],
    );
    if ((rowCount ?? 0) < limit) await this.pool.query(`DELETE FROM ${this.dropped} WHERE namespace = $1`, [namespace]);
    return Math.max(rowCount ?? 0, 1);
  }

  /** The pool belongs to the event store, which ends it. */
  async close(): Promise<void> {}

  /** One transaction holding each named projection's advisory lock (in a fixed order, so two never deadlock). */
  private async transaction(projections: readonly string[], work: (client: PoolClient) => Promise<void>): Promise<void> {
    await this.ensureTables();
    await transaction(this.pool, async (client) => {
      for (const projection of [...new Set(projections)].sort()) {
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${this.schema}/${projection}`]);
      }
      await work(client);
    });
  }

  private async namespaceOf(client: PoolClient, projection: string): Promise<string> {
    const { rows } = await client.query<{ namespace: string }>(`SELECT ${this.ns} AS namespace`, [projection]);
    return rows[0]!.namespace;
  }

  private async setNamespace(client: PoolClient, projection: string, namespace: string): Promise<void> {
    await client.query(
      `INSERT INTO ${this.namespaces} (projection, namespace) VALUES ($1, $2) ON CONFLICT (projection) DO UPDATE SET namespace = excluded.namespace`,
      [projection, namespace],
    );
  }

  /** Out of sight at once (no checkpoint, no name points at it); its rows go in purgeDropped's chunks. */
  private async dropNamespace(client: PoolClient, namespace: string): Promise<void> {
    await client.query(`DELETE FROM ${this.checkpoints} WHERE projection = $1`, [namespace]);
    await client.query(`INSERT INTO ${this.dropped} (namespace) VALUES ($1) ON CONFLICT DO NOTHING`, [namespace]);
  }

  /** The namespace tables (./namespaces.ts), made once per process; one process at a time. */
  private ensureTables(): Promise<void> {
    this.ready ??= (async () => {
      const client = await this.pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${this.schema}/read-model-namespaces`]);
        await client.query(namespaceTablesPostgres(ident(this.schema)));
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        this.ready = undefined;
        throw error;
      } finally {
        client.release();
      }
    })();
    return this.ready;
  }
}

function toCheckpoint(row: CheckpointRow): Checkpoint {
  const failure = row.failed_position === null ? undefined : { position: Number(row.failed_position), error: row.error ?? '' };
  return { position: Number(row.position), version: row.version, ...(failure && { failure }) };
}
