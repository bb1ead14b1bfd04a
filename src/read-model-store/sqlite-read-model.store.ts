import type { Database } from 'better-sqlite3';
import { freshNamespace, NAMESPACE_TABLES_SQLITE } from './namespaces';
import { Checkpoint, CheckpointMovedError, ProjectionBatch, ReadModelStore, ShadowStaging } from './read-model-store.port';
import { SqliteShadowStaging } from './sqlite-shadow-staging';

interface CheckpointRow {
  position: number;
  version: number;
  failed_position: number | null;
  error: string | null;
}

/** The namespace a projection's rows live under (its own name until it is first cleared or swapped). */
const NS = 'coalesce((SELECT namespace FROM read_model_namespaces WHERE projection = ?), ?)';

/**
 * Read models in the SQLite file beside the events (tables made by the store's
 * migration 2, and the namespace tables of ./namespaces.ts), on the store's own
 * connection. The driver is synchronous; the port is not, for PostgreSQL's sake.
 */
export class SqliteReadModelStore implements ReadModelStore {
  private readonly statements;

  constructor(private readonly db: Database) {
    if (!db.readonly) db.exec(NAMESPACE_TABLES_SQLITE);
    this.statements = {
      namespace: db.prepare<[string], { namespace: string }>('SELECT namespace FROM read_model_namespaces WHERE projection = ?'),
      setNamespace: db.prepare('INSERT INTO read_model_namespaces (projection, namespace) VALUES (?, ?) ON CONFLICT (projection) DO UPDATE SET namespace = excluded.namespace'),
      drop: db.prepare('INSERT OR IGNORE INTO read_model_dropped (namespace) VALUES (?)'),
      dropped: db.prepare<[], { namespace: string }>('SELECT namespace FROM read_model_dropped ORDER BY namespace LIMIT 1'),
      forget: db.prepare('DELETE FROM read_model_dropped WHERE namespace = ?'),
      purge: db.prepare('DELETE FROM read_model_docs WHERE projection = ? AND key IN (SELECT key FROM read_model_docs WHERE projection = ? ORDER BY key LIMIT ?)'),
      checkpoint: db.prepare<[string, string], CheckpointRow>(`SELECT position, version, failed_position, error FROM projection_checkpoints WHERE projection = ${NS}`),
      checkpointIn: db.prepare<[string], CheckpointRow>('SELECT position, version, failed_position, error FROM projection_checkpoints WHERE projection = ?'),
      saveCheckpoint: db.prepare(
        `INSERT INTO projection_checkpoints (projection, position, version, failed_position, error) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (projection) DO UPDATE SET position = excluded.position, version = excluded.version,
           failed_position = excluded.failed_position, error = excluded.error`,
      ),
      get: db.prepare<[string, string, string], { doc: string }>(`SELECT doc FROM read_model_docs WHERE projection = ${NS} AND key = ?`),
      getIn: db.prepare<[string, string], { doc: string }>('SELECT doc FROM read_model_docs WHERE projection = ? AND key = ?'),
      // Plucked: a listing (the Directory's 224,400 documents at every start, at 1M events) makes no row object per document.
      all: db.prepare<[string, string], string>(`SELECT doc FROM read_model_docs WHERE projection = ${NS} ORDER BY key`).pluck(),
      prefixed: db.prepare<[string, string, string, string], string>(`SELECT doc FROM read_model_docs WHERE projection = ${NS} AND key >= ? AND key < ? ORDER BY key`).pluck(),
      put: db.prepare('INSERT INTO read_model_docs (projection, key, doc) VALUES (?, ?, ?) ON CONFLICT (projection, key) DO UPDATE SET doc = excluded.doc'),
      delete: db.prepare('DELETE FROM read_model_docs WHERE projection = ? AND key = ?'),
      clearCheckpoint: db.prepare('DELETE FROM projection_checkpoints WHERE projection = ?'),
    };
  }

  async checkpoint(projection: string): Promise<Checkpoint | undefined> {
    return toCheckpoint(this.statements.checkpoint.get(projection, projection));
  }

  async get(projection: string, key: string): Promise<unknown> {
    const row = this.statements.get.get(projection, projection, key);
    return row && JSON.parse(row.doc);
  }

  async getMany(projection: string, keys: readonly string[]): Promise<Map<string, unknown>> {
    // One read transaction: the namespace and every document as of one moment.
    return this.db.transaction(() => {
      const namespace = this.namespaceOf(projection);
      const docs = new Map<string, unknown>();
      for (const key of keys) {
        const row = this.statements.getIn.get(namespace, key);
        if (row) docs.set(key, JSON.parse(row.doc));
      }
      return docs;
    })();
  }

  async list(projection: string, prefix?: string): Promise<unknown[]> {
    // The key range [prefix, prefix + U+FFFF) holds exactly the keys that start with prefix.
    const rows = prefix === undefined ? this.statements.all.all(projection, projection) : this.statements.prefixed.all(projection, projection, prefix, `${prefix}\uffff`);
    return rows.map((doc) => JSON.parse(doc));
  }

  async commit(projection: string, writes: ReadonlyMap<string, unknown>, checkpoint: Checkpoint, from: number): Promise<void> {
    return this.commitAll([{ projection, writes, checkpoint, from }]);
  }

  async commitAll(batches: readonly ProjectionBatch[]): Promise<void> {
    this.withoutOwnSync(() => this.writeBatches(batches));
  }

  private writeBatches(batches: readonly ProjectionBatch[]): void {
    this.db.transaction(() => {
      for (const { projection, writes, checkpoint, from } of batches) {
        const namespace = this.namespaceOf(projection);
        const current = this.statements.checkpointIn.get(namespace)?.position ?? 0;
        if (current !== from) throw new CheckpointMovedError(projection, from, current);
        // In key order: each page of the index is visited once per batch.
        for (const key of [...writes.keys()].sort()) {
          const doc = writes.get(key);
          if (doc === undefined) this.statements.delete.run(namespace, key);
          else this.statements.put.run(namespace, key, JSON.stringify(doc));
        }
        this.saveCheckpoint(namespace, checkpoint);
      }
    }).immediate();
  }

  async clear(projection: string): Promise<void> {
    this.db.transaction(() => {
      this.dropNamespace(this.namespaceOf(projection));
      this.statements.setNamespace.run(projection, freshNamespace(projection));
    }).immediate();
  }

  async replace(target: string, source: string): Promise<void> {
    this.db.transaction(() => {
      const old = this.namespaceOf(target);
      const built = this.namespaceOf(source);
      if (old === built) return;
      this.dropNamespace(old);
      this.statements.setNamespace.run(target, built);
      this.statements.setNamespace.run(source, freshNamespace(source));
    }).immediate();
  }

  /** Staged in the temp database and put in place in key order at the end (./sqlite-shadow-staging.ts). */
  async stageShadows(projections: readonly string[]): Promise<ShadowStaging> {
    return new SqliteShadowStaging(
      this.db,
      {
        namespaceOf: (projection) => this.namespaceOf(projection),
        checkpointIn: (namespace) => this.statements.checkpointIn.get(namespace),
        saveCheckpoint: (namespace, checkpoint) => this.saveCheckpoint(namespace, checkpoint),
        withoutOwnSync: (write) => this.withoutOwnSync(write),
      },
      projections,
    );
  }

  async purgeDropped(limit: number): Promise<number> {
    return this.db.transaction(() => {
      const dropped = this.statements.dropped.get();
      if (!dropped) return 0;
      const { changes } = this.statements.purge.run(dropped.namespace, dropped.namespace, limit);
      if (changes < limit) this.statements.forget.run(dropped.namespace);
      // Report progress even when a namespace was already empty, so the caller goes on to the next.
      return Math.max(changes, 1);
    }).immediate();
  }

  /** The connection belongs to the event store, which closes it. */
  async close(): Promise<void> {}

  /**
   * Read-model commits take no disk sync of their own (synchronous=NORMAL for
   * that transaction; the connection's setting is put back at once): with the
   * events' FULL, every projector batch cost an fsync on the one event loop,
   * four per catch-up, more than the events' own commits. It is safe because
   * (1) the rows and their checkpoint are one transaction, and a WAL is
   * replayed whole commits in order, so after a crash a read model is either
   * the batch with its checkpoint or the state before it, never rows without
   * their checkpoint; a lost batch is applied again from the older checkpoint;
   * (2) the WAL is one file synced in order: the next event commit (FULL) or
   * checkpoint syncs these frames too, and no event commit is made lighter.
   * A batch lies in the WAL after the events it reflects, so it can never
   * outlive them. (A killed process loses no written page either way: the
   * setting only matters when the machine loses power, and then (1) and (2)
   * hold; test/crash/ still checks read models against a rebuild after kill -9.)
   */
  private withoutOwnSync(write: () => void): void {
    const synchronous = this.db.pragma('synchronous', { simple: true }) as number;
    // 1 is NORMAL (0 OFF, 2 FULL, 3 EXTRA): already as light as we want.
    if (synchronous <= 1) return write();
    this.db.pragma('synchronous = NORMAL');
    try {
      write();
    } finally {
      this.db.pragma(`synchronous = ${synchronous}`);
    }
  }

  /** Separate so a test can fail between the rows and the checkpoint. */
  protected saveCheckpoint(namespace: string, { position, version, failure }: Checkpoint): void {
    this.statements.saveCheckpoint.run(namespace, position, version, failure?.position ?? null, failure?.error ?? null);
  }

  private namespaceOf(projection: string): string {
    return this.statements.namespace.get(projection)?.namespace ?? projection;
  }

  /** Out of sight at once (no checkpoint, no name points at it); its rows go in purgeDropped's chunks. */
  private dropNamespace(namespace: string): void {
    this.statements.clearCheckpoint.run(namespace);
    this.statements.drop.run(namespace);
  }
}

function toCheckpoint(row: CheckpointRow | undefined): Checkpoint | undefined {
  if (!row) return undefined;
  const failure = row.failed_position === null ? undefined : { position: row.failed_position, error: row.error ?? '' };
  return { position: row.position, version: row.version, ...(failure && { failure }) };
}
