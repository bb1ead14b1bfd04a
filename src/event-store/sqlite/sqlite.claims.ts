import type { Database } from 'better-sqlite3';
import { COLUMNS, ClaimRow, fromRow, values } from '../claim-rows';
import type { Claim, ClaimTable } from '../side-database';

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
