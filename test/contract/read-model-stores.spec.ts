import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres.event-store';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite.event-store';
import { MemoryReadModelStore } from '../../src/read-model-store/memory-read-model.store';
import { PostgresReadModelStore } from '../../src/read-model-store/postgres-read-model.store';
import { SqliteReadModelStore } from '../../src/read-model-store/sqlite-read-model.store';
import { describePostgres, dropSchema, testDatabaseUrl, testSchema } from '../support/postgres';
import { readModelStoreContract } from './read-model-store.contract';

readModelStoreContract('memory', async () => ({ models: new MemoryReadModelStore(), cleanup: async () => undefined }));

readModelStoreContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'brobygger-models-'));
  const store = SqliteEventStore.open({ file: join(dir, 'brobygger.db') });
  return {
    models: new SqliteReadModelStore(store.connection()),
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describePostgres('PostgreSQL read models', () => {
  readModelStoreContract('postgres', async () => {
    const schema = testSchema();
    const store = await PostgresEventStore.open({ connectionString: testDatabaseUrl(), schema });
    return {
      models: new PostgresReadModelStore(store.connection(), schema),
      cleanup: async () => {
        await store.close();
        await dropSchema(schema);
      },
    };
  });
});
