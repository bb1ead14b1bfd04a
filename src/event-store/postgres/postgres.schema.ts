import type { Pool } from 'pg';
import { transaction } from './postgres.transaction';

/** Quotes an identifier (the schema name comes from configuration, never from a request). */
export const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * Numbered migrations, applied at start in one transaction each under an
 * advisory lock, so two processes starting together apply each exactly once.
 * Never edit one that has shipped: add the next number.
 */
const migrations = (s: string): ReadonlyArray<{ version: number; sql: string }> => [
  {
    version: 1,
    sql: `
      CREATE TABLE ${s}.events (
        position       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        stream_id      text        NOT NULL,
        revision       integer     NOT NULL,
        type           text        NOT NULL,
        schema_version integer     NOT NULL DEFAULT 1,
        data           jsonb       NOT NULL,
        metadata       jsonb       NOT NULL,
        recorded_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
        -- The writing transaction: readAll shows only what no older transaction can still precede.
        transaction_id xid8        NOT NULL DEFAULT pg_current_xact_id(),
        UNIQUE (stream_id, revision)
      );
      CREATE TABLE ${s}.idempotency (
        subject   text        NOT NULL,
        key       text        NOT NULL,
        route     text        NOT NULL,
        body_hash text        NOT NULL,
        answer    jsonb       NOT NULL,
        at        timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (subject, key)
      );
    `,
  },
  {
    // Read models beside the events: documents per projection, and each projection's checkpoint.
    version: 2,
    sql: `
      CREATE TABLE ${s}.read_model_docs (
        projection text  NOT NULL,
        key        text  COLLATE "C" NOT NULL,
        doc        jsonb NOT NULL,
        PRIMARY KEY (projection, key)
      );
      CREATE TABLE ${s}.projection_checkpoints (
        projection      text    PRIMARY KEY,
        position        bigint  NOT NULL,
        version         integer NOT NULL,
        failed_position bigint,
        error           text
      );
    `,
  },
  {
    // The access log: who read which citizens' data, when, through which route. Append-only; ids, never names.
    version: 3,
    sql: `
      CREATE TABLE ${s}.access_log (
        id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at          timestamptz NOT NULL,
        subject     text        NOT NULL,
        role        text        NOT NULL,
        route       text        NOT NULL,
        citizen_ids text[]      NOT NULL
      );
      CREATE INDEX access_log_citizens ON ${s}.access_log USING gin (citizen_ids);
    `,
  },
  {
    // A key per citizen for the personal fields of their events, kept apart from the events: erasure destroys it.
    version: 4,
    sql: `
      CREATE TABLE ${s}.citizen_keys (
        citizen_id text        PRIMARY KEY,
        key        bytea       NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
    `,
  },
  {
    // The people who sign in to the web application (cli user add): a bcrypt hash, never the password.
    version: 5,
    sql: `
      CREATE TABLE ${s}.users (
        username      text        PRIMARY KEY,
        password_hash text        NOT NULL,
        role          text        NOT NULL,
        visitor_id    text,
        created_at    timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now()
      );
    `,
  },
  {
    // Token revocation: every change to a user raises the version their tokens must carry; a disabled user signs in no more.
    version: 6,
    sql: `
      ALTER TABLE ${s}.users ADD COLUMN token_version integer NOT NULL DEFAULT 1, ADD COLUMN disabled_at timestamptz;
    `,
  },
];

/** A fixed key for the migration lock (any 64-bit number, the same in every process). */
const MIGRATION_LOCK = 4_242_424_242;

export async function migrate(pool: Pool, schema: string): Promise<void> {
  const s = ident(schema);
  await transaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${s}.schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ version: number }>(`SELECT version FROM ${s}.schema_migrations`);
    const applied = new Set(rows.map((row) => row.version));
    for (const migration of migrations(s)) {
      if (applied.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query(`INSERT INTO ${s}.schema_migrations (version) VALUES ($1)`, [migration.version]);
    }
  });
}
