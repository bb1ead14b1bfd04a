import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Random } from '../../src/cli/seed/random';
import { tmpdir } from 'node:os';
import { PostgresStorage } from '../../src/storage/postgres.storage';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres.event-store';
import { Casework } from './casework';

export const postgresUrl = (): string => {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const { PGHOST = '127.0.0.1', PGPORT = '5432', PGUSER = 'postgres', PGDATABASE = 'test' } = process.env;
  return `postgres://${encodeURIComponent(PGUSER)}@${PGHOST}:${PGPORT}/${PGDATABASE}`;
};

/** Undefined when PostgreSQL answers, else why not (W8 is then skipped). */
export async function postgresProblem(url: string): Promise<string | undefined> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    return `PostgreSQL is not reachable at ${url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@')}: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function synchronousCommit(url: string): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ synchronous_commit: string }>('SHOW synchronous_commit')).rows[0]!.synchronous_commit;
  } finally {
    await client.end();
  }
}

export interface PostgresRun {
  core: number;
  raw: number;
}

/**
 * The raw baseline's table: the store's events table copied with its
 * defaults, constraints, indexes and identity, so a raw insert pays for what
 * an append pays for. Both names as SQL (quoted where needed).
 */
export const tableLikeEvents = (table: string, events: string): string =>
  `CREATE TABLE ${table} (LIKE ${events} INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES INCLUDING IDENTITY)`;

/**
 * W8, one repetition in a schema of its own: the seed's stories through the
 * production write path on the PostgreSQL store, one client, told in `turns`
 * parts; after each part the very rows it wrote are inserted one statement
 * (one transaction) each by raw `pg` into a table of the same shape, on the
 * same server settings, so both take turns under the same load.
 */
export async function postgresCommands(url: string, cases: number, seed: number, turns = 4): Promise<PostgresRun> {
  const schema = `bench_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new Client({ connectionString: url });
  await admin.connect();
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const store = await PostgresEventStore.open({ connectionString: url, schema });
    await admin.query(tableLikeEvents(`"${schema}".raw`, `"${schema}".events`));
    // Its secrets are never asked for here: no DATA_DIR is read.
    const casework = await Casework.open(new PostgresStorage(store, tmpdir()));
    const random = new Random(seed);
    await casework.registerVisitors(Math.max(3, Math.ceil(cases / 5)), random);
    let seen = await store.headPosition();
    const core = { commands: 0, seconds: 0 };
    const raw = { rows: 0, seconds: 0 };
    for (let turn = 0; turn < turns; turn++) {
      const told = await casework.tell(Math.ceil(cases / turns), 1, random);
      core.commands += told.commands;
      core.seconds += told.seconds;
      const { rows } = await admin.query<{ position: string; stream_id: string; revision: number; type: string; schema_version: number; data: string; metadata: string }>(
        `SELECT position, stream_id, revision, type, schema_version, data::text AS data, metadata::text AS metadata FROM "${schema}".events WHERE position > $1 ORDER BY position`,
        [seen],
      );
      if (rows.length > 0) seen = Number(rows[rows.length - 1]!.position);
      const started = process.hrtime.bigint();
      for (const row of rows) {
        await client.query({
          name: 'raw-insert',
          text: `INSERT INTO "${schema}".raw (stream_id, revision, type, schema_version, data, metadata) VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb)`,
          values: [row.stream_id, row.revision, row.type, row.schema_version, row.data, row.metadata],
        });
      }
      raw.seconds += Number(process.hrtime.bigint() - started) / 1e9;
      raw.rows += rows.length;
    }
    await casework.close();
    return { core: core.commands / core.seconds, raw: raw.rows / raw.seconds };
  } finally {
    await client.end();
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
    await admin.end();
  }
}
