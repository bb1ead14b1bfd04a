import type { Pool } from 'pg';
import { COLUMNS, ClaimRow, fromRow, values } from '../claim-rows';
import type { Claim, ClaimTable } from '../side-database';
import { ident } from './postgres.schema';
import { transaction } from './postgres.transaction';

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
