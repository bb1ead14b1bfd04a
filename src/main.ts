import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { loadConfig } from './config/config';

/** `npm start`: the service on the configured store (the embedded SQLite file by default). */
async function main(): Promise<void> {
  // Whatever the service creates (DATA_DIR, the database, SQLite's -wal/-shm, secrets) is its user's alone.
  process.umask(0o077);
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen(config.port, config.host ?? '0.0.0.0');
  // With PORT=0 the system picks the port: say which.
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  // Where the data is, never how to reach it: DATABASE_URL may hold a password.
  const where = config.eventStore === 'postgres' ? { schema: config.databaseSchema } : { dataDir: config.dataDir };
  new Logger('Main').log({ msg: 'brobygger listening', port, store: config.eventStore, ...where });
}

main().catch((error: unknown) => {
  // A start-up failure (bad configuration, unreadable database file) must say what and where, then exit non-zero.
  console.error(JSON.stringify({ level: 'fatal', msg: 'brobygger failed to start', error: error instanceof Error ? error.message : String(error) }));
  process.exit(1);
});
