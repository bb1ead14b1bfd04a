import { isIP } from 'node:net';
import { resolve } from 'node:path';

/** The service's configuration, read once from the environment (README.md, "Configuration"; docs/operations.md). */
export interface AppConfig {
  port: number;
  /** HOST: the address to listen on (default 0.0.0.0; tests use 127.0.0.1). */
  host?: string;
  dataDir: string;
  eventStore: 'sqlite' | 'memory' | 'postgres' | 'kurrentdb';
  /** For EVENT_STORE=postgres: DATABASE_URL. With kurrentdb: where the read models live (else SQLite under DATA_DIR). */
  databaseUrl?: string;
  /** For EVENT_STORE=kurrentdb: KURRENTDB_URL, e.g. kurrentdb://127.0.0.1:2113?tls=false. */
  kurrentdbUrl?: string;
  /** For EVENT_STORE=postgres: the schema holding the tables (DATABASE_SCHEMA, default `brobygger`). */
  databaseSchema: string;
  /** SQLite's `synchronous` pragma: FULL (default) survives a machine crash, NORMAL only a process crash. */
  sqliteSynchronous: 'FULL' | 'NORMAL';
  logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
  /** JWT_SECRET; without it tokens are signed with a key created under DATA_DIR. */
  jwtSecret?: string;
  /** RETENTION_DAYS: `cli retention` erases citizens whose cases all closed longer ago. */
  retentionDays?: number;
  /**
   * TRUST_PROXY: which proxies' X-Forwarded-For to believe for the client's
   * address (Fastify's `trustProxy`): true, a hop count, or addresses/CIDRs.
   * Off by default: the address is the TCP peer's.
   */
  trustProxy?: boolean | number | string;
  /** REFERRAL_CARD_RATE_LIMIT: cards one client address may send to POST /referral-cards an hour (default 10; every request counts, refused ones too). */
  referralCardRateLimit?: number;
  /** REFERRAL_CARD_RETENTION_DAYS: a decided card's key is destroyed this long after (default 30). */
  referralCardRetentionDays?: number;
}

const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, got ${env.PORT}`);

  const store = env.EVENT_STORE ?? 'sqlite';
  if (store !== 'sqlite' && store !== 'memory' && store !== 'postgres' && store !== 'kurrentdb') throw new ConfigError(`EVENT_STORE must be sqlite, postgres or kurrentdb, got ${store}`);
  if (store === 'postgres' && !env.DATABASE_URL) throw new ConfigError('EVENT_STORE=postgres needs DATABASE_URL, e.g. postgres://user@host:5432/db');
  if (store === 'kurrentdb' && !env.KURRENTDB_URL) throw new ConfigError('EVENT_STORE=kurrentdb needs KURRENTDB_URL, e.g. kurrentdb://127.0.0.1:2113?tls=false');
  if (env.KURRENTDB_URL !== undefined && !/^(kurrentdb|kurrent|kdb|esdb)(\+discover)?:\/\//.test(env.KURRENTDB_URL)) {
    throw new ConfigError('KURRENTDB_URL must be a KurrentDB connection string: kurrentdb://host:2113?tls=false (or kurrentdb+discover://, esdb://)');
  }
  const databaseSchema = env.DATABASE_SCHEMA ?? 'brobygger';
  const retentionDays = env.RETENTION_DAYS === undefined ? undefined : Number(env.RETENTION_DAYS);
  if (retentionDays !== undefined && (!Number.isInteger(retentionDays) || retentionDays < 1)) throw new ConfigError(`RETENTION_DAYS must be a whole number of days, got ${env.RETENTION_DAYS}`);
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(databaseSchema)) throw new ConfigError(`DATABASE_SCHEMA must be a lower-case SQL identifier, got ${databaseSchema}`);

  const trustProxy = parseTrustProxy(env.TRUST_PROXY);
  const referralCardRateLimit = wholeNumber(env, 'REFERRAL_CARD_RATE_LIMIT');
  const referralCardRetentionDays = wholeNumber(env, 'REFERRAL_CARD_RETENTION_DAYS');

  const sync = (env.SQLITE_SYNCHRONOUS ?? 'FULL').toUpperCase();
  if (sync !== 'FULL' && sync !== 'NORMAL') throw new ConfigError(`SQLITE_SYNCHRONOUS must be FULL or NORMAL, got ${sync}`);

  // LOG_LEVEL also accepts the common pino/winston names.
  const aliases: Record<string, AppConfig['logLevel']> = { info: 'log', trace: 'verbose', fatal: 'error', warning: 'warn' };
  const rawLevel = (env.LOG_LEVEL ?? 'log').toLowerCase();
  const logLevel = aliases[rawLevel] ?? rawLevel;
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);

  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.DATA_DIR ?? './data'),
    eventStore: store,
    ...(env.DATABASE_URL !== undefined && { databaseUrl: env.DATABASE_URL }),
    ...(env.KURRENTDB_URL !== undefined && { kurrentdbUrl: env.KURRENTDB_URL }),
    databaseSchema,
    ...(env.JWT_SECRET !== undefined && { jwtSecret: env.JWT_SECRET }),
    ...(retentionDays !== undefined && { retentionDays }),
    ...(trustProxy !== false && { trustProxy }),
    ...(referralCardRateLimit !== undefined && { referralCardRateLimit }),
    ...(referralCardRetentionDays !== undefined && { referralCardRetentionDays }),
    sqliteSynchronous: sync,
    logLevel: logLevel as AppConfig['logLevel'],
  };
}

/** A whole number of at least 1, or undefined when the variable is not set. */
function wholeNumber(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new ConfigError(`${name} must be a whole number of at least 1, got ${raw}`);
  return value;
}

/** `true`, `false`, a hop count (`1`), or a comma-separated list of addresses and CIDRs (`127.0.0.1,10.0.0.0/8`). */
function parseTrustProxy(value: string | undefined): boolean | number | string {
  const text = (value ?? '').trim();
  if (text === '' || text === 'false') return false;
  if (text === 'true') return true;
  if (/^\d+$/.test(text)) return Number(text);
  const entries = text.split(',').map((entry) => entry.trim());
  const valid = entries.every((entry) => {
    const [address, bits, ...rest] = entry.split('/');
    const family = isIP(address ?? '');
    return family !== 0 && rest.length === 0 && (bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128)));
  });
  if (!valid) throw new ConfigError(`TRUST_PROXY must be true, false, a number of proxy hops, or addresses/CIDRs separated by commas, got ${value}`);
  return entries.join(',');
}

export const APP_CONFIG = Symbol('APP_CONFIG');
