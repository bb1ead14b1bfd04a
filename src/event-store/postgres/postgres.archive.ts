import type { Pool } from 'pg';
import { transaction } from './postgres.transaction';
import type { IdempotencyRecord, StoredEvent } from '../event-store.port';
import type { StorageArchive } from '../archive.port';

/** What `cli migrate` reads and writes on PostgreSQL: events as they were, and the idempotency records. */
export class PostgresArchive implements StorageArchive {
  constructor(
    private readonly pool: Pool,
    /** The quoted schema. */
    private readonly s: string,
    private readonly channel: string,
  ) {}

  async eventCount(): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${this.s}.events`);
    return Number(rows[0]?.n ?? 0);
  }

  /** One transaction per call; revisions, metadata and recorded time as given; subscribers woken. */
  async importEvents(events: readonly StoredEvent[]): Promise<void> {
    if (events.length === 0) return;
    await transaction(this.pool, async (client) => {
      const values: unknown[] = [];
      const tuples = events.map((e, i) => {
        values.push(e.streamId, e.revision, e.type, e.schemaVersion, JSON.stringify(e.data), JSON.stringify(e.metadata), e.recordedAt);
        const p = i * 7;
        return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}::jsonb, $${p + 6}::jsonb, $${p + 7}::timestamptz)`;
      });
      await client.query(`INSERT INTO ${this.s}.events (stream_id, revision, type, schema_version, data, metadata, recorded_at) VALUES ${tuples.join(', ')}`, values);
      await client.query('SELECT pg_notify($1, $2)', [this.channel, 'import']);
    });
  }

  async idempotencyRecords(): Promise<IdempotencyRecord[]> {
    const { rows } = await this.pool.query<{ subject: string; key: string; route: string; body_hash: string; answer: unknown; at: Date }>(
      `SELECT subject, key, route, body_hash, answer, at FROM ${this.s}.idempotency ORDER BY at, subject, key`,
    );
    return rows.map((row) => ({ subject: row.subject, key: row.key, route: row.route, bodyHash: row.body_hash, answer: row.answer, at: row.at.toISOString() }));
  }

  async importIdempotency(records: readonly IdempotencyRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.pool.query(
      `INSERT INTO ${this.s}.idempotency (subject, key, route, body_hash, answer, at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::timestamptz[]) ON CONFLICT DO NOTHING`,
      [records.map((r) => r.subject), records.map((r) => r.key), records.map((r) => r.route), records.map((r) => r.bodyHash), records.map((r) => JSON.stringify(r.answer)), records.map((r) => r.at)],
    );
  }

  async rehashIdempotencyKeys(digest: (key: string) => string): Promise<number> {
    const { rows } = await this.pool.query<{ subject: string; key: string }>(`SELECT subject, key FROM ${this.s}.idempotency WHERE key !~ '^[0-9a-f]{64}$'`);
    if (rows.length === 0) return 0;
    const subjects = rows.map((r) => r.subject);
    const keys = rows.map((r) => r.key);
    const digests = keys.map(digest);
    // Processes starting together may both do this: the second finds the keys already renamed.
    await transaction(this.pool, async (client) => {
      await client.query(
        `UPDATE ${this.s}.idempotency i SET key = d.digest FROM unnest($1::text[], $2::text[], $3::text[]) AS d(subject, key, digest)
         WHERE i.subject = d.subject AND i.key = d.key
           AND NOT EXISTS (SELECT 1 FROM ${this.s}.idempotency x WHERE x.subject = d.subject AND x.key = d.digest)`,
        [subjects, keys, digests],
      );
      await client.query(`DELETE FROM ${this.s}.idempotency i USING unnest($1::text[], $2::text[]) AS d(subject, key) WHERE i.subject = d.subject AND i.key = d.key`, [subjects, keys]);
    });
    return rows.length;
  }

  async citizenKeys(): Promise<Array<{ citizenId: string; key: Buffer }>> {
    const { rows } = await this.pool.query<{ citizen_id: string; key: Buffer }>(`SELECT citizen_id, key FROM ${this.s}.citizen_keys ORDER BY citizen_id`);
    return rows.map((r) => ({ citizenId: r.citizen_id, key: r.key }));
  }

  async importCitizenKeys(keys: ReadonlyArray<{ citizenId: string; key: Buffer }>): Promise<void> {
    for (const k of keys) await this.pool.query(`INSERT INTO ${this.s}.citizen_keys (citizen_id, key) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [k.citizenId, k.key]);
  }

  async accessLog(): Promise<Array<{ at: string; subject: string; role: string; route: string; citizenIds: string[] }>> {
    const { rows } = await this.pool.query<{ at: Date; subject: string; role: string; route: string; citizen_ids: string[] }>(`SELECT at, subject, role, route, citizen_ids FROM ${this.s}.access_log ORDER BY id`);
    return rows.map((r) => ({ at: r.at.toISOString(), subject: r.subject, role: r.role, route: r.route, citizenIds: r.citizen_ids }));
  }

  async accessLogCount(): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${this.s}.access_log`);
    return Number(rows[0]?.n ?? 0);
  }

  async importAccessLog(entries: ReadonlyArray<{ at: string; subject: string; role: string; route: string; citizenIds: string[] }>): Promise<void> {
    for (const e of entries) {
      await this.pool.query(`INSERT INTO ${this.s}.access_log (at, subject, role, route, citizen_ids) VALUES ($1, $2, $3, $4, $5)`, [e.at, e.subject, e.role, e.route, e.citizenIds]);
    }
  }
}
