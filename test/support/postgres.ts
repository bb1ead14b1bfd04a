import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

/** The test database: DATABASE_URL, else the usual PG* variables, else the local default of README.md ("Run it"). */
export function testDatabaseUrl(): string {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const { PGHOST = '127.0.0.1', PGPORT = '5432', PGUSER = 'postgres', PGPASSWORD, PGDATABASE = 'test' } = process.env;
  const auth = PGPASSWORD ? `${encodeURIComponent(PGUSER)}:${encodeURIComponent(PGPASSWORD)}` : encodeURIComponent(PGUSER);
  return `postgres://${auth}@${PGHOST}:${PGPORT}/${PGDATABASE}`;
}

let reachable: Promise<string | undefined> | undefined;

/** Undefined when PostgreSQL answers; otherwise why not. */
export function postgresProblem(): Promise<string | undefined> {
  reachable ??= (async () => {
    const client = new Client({ connectionString: testDatabaseUrl(), connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return undefined;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return reachable;
}

/** A schema of its own for one test's store; dropped by `dropSchema`. */
export const testSchema = (): string => `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;

export async function dropSchema(schema: string): Promise<void> {
  const client = new Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/**
 * Asks synchronously whether PostgreSQL answers (a child process tries to
 * connect), so a spec file can choose `describe` or `describe.skip` as it loads.
 */
export function postgresProblemSync(): string | undefined {
  const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
  const script = `const {Client}=require('pg');const c=new Client({connectionString:process.argv[1],connectionTimeoutMillis:3000});c.connect().then(()=>c.query('SELECT 1')).then(()=>process.exit(0),(e)=>{console.error(e.message);process.exit(1)})`;
  const probe = spawnSync(process.execPath, ['-e', script, testDatabaseUrl()], { encoding: 'utf8', timeout: 10_000, cwd: __dirname });
  return probe.status === 0 ? undefined : (probe.stderr.trim() || `exit ${String(probe.status ?? probe.signal)}`);
}

/** `describe` when PostgreSQL answers; in CI a missing one fails the file, elsewhere it is skipped with a message. */
export function describePostgres(name: string, body: () => void): void {
  const problem = postgresProblemSync();
  if (!problem) return describe(name, body);
  const why = `PostgreSQL at ${testDatabaseUrl()} did not answer (${problem})`;
  if (process.env.CI === 'true') throw new Error(`${why}: it is required in CI`);
  console.warn(`Skipping "${name}": ${why}. Start one, or set DATABASE_URL or the PG* variables.`);
  describe.skip(name, body);
}
