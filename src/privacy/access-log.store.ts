import { open } from 'node:fs/promises';
import type { Database, Statement } from 'better-sqlite3';
import type { Pool } from 'pg';
import { ident } from '../event-store/postgres/postgres.schema';

/** One read of people's data: who (the token's `sub`, verbatim), in which role, through which route, whose data, when. */
export interface AccessEntry {
  at: string;
  subject: string;
  role: string;
  route: string;
  citizenIds: string[];
}

/** Where the access log is kept: beside the events, append-only. */
export interface AccessLogStore {
  append(entries: readonly AccessEntry[]): Promise<void>;
  /** Every entry that names the citizen, oldest first. */
  forCitizen(citizenId: string): Promise<AccessEntry[]>;
}

/** The batch is committed, but the disk sync after it failed: the rows are there, to be synced by the next sync of the file. */
export class AccessLogSyncError extends Error {
  override name = 'AccessLogSyncError';
}

/**
 * On SQLite the batch is committed without a disk sync on the event loop
 * (synchronous=NORMAL for that transaction, the connection's setting put back
 * at once), then the write-ahead log is synced from libuv's thread pool
 * (`fdatasync` of the -wal file): the batch is as durable as a FULL commit
 * once `append` resolves, and no request waits for the disk meanwhile. (A
 * FULL commit synced on the one thread, stalling whatever request was being
 * answered: the p99 of a read was the flush.) A checkpoint that moves the
 * frames into the database file syncs that file first, so they are durable
 * either way.
 */
export class SqliteAccessLogStore implements AccessLogStore {
  private readonly insertEntry: Statement;
  private readonly insertCitizen: Statement;
  private readonly walFile: string | undefined;

  constructor(private readonly db: Database) {
    this.insertEntry = db.prepare('INSERT INTO access_log (at, subject, role, route, citizen_ids) VALUES (?, ?, ?, ?, ?)');
    this.insertCitizen = db.prepare('INSERT OR IGNORE INTO access_log_citizens (citizen_id, entry_id) VALUES (?, ?)');
    const wal = !db.memory && String(db.pragma('journal_mode', { simple: true })).toLowerCase() === 'wal';
    this.walFile = wal ? `${db.name}-wal` : undefined;
  }

  async append(entries: readonly AccessEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const synchronous = this.db.pragma('synchronous', { simple: true }) as number;
    // Without a write-ahead log to sync afterwards, or with no sync asked for, the connection's setting decides.
    if (!this.walFile || synchronous <= 1) return this.write(entries);
    this.db.pragma('synchronous = NORMAL');
    try {
      this.write(entries);
    } finally {
      this.db.pragma(`synchronous = ${synchronous}`);
    }
    try {
      const wal = await open(this.walFile, 'r');
      try {
        await wal.datasync();
      } finally {
        await wal.close();
      }
    } catch (error) {
      throw new AccessLogSyncError(`access log written, its disk sync failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private write(entries: readonly AccessEntry[]): void {
    this.db.transaction(() => {
      for (const e of entries) {
        const { lastInsertRowid } = this.insertEntry.run(e.at, e.subject, e.role, e.route, JSON.stringify(e.citizenIds));
        for (const id of e.citizenIds) this.insertCitizen.run(id, lastInsertRowid);
      }
    }).immediate();
  }

  async forCitizen(citizenId: string): Promise<AccessEntry[]> {
    const rows = this.db
      .prepare(
        `SELECT l.at, l.subject, l.role, l.route, l.citizen_ids FROM access_log_citizens c JOIN access_log l ON l.id = c.entry_id
          WHERE c.citizen_id = ? ORDER BY l.id`,
      )
      .all(citizenId) as Array<{ at: string; subject: string; role: string; route: string; citizen_ids: string }>;
    return rows.map((r) => ({ at: r.at, subject: r.subject, role: r.role, route: r.route, citizenIds: JSON.parse(r.citizen_ids) }));
  }
}

export class PostgresAccessLogStore implements AccessLogStore {
  private readonly table: string;

  constructor(
    private readonly pool: Pool,
    schema: string,
  ) {
    this.table = `${ident(schema)}.access_log`;
  }

  async append(entries: readonly AccessEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.pool.query(
      `INSERT INTO ${this.table} (at, subject, role, route, citizen_ids)
       SELECT at, subject, role, route, ARRAY(SELECT jsonb_array_elements_text(ids)) FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::jsonb[]) AS t(at, subject, role, route, ids)`,
      [entries.map((e) => e.at), entries.map((e) => e.subject), entries.map((e) => e.role), entries.map((e) => e.route), entries.map((e) => JSON.stringify(e.citizenIds))],
    );
  }

  async forCitizen(citizenId: string): Promise<AccessEntry[]> {
    const { rows } = await this.pool.query<{ at: Date; subject: string; role: string; route: string; citizen_ids: string[] }>(
      `SELECT at, subject, role, route, citizen_ids FROM ${this.table} WHERE citizen_ids @> ARRAY[$1]::text[] ORDER BY id`,
      [citizenId],
    );
    return rows.map((r) => ({ at: r.at.toISOString(), subject: r.subject, role: r.role, route: r.route, citizenIds: r.citizen_ids }));
  }
}

/** With the memory store: kept for the life of the process. */
export class MemoryAccessLogStore implements AccessLogStore {
  private readonly entries: AccessEntry[] = [];

  async append(entries: readonly AccessEntry[]): Promise<void> {
    this.entries.push(...entries.map((e) => structuredClone(e)));
  }

  async forCitizen(citizenId: string): Promise<AccessEntry[]> {
    return this.entries.filter((e) => e.citizenIds.includes(citizenId)).map((e) => structuredClone(e));
  }
}
