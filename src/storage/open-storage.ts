import { dirname, join } from 'node:path';
import type { AppConfig } from '../config/config';
import { pg } from '../event-store/postgres/pg-driver';
import { MemoryStorage } from './memory.storage';
import { PostgresSecrets } from './postgres.secrets';
import { PostgresStorage } from './postgres.storage';
import { SqliteStorage } from './sqlite.storage';
import { FileSecrets, SecretStore } from './secrets';
import type { RelationalStorage, Storage } from './storage.port';

/** The embedded store's file under DATA_DIR. */
export const sqliteFile = (dataDir: string): string => join(dataDir, 'brobygger.db');

/** With EVENT_STORE=kurrentdb and no DATABASE_URL: the SQLite file beside KurrentDB (read models, keys, access log, idempotency). */
export const kurrentSideFile = (dataDir: string): string => join(dataDir, 'beside-kurrentdb.db');

export type StorageConfig = Pick<AppConfig, 'eventStore' | 'dataDir' | 'sqliteSynchronous' | 'databaseUrl' | 'databaseSchema' | 'kurrentdbUrl'>;

/**
 * The composition root of storage: the one module EVENT_STORE names, opened
 * (and its schema migrated). The only place that knows which engines exist.
 */
export async function openStorage(config: StorageConfig): Promise<Storage> {
  switch (config.eventStore) {
    case 'memory':
      return new MemoryStorage(config.dataDir);
    case 'postgres':
      if (!config.databaseUrl) throw new Error('EVENT_STORE=postgres needs DATABASE_URL');
      return PostgresStorage.open({ connectionString: config.databaseUrl, schema: config.databaseSchema }, config.dataDir);
    case 'sqlite':
      return SqliteStorage.open({ file: sqliteFile(config.dataDir), synchronous: config.sqliteSynchronous }, config.dataDir);
    case 'kurrentdb': {
      if (!config.kurrentdbUrl) throw new Error('EVENT_STORE=kurrentdb needs KURRENTDB_URL');
      // Loaded only when configured: the KurrentDB client and its gRPC stack take ~200 ms to load.
      const { KurrentDbStorage } = await import('./kurrentdb.storage');
      return KurrentDbStorage.open(config.kurrentdbUrl, await openSideStorage(config));
    }
  }
}

/** Beside KurrentDB: PostgreSQL when DATABASE_URL is set (several application processes), else one SQLite file under DATA_DIR. */
export async function openSideStorage(config: Pick<AppConfig, 'dataDir' | 'sqliteSynchronous' | 'databaseUrl' | 'databaseSchema'>): Promise<RelationalStorage> {
  if (config.databaseUrl) return PostgresStorage.open({ connectionString: config.databaseUrl, schema: config.databaseSchema }, config.dataDir);
  return SqliteStorage.open({ file: kurrentSideFile(config.dataDir), synchronous: config.sqliteSynchronous }, config.dataDir);
}

/**
 * Only where the secrets live, for `cli token`, which signs without opening
 * the store: the database on PostgreSQL (and beside KurrentDB when
 * DATABASE_URL is set), else the files under DATA_DIR.
 */
export function openSecretStore(config: StorageConfig): { secrets: SecretStore; inFiles: boolean; close(): Promise<void> } {
  const inDatabase = config.eventStore === 'postgres' || (config.eventStore === 'kurrentdb' && config.databaseUrl);
  if (!inDatabase || !config.databaseUrl) return { secrets: new FileSecrets(config.dataDir), inFiles: true, close: async () => undefined };
  const pool = new (pg().Pool)({ connectionString: config.databaseUrl, max: 1 });
  return { secrets: new PostgresSecrets(pool, config.databaseSchema, config.dataDir), inFiles: false, close: () => pool.end() };
}

/** The store `cli migrate --to` names: a URL rather than the environment. `dataDir`: where a new target's secrets would be adopted from. */
export async function openStorageAt(url: string, schema: string, dataDir: string, beside?: string): Promise<Storage> {
  if (/^(kurrentdb|kurrent|kdb|esdb)(\+discover)?:\/\//.test(url)) {
    if (!beside) throw new TargetError('a kurrentdb target needs --beside postgres://... or sqlite:/path: where its read models, keys and idempotency records go');
    const side = await openRelationalAt(beside, schema, dataDir);
    if (!side) throw new TargetError('--beside must be postgres://... or sqlite:/path');
    const { KurrentDbStorage } = await import('./kurrentdb.storage');
    return KurrentDbStorage.open(url, side);
  }
  const relational = await openRelationalAt(url, schema, dataDir);
  if (!relational) throw new TargetError('--to must be postgres://..., sqlite:/path/to/file.db or kurrentdb://...');
  return relational;
}

async function openRelationalAt(url: string, schema: string, dataDir: string): Promise<RelationalStorage | undefined> {
  if (/^postgres(ql)?:\/\//.test(url)) return PostgresStorage.open({ connectionString: url, schema }, dataDir);
  // A SQLite target's secrets are files beside its database, as under DATA_DIR.
  if (url.startsWith('sqlite:')) return SqliteStorage.open({ file: url.slice('sqlite:'.length) }, dirname(url.slice('sqlite:'.length)));
  return undefined;
}

/** A `--to` or `--beside` that names no store. */
export class TargetError extends Error {
  override name = 'TargetError';
}
