import type { Database } from 'better-sqlite3';
import type { IdempotencyRecord, StoredEvent } from '../event-store.port';
import type { StorageArchive } from '../archive.port';
import { COLUMNS, RawEventRow, toStoredEvent } from './sqlite.rows';

type AccessEntry = { at: string; subject: string; role: string; route: string; citizenIds: string[] };

/** What `cli migrate` reads and writes on SQLite, on the store's connection. */
export class SqliteArchive implements StorageArchive {
  constructor(
    private readonly db: Database,
    private readonly committed: (events: StoredEvent[]) => void,
    private readonly reported: () => number,
  ) {}

  async eventCount(): Promise<number> {
    return (this.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
  }

  async importEvents(events: readonly StoredEvent[]): Promise<void> {
    const insert = this.db.prepare('INSERT INTO events (stream_id, revision, type, schema_version, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.db.transaction(() => {
      for (const e of events) insert.run(e.streamId, e.revision, e.type, e.schemaVersion, JSON.stringify(e.data), JSON.stringify(e.metadata), e.recordedAt);
    }).immediate();
    // Subscribers (the server's projector, say) hear of the imported events like any others.
    const rows = this.db.prepare(`SELECT ${COLUMNS} FROM events WHERE position > ? ORDER BY position`).raw(true).all(this.reported()) as RawEventRow[];
    this.committed(rows.map(toStoredEvent));
  }

  async idempotencyRecords(): Promise<IdempotencyRecord[]> {
    return (this.db.prepare('SELECT subject, key, route, body_hash, answer, at FROM idempotency ORDER BY at, subject, key').all() as Array<Record<string, string>>).map((row) => ({
        subject: row.subject!,
        key: row.key!,
        route: row.route!,
        bodyHash: row.body_hash!,
        answer: JSON.parse(row.answer!),
        at: row.at!,
      }));
  }

  async importIdempotency(records: readonly IdempotencyRecord[]): Promise<void> {
    const insert = this.db.prepare('INSERT INTO idempotency (subject, key, route, body_hash, answer, at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING');
    this.db.transaction(() => {
      for (const r of records) insert.run(r.subject, r.key, r.route, r.bodyHash, JSON.stringify(r.answer), r.at);
    }).immediate();
  }

  async rehashIdempotencyKeys(digest: (key: string) => string): Promise<number> {
    // Runs at every start: unhex() finds a non-hex digit in C (~0.1 s per 200,000 records; a GLOB took 0.35 s).
    const legacy = this.db.prepare('SELECT subject, key FROM idempotency WHERE length(key) <> 64 OR unhex(key) IS NULL OR key <> lower(key)').all() as Array<{ subject: string; key: string }>;
    if (legacy.length === 0) return 0;
    const rename = this.db.prepare('UPDATE OR IGNORE idempotency SET key = ? WHERE subject = ? AND key = ?');
    const drop = this.db.prepare('DELETE FROM idempotency WHERE subject = ? AND key = ?');
    // secure_delete (on for the store's connection) zeroes the clear keys' old bytes in the file.
    this.db.transaction(() => {
      for (const { subject, key } of legacy) if (rename.run(digest(key), subject, key).changes === 0) drop.run(subject, key);
    }).immediate();
    return legacy.length;
  }

  async citizenKeys(): Promise<Array<{ citizenId: string; key: Buffer }>> {
    return (this.db.prepare('SELECT citizen_id, key FROM citizen_keys ORDER BY citizen_id').all() as Array<{ citizen_id: string; key: Buffer }>).map((r) => ({ citizenId: r.citizen_id, key: r.key }));
  }

  async importCitizenKeys(keys: ReadonlyArray<{ citizenId: string; key: Buffer }>): Promise<void> {
    const insert = this.db.prepare('INSERT OR IGNORE INTO citizen_keys (citizen_id, key, created_at) VALUES (?, ?, ?)');
    this.db.transaction(() => keys.forEach((k) => insert.run(k.citizenId, k.key, new Date().toISOString()))).immediate();
  }

  async accessLog(): Promise<AccessEntry[]> {
    return (this.db.prepare('SELECT at, subject, role, route, citizen_ids FROM access_log ORDER BY id').all() as Array<Record<string, string>>).map((r) => ({
        at: r.at!,
        subject: r.subject!,
        role: r.role!,
        route: r.route!,
        citizenIds: JSON.parse(r.citizen_ids!),
      }));
  }

  async accessLogCount(): Promise<number> {
    return (this.db.prepare('SELECT count(*) AS n FROM access_log').get() as { n: number }).n;
  }

  async importAccessLog(entries: readonly AccessEntry[]): Promise<void> {
    const entry = this.db.prepare('INSERT INTO access_log (at, subject, role, route, citizen_ids) VALUES (?, ?, ?, ?, ?)');
    const citizen = this.db.prepare('INSERT OR IGNORE INTO access_log_citizens (citizen_id, entry_id) VALUES (?, ?)');
    this.db.transaction(() => {
      for (const e of entries) {
        const { lastInsertRowid } = entry.run(e.at, e.subject, e.role, e.route, JSON.stringify(e.citizenIds));
        for (const id of e.citizenIds) citizen.run(id, lastInsertRowid);
      }
    }).immediate();
  }
}
