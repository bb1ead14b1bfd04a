import { resolve } from 'node:path';

/** The service's configuration, read once from the environment (DESIGN.md, Configuration). */
export interface AppConfig {
  port: number;
  dataDir: string;
  eventStore: 'sqlite' | 'memory';
  /** SQLite's `synchronous` pragma: FULL (default) survives a machine crash, NORMAL only a process crash. */
  sqliteSynchronous: 'FULL' | 'NORMAL';
  logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
}

const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, got ${env.PORT}`);

  const store = env.EVENT_STORE ?? 'sqlite';
  if (store === 'postgres' || store === 'kurrentdb') {
    throw new ConfigError(`EVENT_STORE=${store} is not available yet; use sqlite (the default)`);
  }
  if (store !== 'sqlite' && store !== 'memory') throw new ConfigError(`EVENT_STORE must be sqlite, postgres or kurrentdb, got ${store}`);

  const sync = (env.SQLITE_SYNCHRONOUS ?? 'FULL').toUpperCase();
  if (sync !== 'FULL' && sync !== 'NORMAL') throw new ConfigError(`SQLITE_SYNCHRONOUS must be FULL or NORMAL, got ${sync}`);

  // LOG_LEVEL also accepts the common pino/winston names.
  const aliases: Record<string, AppConfig['logLevel']> = { info: 'log', trace: 'verbose', fatal: 'error', warning: 'warn' };
  const rawLevel = (env.LOG_LEVEL ?? 'log').toLowerCase();
  const logLevel = aliases[rawLevel] ?? rawLevel;
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);

  return {
    port,
    dataDir: resolve(env.DATA_DIR ?? './data'),
    eventStore: store,
    sqliteSynchronous: sync,
    logLevel: logLevel as AppConfig['logLevel'],
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
