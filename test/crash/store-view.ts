import Database from 'better-sqlite3';
import { Client } from 'pg';

/** What the crash test reads back from the store itself, bypassing the service. */
export interface StoreContents {
  events: Array<{ streamId: string; revision: number; type: string; position: number }>;
  /** Idempotency records of one subject, by key. */
  keys: Map<string, { route: string; answer: unknown }>;
  /** Every read-model document (shadow copies of a rebuild left out), as `projection/key` → document. */
  docs: Map<string, unknown>;
  checkpoints: Map<string, number>;
}

export interface StoreLocation {
  kind: 'sqlite' | 'postgres';
  /** The SQLite file, or the PostgreSQL URL. */
  where: string;
  schema?: string;
}

/**
 * The namespace each read model's rows live under (src/read-models/namespaces.ts):
 * the one recorded in `read_model_namespaces`, else the projection's own name.
 * Shadow copies of a rebuild (`~`) and namespaces dropped or not pointed at are left out.
 */
const VISIBLE = (s: string) => `WITH names AS (
    SELECT projection FROM ${s}read_model_namespaces
    UNION SELECT projection FROM ${s}projection_checkpoints WHERE projection NOT LIKE '%@%'),
  visible AS (
    SELECT names.projection, coalesce(n.namespace, names.projection) AS namespace
    FROM names LEFT JOIN ${s}read_model_namespaces n ON n.projection = names.projection
    WHERE names.projection NOT LIKE '%~%')`;
const DOCS = (s: string) => `${VISIBLE(s)} SELECT v.projection, d.key, d.doc FROM ${s}read_model_docs d JOIN visible v ON d.projection = v.namespace`;
const CHECKPOINTS = (s: string, position: string) =>
  `${VISIBLE(s)} SELECT v.projection, ${position} AS position FROM ${s}projection_checkpoints c JOIN visible v ON c.projection = v.namespace`;

export async function readStore(location: StoreLocation, subject: string): Promise<StoreContents> {
  return location.kind === 'sqlite' ? readSqlite(location.where, subject) : readPostgres(location.where, location.schema!, subject);
}

function readSqlite(file: string, subject: string): StoreContents {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return contents(
      db.prepare('SELECT stream_id AS streamId, revision, type, position FROM events ORDER BY position').all() as StoreContents['events'],
      (db.prepare('SELECT key, route, answer FROM idempotency WHERE subject = ?').all(subject) as Array<{ key: string; route: string; answer: string }>).map((r) => ({ ...r, answer: JSON.parse(r.answer) })),
      (db.prepare(DOCS('')).all() as Array<{ projection: string; key: string; doc: string }>).map((r) => ({ ...r, doc: JSON.parse(r.doc) })),
      db.prepare(CHECKPOINTS('', 'c.position')).all() as Array<{ projection: string; position: number }>,
    );
  } finally {
    db.close();
  }
}

async function readPostgres(url: string, schema: string, subject: string): Promise<StoreContents> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const s = `"${schema}"`;
    const events = await client.query(`SELECT stream_id AS "streamId", revision, type, position::int AS position FROM ${s}.events ORDER BY position`);
    const keys = await client.query(`SELECT key, route, answer FROM ${s}.idempotency WHERE subject = $1`, [subject]);
    const docs = await client.query(DOCS(`${s}.`));
    const checkpoints = await client.query(CHECKPOINTS(`${s}.`, 'c.position::int'));
    return contents(events.rows, keys.rows, docs.rows, checkpoints.rows);
  } finally {
    await client.end();
  }
}

function contents(
  events: StoreContents['events'],
  keys: Array<{ key: string; route: string; answer: unknown }>,
  docs: Array<{ projection: string; key: string; doc: unknown }>,
  checkpoints: Array<{ projection: string; position: number }>,
): StoreContents {
  return {
    events,
    keys: new Map(keys.map((k) => [k.key, { route: k.route, answer: k.answer }])),
    docs: new Map(docs.map((d) => [`${d.projection}/${d.key}`, d.doc])),
    checkpoints: new Map(checkpoints.map((c) => [c.projection, c.position])),
  };
}

export async function dropPostgresSchema(url: string, schema: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
