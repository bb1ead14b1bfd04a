import { randomBytes } from 'node:crypto';

/**
 * Where a projection's rows live. Documents and checkpoints are stored under a
 * namespace; a projection's namespace is its own name until it is first
 * cleared or swapped, then one recorded in `read_model_namespaces`. Clearing a
 * projection or swapping a rebuilt one in is then one small transaction however
 * many rows it holds (the first versions moved every row, which took longer
 * than the rebuild itself), and the rows left behind are deleted afterwards in
 * chunks (`purgeDropped`), out of sight since nothing points at them.
 *
 * The read models own these two tables and create them if missing, on SQLite
 * and on PostgreSQL alike.
 */
export const NAMESPACE_TABLES_SQLITE = `
  CREATE TABLE IF NOT EXISTS read_model_namespaces (projection TEXT PRIMARY KEY, namespace TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS read_model_dropped (namespace TEXT PRIMARY KEY) WITHOUT ROWID;
`;

export const namespaceTablesPostgres = (schema: string): string => `
  CREATE TABLE IF NOT EXISTS ${schema}.read_model_namespaces (projection TEXT PRIMARY KEY, namespace TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS ${schema}.read_model_dropped (namespace TEXT PRIMARY KEY);
`;

/** A namespace no one has used: the projection's name and a random tag. */
export const freshNamespace = (projection: string): string => `${projection}@${randomBytes(6).toString('hex')}`;
