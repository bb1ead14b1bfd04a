import type { Database } from 'better-sqlite3';

/**
 * Numbered migrations, each applied once in its own `BEGIN IMMEDIATE`
 * transaction, so two processes opening the same file cannot both apply one.
 * Never edit a migration that has shipped: add the next number.
 */
const MIGRATIONS: ReadonlyArray<{ version: number; sql: string }> = [
  {
    version: 1,
    sql: `
      CREATE TABLE events (
        position       INTEGER PRIMARY KEY,
        stream_id      TEXT    NOT NULL,
        revision       INTEGER NOT NULL,
        type           TEXT    NOT NULL,
        schema_version INTEGER NOT NULL DEFAULT 1,
        data           TEXT    NOT NULL,
        metadata       TEXT    NOT NULL,
        recorded_at    TEXT    NOT NULL,
        UNIQUE (stream_id, revision)
      );
      CREATE TABLE idempotency (
        subject   TEXT NOT NULL,
        key       TEXT NOT NULL,
        route     TEXT NOT NULL,
        body_hash TEXT NOT NULL,
        answer    TEXT NOT NULL,
        at        TEXT NOT NULL,
        PRIMARY KEY (subject, key)
      ) WITHOUT ROWID;
    `,
  },
  {
    // Read models live next to the events: documents per projection, and each projection's checkpoint.
    version: 2,
    sql: `
      CREATE TABLE read_model_docs (
        projection TEXT NOT NULL,
        key        TEXT NOT NULL,
        doc        TEXT NOT NULL,
        PRIMARY KEY (projection, key)
      ) WITHOUT ROWID;
      CREATE TABLE projection_checkpoints (
        projection      TEXT PRIMARY KEY,
        position        INTEGER NOT NULL,
        version         INTEGER NOT NULL,
        failed_position INTEGER,
        error           TEXT
      );
    `,
  },
  {
    // The access log: who read which citizens' data, when, through which route. Append-only; ids, never names.
    version: 3,
    sql: `
      CREATE TABLE access_log (
        id          INTEGER PRIMARY KEY,
        at          TEXT NOT NULL,
        subject     TEXT NOT NULL,
        role        TEXT NOT NULL,
        route       TEXT NOT NULL,
        citizen_ids TEXT NOT NULL
      );
      CREATE TABLE access_log_citizens (
        citizen_id TEXT    NOT NULL,
        entry_id   INTEGER NOT NULL REFERENCES access_log (id),
        PRIMARY KEY (citizen_id, entry_id)
      ) WITHOUT ROWID;
    `,
  },
  {
    // A key per citizen for the personal fields of their events, kept apart from the events: erasure destroys it.
    version: 4,
    sql: `
      CREATE TABLE citizen_keys (
        citizen_id TEXT PRIMARY KEY,
        key        BLOB NOT NULL,
        created_at TEXT NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    // The people who sign in to the web application (cli user add): a bcrypt hash, never the password.
    version: 5,
    sql: `
      CREATE TABLE users (
        username      TEXT PRIMARY KEY,
        password_hash TEXT NOT NULL,
        role          TEXT NOT NULL,
        visitor_id    TEXT,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    // Token revocation: every change to a user raises the version their tokens must carry; a disabled user signs in no more.
    version: 6,
    sql: `
      ALTER TABLE users ADD COLUMN token_version INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE users ADD COLUMN disabled_at TEXT;
    `,
  },
  {
    // Read models in a rowid table with a unique key (docs/performance.md, issue #23): a WITHOUT ROWID table keeps at most
    // ~1 KB of a row in its leaf page and spills the rest to an overflow page of its own, so a case's 1.2 KB of facts
    // cost a leaf, a fresh overflow page and the old one zeroed (secure_delete) at every write; a rowid table keeps
    // up to ~4 KB in the leaf. Same columns and the same conflict target, so every statement stays as it was.
    version: 7,
    sql: `
      CREATE TABLE read_model_docs_v7 (projection TEXT NOT NULL, key TEXT NOT NULL, doc TEXT NOT NULL);
      INSERT INTO read_model_docs_v7 (projection, key, doc) SELECT projection, key, doc FROM read_model_docs ORDER BY projection, key;
      DROP TABLE read_model_docs;
      ALTER TABLE read_model_docs_v7 RENAME TO read_model_docs;
      CREATE UNIQUE INDEX read_model_docs_key ON read_model_docs (projection, key);
    `,
  },
];

export function migrate(db: Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  for (const migration of MIGRATIONS) {
    db.exec('BEGIN IMMEDIATE');
    try {
      const applied = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(migration.version);
      if (!applied) {
        db.exec(migration.sql);
        db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(migration.version, new Date().toISOString());
      }
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
}
