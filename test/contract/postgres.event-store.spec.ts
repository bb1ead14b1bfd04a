import type { EventStore } from '../../src/event-store/event-store.port';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres.event-store';
import { describePostgres, dropSchema, testDatabaseUrl, testSchema } from '../support/postgres';
import { eventStoreContract } from './event-store.contract';

/** The same contract on PostgreSQL (DATABASE_URL or PG*; default 127.0.0.1:5432, database `test`), a schema per store. */
describePostgres('PostgreSQL store', () => {
  eventStoreContract('postgres', async () => {
    const schema = testSchema();
    const connectionString = testDatabaseUrl();
    let store: EventStore = await PostgresEventStore.open({ connectionString, schema, poolSize: 12 });
    return {
      store,
      reopen: async () => {
        await store.close();
        store = await PostgresEventStore.open({ connectionString, schema });
        return store;
      },
      cleanup: async () => {
        await store.close();
        await dropSchema(schema);
      },
    };
  });
});
