import type { Database } from 'better-sqlite3';
import type { Pool } from 'pg';
import { ident } from '../postgres/postgres.schema';
import { transaction } from '../postgres/postgres.transaction';

/**
 * An `Idempotency-Key` taken by one append while it is written to KurrentDB.
 * KurrentDB and the database that keeps the idempotency records share no
 * transaction, so the key is claimed first (one writer wins it, in any number
 * of processes), the events appended, then the record written and the claim let
 * go. A claim left behind by a crash names the stream and command, so a later
 * look-up can see whether the events arrived (kurrentdb.idempotency.ts).
 */
export interface Claim {
  /** Tells this claim from a later one on the same key. */
  id: string;
  subject: string;
  key: string;
  route: string;
  bodyHash: string;
  streamId: string;
  commandId: string;
  /** The answer with marks where the revision and position go (they are known only after the append). */
  template: unknown;
  /** When it was claimed (ISO 8601). */
  at: string;
}

export interface ClaimTable {
  /** False when another append holds the key. */
  claim(claim: Claim): Promise<boolean>;
  find(subject: string, key: string): Promise<Claim | undefined>;
  /** Lets go of this claim (and of no later one on the same key). */
  release(claim: Claim): Promise<void>;
}

interface ClaimRow {
  id: string;
  subject: string;
  key: string;
  route: string;
  body_hash: string;
  stream_id: string;
  command_id: string;
  template: string;
  at: string | Date;
}

const fromRow = (row: ClaimRow): Claim => ({
  id: row.id,
  subject: row.subject,
  key: row.key,
  route: row.route,
  bodyHash: row.body_hash,
  streamId: row.stream_id,
  commandId: row.command_id,
  template: JSON.parse(row.template),
  at: row.at instanceof Date ? row.at.toISOString() : row.at,
});

const COLUMNS = 'id, subject, key, route, body_hash, stream_id, command_id, template, at';
const values = (c: Claim) => [c.id, c.subject, c.key, c.route, c.bodyHash, c.streamId, c.commandId, JSON.stringify(c.template), c.at];

/** The claims in the PostgreSQL schema that holds the read models. */
export class PostgresClaimTable implements ClaimTable {
  private readonly table: string;

  private constructor(private readonly pool: Pool, schema: string) {
    this.table = `${ident(schema)}.kurrentdb_claims`;
  }

  static async open(pool: Pool, schema: string): Promise<PostgresClaimTable> {
    const claims = new PostgresClaimTable(pool, schema);
    // Two processes starting together: CREATE TABLE IF NOT EXISTS alone can still lose the race on the
    // catalogue (a unique violation on pg_type), so the creation is serialised by a lock of the transaction.
    await transaction(pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [claims.table]);
      await client.query(`CREATE TABLE IF NOT EXISTS ${claims.table} (
        id text NOT NULL, subject text NOT NULL, key text NOT NULL, route text NOT NULL, body_hash text NOT NULL,
        stream_id text NOT NULL, command_id text NOT NULL, template text NOT NULL, at timestamptz NOT NULL,
        PRIMARY KEY (subject, key))`);
    });
    return claims;
  }

  async claim(claim: Claim): Promise<boolean> {
    const { rowCount } = await this.pool.query(`INSERT INTO ${this.table} (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`, values(claim));
    return rowCount === 1;
  }

  async find(subject: string, key: string): Promise<Claim | undefined> {
    const { rows } = await this.pool.query<ClaimRow>(`SELECT ${COLUMNS} FROM ${this.table} WHERE subject = $1 AND key = $2`, [subject, key]);
    return rows[0] && fromRow(rows[0]);
  }

  async release(claim: Claim): Promise<void> {
    await this.pool.query(`DELETE FROM ${this.table} WHERE subject = $1 AND key = $2 AND id = $3`, [claim.subject, claim.key, claim.id]);
  }
}

/** The claims in the SQLite file that holds the read models. */
export class SqliteClaimTable implements ClaimTable {
  constructor(private readonly db: Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS kurrentdb_claims (
      id TEXT NOT NULL, subject TEXT NOT NULL, key TEXT NOT NULL, route TEXT NOT NULL, body_hash TEXT NOT NULL,
      stream_id TEXT NOT NULL, command_id TEXT NOT NULL, template TEXT NOT NULL, at TEXT NOT NULL,
      PRIMARY KEY (subject, key))`);
  }

  async claim(claim: Claim): Promise<boolean> {
    return this.db.prepare(`INSERT INTO kurrentdb_claims (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`).run(...values(claim)).changes === 1;
  }

  async find(subject: string, key: string): Promise<Claim | undefined> {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM kurrentdb_claims WHERE subject = ? AND key = ?`).get(subject, key) as ClaimRow | undefined;
    return row && fromRow(row);
  }

  async release(claim: Claim): Promise<void> {
    this.db.prepare('DELETE FROM kurrentdb_claims WHERE subject = ? AND key = ? AND id = ?').run(claim.subject, claim.key, claim.id);
  }
}
