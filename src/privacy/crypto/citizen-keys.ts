import { randomBytes } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import type { Pool } from 'pg';
import { ident } from '../../event-store/postgres/postgres.schema';

/**
 * One AES-256 key per citizen, beside the events but apart from them. A key is
 * committed before the first event encrypted with it; destroying it makes every
 * personal field of the citizen unreadable for good (crypto-shredding).
 */
export interface CitizenKeys {
  /** The citizen's key, created (and durably stored) if there is none yet. */
  ensure(citizenId: string): Promise<Buffer>;
  /** The key, or undefined once erased (or never made). */
  get(citizenId: string): Promise<Buffer | undefined>;
  /** Destroys the key, leaving no copy of it in the storage's files. */
  destroy(citizenId: string): Promise<void>;
  /**
   * True where the event store beside these keys writes a new key in the append
   * of the events sealed with it (AppendOptions.citizenKey, same table): PostgreSQL.
   */
  readonly storedWithAppend?: boolean;
}

export class SqliteCitizenKeys implements CitizenKeys {
  /** Prepared once: every read that opens personal fields looks a key up, and every new case writes one. */
  private readonly lookup;
  private readonly insert;
  private readonly readSynchronous;
  /** `PRAGMA synchronous = <n>` for each setting (0–3), prepared when first needed. */
  private readonly setSynchronous = new Map<number, Statement>();

  /**
   * Given `commit` (the store's `writeWithNextCommit`), a new key is written
   * inside the events' next group commit rather than in a write transaction of
   * its own; without it, in an autocommit of its own.
   */
  constructor(
    private readonly db: Database,
    private readonly commit?: <T>(write: () => T) => Promise<T>,
  ) {
    this.lookup = db.prepare<[string], { key: Buffer }>('SELECT key FROM citizen_keys WHERE citizen_id = ?');
    // No row changed: another connection wrote a key first, and that one is read back instead.
    this.insert = db.prepare<[string, Buffer, string]>('INSERT INTO citizen_keys (citizen_id, key, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
    this.readSynchronous = db.prepare('PRAGMA synchronous').pluck();
  }

  /**
   * The new key's commit needs no disk sync of its own: it lies in the WAL before
   * the events it seals, and a WAL is replayed in order up to its last synced
   * commit, so the sync that makes those events durable makes the key durable
   * first. No event can ever outlive its key; one sync per new case is saved.
   */
  async ensure(citizenId: string): Promise<Buffer> {
    const known = this.lookup.get(citizenId)?.key;
    if (known) return known;
    // Committed with the batch before the one that holds the events sealed with it: in the log before them.
    if (this.commit) return this.commit(() => this.insertOrReadBack(citizenId));
    const synchronous = this.readSynchronous.get() as number;
    this.synchronous(1); // NORMAL
    try {
      return this.insertOrReadBack(citizenId);
    } finally {
      this.synchronous(synchronous);
    }
  }

  /** A new key, or the one another connection (or an earlier write of this one) stored first. */
  private insertOrReadBack(citizenId: string): Buffer {
    const key = randomBytes(32);
    // A plain INSERT rather than RETURNING, which costs a statement of its own inside SQLite.
    const { changes } = this.insert.run(citizenId, key, new Date().toISOString());
    return changes === 1 ? key : this.lookup.get(citizenId)!.key;
  }

  async get(citizenId: string): Promise<Buffer | undefined> {
    return this.lookup.get(citizenId)?.key;
  }

  async destroy(citizenId: string): Promise<void> {
    // secure_delete zeroes the row in the database file; the checkpoint moves that page out of the WAL and truncates it.
    this.db.prepare('DELETE FROM citizen_keys WHERE citizen_id = ?').run(citizenId);
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  private synchronous(level: number): void {
    let statement = this.setSynchronous.get(level);
    if (!statement) this.setSynchronous.set(level, (statement = this.db.prepare(`PRAGMA synchronous = ${Number(level)}`)));
    statement.run();
  }
}

export class PostgresCitizenKeys implements CitizenKeys {
  /** The PostgreSQL event store of the same schema writes a new case's key with its first events. */
  readonly storedWithAppend = true;
  private readonly table: string;
  /** Statement names: each is parsed and planned once per connection (a new case makes a key, every sealed read looks one up). */
  private readonly names: { ensure: string; get: string };

  constructor(
    private readonly pool: Pool,
    schema: string,
  ) {
    this.table = `${ident(schema)}.citizen_keys`;
    this.names = { ensure: `citizen-key-ensure:${schema}`, get: `citizen-key-get:${schema}` };
  }

  /**
   * One round trip for a new key, and no wait for its flush: the commit record
   * lies in the WAL before the events it seals, and the flush that makes those
   * events durable (synchronous_commit on) flushes it first. A key another
   * process made a moment ago is read back.
   */
  async ensure(citizenId: string): Promise<Buffer> {
    const { rows } = await this.pool.query<{ key: Buffer }>({
      name: this.names.ensure,
      text: `WITH settings AS (SELECT set_config('synchronous_commit', 'off', true))
       INSERT INTO ${this.table} (citizen_id, key) SELECT $1, $2 FROM settings ON CONFLICT DO NOTHING RETURNING key`,
      values: [citizenId, randomBytes(32)],
    });
    return rows[0]?.key ?? (await this.get(citizenId))!;
  }

  async get(citizenId: string): Promise<Buffer | undefined> {
    const { rows } = await this.pool.query<{ key: Buffer }>({ name: this.names.get, text: `SELECT key FROM ${this.table} WHERE citizen_id = $1`, values: [citizenId] });
    return rows[0]?.key;
  }

  async destroy(citizenId: string): Promise<void> {
    await this.pool.query(`DELETE FROM ${this.table} WHERE citizen_id = $1`, [citizenId]);
    // Rewrites the (small) table, so the dead row's bytes do not stay in its file.
    await this.pool.query(`VACUUM FULL ${this.table}`);
  }
}

export class MemoryCitizenKeys implements CitizenKeys {
  private readonly keys: Map<string, Buffer>;

  constructor(keys: Iterable<readonly [string, Buffer]> = []) {
    this.keys = new Map(keys);
  }

  /** Every key held (the bench imports them beside the events it copies). */
  entries(): IterableIterator<[string, Buffer]> {
    return this.keys.entries();
  }

  async ensure(citizenId: string): Promise<Buffer> {
    if (!this.keys.has(citizenId)) this.keys.set(citizenId, randomBytes(32));
    return this.keys.get(citizenId)!;
  }

  async get(citizenId: string): Promise<Buffer | undefined> {
    return this.keys.get(citizenId);
  }

  async destroy(citizenId: string): Promise<void> {
    this.keys.get(citizenId)?.fill(0);
    this.keys.delete(citizenId);
  }
}

