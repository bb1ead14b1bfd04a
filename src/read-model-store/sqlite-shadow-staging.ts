import { randomBytes } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import { Checkpoint, CheckpointMovedError, ShadowStaging, StagedBatch } from './read-model-store.port';
import { RowIndex } from './row-index';

/** What the staging needs of the SQLite read-model store it belongs to. */
export interface StagingHost {
  namespaceOf(projection: string): string;
  checkpointIn(namespace: string): { position: number } | undefined;
  saveCheckpoint(namespace: string, checkpoint: Checkpoint): void;
  withoutOwnSync(write: () => void): void;
}

interface StagedShadow {
  namespace: string;
  /** The table's name in the temp database, and its qualified name. */
  name: string;
  table: string;
  /** Each staged key's last row, by a 30-bit hash of the key (no strings kept; two keys sharing a hash are told apart on reading). */
  lastRow: RowIndex;
  insert: Statement<[string, string | null]>;
  row: Statement<[number], [string, string | null]>;
  /** Only for two keys sharing a hash: a scan of the table. */
  lastOf: Statement<[string], string | null>;
}

/**
 * SQLite's staging of a rebuild (see ShadowStaging): one table per shadow in
 * the connection's temp database (a file SQLite deletes itself, even after a
 * crash; never synced, outside the WAL), rows appended in rowid order, so no
 * index is kept in random key order while the rebuild runs. A document let go
 * of by the rebuild's cache is found again by its last row (`lastRow`); at the
 * end, one INSERT … SELECT per shadow (through an index of its keys, made then) writes each key's last version in key
 * order, so each page of the shadow is written once.
 */
export class SqliteShadowStaging implements ShadowStaging {
  private readonly shadows = new Map<string, StagedShadow>();

  constructor(
    private readonly db: Database,
    private readonly host: StagingHost,
    projections: readonly string[],
  ) {
    const tag = randomBytes(6).toString('hex');
    projections.forEach((projection, i) => {
      const name = `rebuild_${tag}_${i}`;
      const table = `temp."${name}"`;
      db.exec(`CREATE TABLE ${table} (key TEXT NOT NULL, doc TEXT)`);
      this.shadows.set(projection, {
        namespace: host.namespaceOf(projection),
        name,
        table,
        lastRow: new RowIndex(),
        insert: db.prepare(`INSERT INTO ${table} (key, doc) VALUES (?, ?)`),
        row: db.prepare<[number], [string, string | null]>(`SELECT key, doc FROM ${table} WHERE rowid = ?`).raw(true),
        lastOf: db.prepare<[string], string | null>(`SELECT doc FROM ${table} WHERE key = ? ORDER BY rowid DESC LIMIT 1`).pluck(),
      });
    });
  }

  async stage(batches: readonly StagedBatch[]): Promise<void> {
    // Only the temp database is written: no lock on the events' file, no sync.
    this.db.transaction(() => {
      for (const { projection, writes } of batches) {
        const shadow = this.shadowOf(projection);
        for (const [key, doc] of writes) {
          const { lastInsertRowid } = shadow.insert.run(key, doc === undefined ? null : JSON.stringify(doc));
          shadow.lastRow.set(hash(key), Number(lastInsertRowid));
        }
      }
    })();
  }

  async getMany(projection: string, keys: readonly string[]): Promise<Map<string, unknown>> {
    const docs = new Map<string, unknown>();
    for (const key of keys) {
      const doc = this.getNow(projection, key);
      if (doc !== undefined) docs.set(key, doc);
    }
    return docs;
  }

  readonly getNow = (projection: string, key: string): unknown => {
    const shadow = this.shadowOf(projection);
    const rowid = shadow.lastRow.get(hash(key));
    if (rowid === undefined) return undefined; // never staged
    const [found, doc] = shadow.row.get(rowid)!;
    // That row is the last of every key with this hash: if it is this key's, it is this key's last.
    const last = found === key ? doc : shadow.lastOf.get(key);
    return last === null || last === undefined ? undefined : JSON.parse(last);
  };

  async finish(batches: readonly StagedBatch[]): Promise<void> {
    await this.stage(batches);
    try {
      this.host.withoutOwnSync(() =>
        this.db.transaction(() => {
          for (const { projection, checkpoint } of batches) {
            const shadow = this.shadowOf(projection);
            // Another rebuild cleared the shadow (a new namespace) or wrote it: ours is not the one to swap in.
            const namespace = this.host.namespaceOf(projection);
            const current = this.host.checkpointIn(namespace)?.position ?? 0;
            if (namespace !== shadow.namespace || current !== 0) throw new CheckpointMovedError(projection, 0, current);
            this.move(shadow, namespace);
            this.host.saveCheckpoint(namespace, checkpoint);
          }
        }).immediate(),
      );
    } finally {
      await this.discard();
    }
  }

  /**
   * Each key's last version (deleted ones left out), in key order, into the
   * shadow's namespace. The keys are indexed first, so that the last row of
   * each is found in key order from the index, and only the rows moved are
   * read: a GROUP BY over the table itself sorted every staged document, and
   * SQLite's sorter was the peak of a 1M-event rebuild's memory (W6). CROSS
   * JOIN keeps the index's scan the outer loop, so the rows come in key order.
   */
  private move({ name, table }: StagedShadow, namespace: string): void {
    this.db.exec(`CREATE INDEX temp."${name}_key" ON "${name}" (key)`);
    this.db
      .prepare(
        `INSERT INTO read_model_docs (projection, key, doc) SELECT ?, staged.key, staged.doc FROM (SELECT max(rowid) AS last FROM ${table} GROUP BY key) AS lasts CROSS JOIN ${table} AS staged ON staged.rowid = lasts.last WHERE staged.doc IS NOT NULL`,
      )
      .run(namespace);
  }

  async discard(): Promise<void> {
    for (const { table } of this.shadows.values()) this.db.exec(`DROP TABLE IF EXISTS ${table}`);
    this.shadows.clear();
  }

  private shadowOf(projection: string): StagedShadow {
    const shadow = this.shadows.get(projection);
    if (!shadow) throw new Error(`${projection} is not being staged (or its staging is over)`);
    return shadow;
  }
}

/** FNV-1a of the key, cut to 30 bits (a V8 small integer). Exported for the spec that makes two keys share one. */
export function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h & 0x3fffffff;
}
