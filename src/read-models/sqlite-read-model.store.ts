import type { Database } from 'better-sqlite3';
import { Checkpoint, CheckpointMovedError, ReadModelStore } from './read-model-store.port';

interface CheckpointRow {
  position: number;
  version: number;
  failed_position: number | null;
  error: string | null;
}

/**
 * Read models in the SQLite file beside the events (tables made by the store's
 * migration 2), on the store's own connection. The driver is synchronous; the
 * port is not, for PostgreSQL's sake.
 */
export class SqliteReadModelStore implements ReadModelStore {
  private readonly statements;

  constructor(private readonly db: Database) {
    this.statements = {
      checkpoint: db.prepare<[string], CheckpointRow>('SELECT position, version, failed_position, error FROM projection_checkpoints WHERE projection = ?'),
      saveCheckpoint: db.prepare(
        `INSERT INTO projection_checkpoints (projection, position, version, failed_position, error) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (projection) DO UPDATE SET position = excluded.position, version = excluded.version,
           failed_position = excluded.failed_position, error = excluded.error`,
      ),
      get: db.prepare<[string, string], { doc: string }>('SELECT doc FROM read_model_docs WHERE projection = ? AND key = ?'),
      all: db.prepare<[string], { doc: string }>('SELECT doc FROM read_model_docs WHERE projection = ? ORDER BY key'),
      prefixed: db.prepare<[string, string, string], { doc: string }>('SELECT doc FROM read_model_docs WHERE projection = ? AND key >= ? AND key < ? ORDER BY key'),
      put: db.prepare('INSERT INTO read_model_docs (projection, key, doc) VALUES (?, ?, ?) ON CONFLICT (projection, key) DO UPDATE SET doc = excluded.doc'),
      delete: db.prepare('DELETE FROM read_model_docs WHERE projection = ? AND key = ?'),
      clearDocs: db.prepare('DELETE FROM read_model_docs WHERE projection = ?'),
      clearCheckpoint: db.prepare('DELETE FROM projection_checkpoints WHERE projection = ?'),
      moveDocs: db.prepare('UPDATE read_model_docs SET projection = ? WHERE projection = ?'),
      moveCheckpoint: db.prepare('UPDATE projection_checkpoints SET projection = ? WHERE projection = ?'),
    };
  }

  async checkpoint(projection: string): Promise<Checkpoint | undefined> {
    const row = this.statements.checkpoint.get(projection);
    if (!row) return undefined;
    const failure = row.failed_position === null ? undefined : { position: row.failed_position, error: row.error ?? '' };
    return { position: row.position, version: row.version, ...(failure && { failure }) };
  }

  async get(projection: string, key: string): Promise<unknown> {
    const row = this.statements.get.get(projection, key);
    return row && JSON.parse(row.doc);
  }

  async getMany(projection: string, keys: readonly string[]): Promise<Map<string, unknown>> {
    const docs = new Map<string, unknown>();
    for (const key of keys) {
      const row = this.statements.get.get(projection, key);
      if (row) docs.set(key, JSON.parse(row.doc));
    }
    return docs;
  }

  async list(projection: string, prefix?: string): Promise<unknown[]> {
    // The key range [prefix, prefix + U+FFFF) holds exactly the keys that start with prefix.
    const rows = prefix === undefined ? this.statements.all.all(projection) : this.statements.prefixed.all(projection, prefix, `${prefix}\uffff`);
    return rows.map((row) => JSON.parse(row.doc));
  }

  async commit(projection: string, writes: ReadonlyMap<string, unknown>, checkpoint: Checkpoint, from: number): Promise<void> {
    this.db.transaction(() => {
      const current = this.statements.checkpoint.get(projection)?.position ?? 0;
      if (current !== from) throw new CheckpointMovedError(projection, from, current);
      for (const [key, doc] of writes) {
        if (doc === undefined) this.statements.delete.run(projection, key);
        else this.statements.put.run(projection, key, JSON.stringify(doc));
      }
      this.saveCheckpoint(projection, checkpoint);
    }).immediate();
  }

  async clear(projection: string): Promise<void> {
    this.db.transaction(() => {
      this.statements.clearDocs.run(projection);
      this.statements.clearCheckpoint.run(projection);
    }).immediate();
  }

  async replace(target: string, source: string): Promise<void> {
    this.db.transaction(() => {
      this.statements.clearDocs.run(target);
      this.statements.clearCheckpoint.run(target);
      this.statements.moveDocs.run(target, source);
      this.statements.moveCheckpoint.run(target, source);
    }).immediate();
  }

  /** The connection belongs to the event store, which closes it. */
  async close(): Promise<void> {}

  /** Separate so a test can fail between the rows and the checkpoint. */
  protected saveCheckpoint(projection: string, { position, version, failure }: Checkpoint): void {
    this.statements.saveCheckpoint.run(projection, position, version, failure?.position ?? null, failure?.error ?? null);
  }
}
