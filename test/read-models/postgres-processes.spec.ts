import type { Projection } from '../../projections/shared/projection';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres.event-store';
import { PostgresReadModelStore } from '../../src/read-model-store/postgres-read-model.store';
import { PostgresProjectionLeases } from '../../src/read-models/projection-leases';
import { Projector } from '../../src/read-models/projector';
import { newEvent } from '../contract/event-store.contract';
import { describePostgres, dropSchema, testDatabaseUrl, testSchema } from '../support/postgres';

/** Counts every event it applies: an event applied twice, by either process, shows. */
const counting: Projection<{ positions: number[] }> = {
  name: 'counting',
  version: 1,
  keysRead: () => ['all'],
  apply(event, view) {
    view.put('all', { positions: [...(view.get('all')?.positions ?? []), event.position] });
  },
};

/** Two application processes on one database: each projection applied by one, both answering. */
describePostgres('projections with several processes on PostgreSQL', () => {
  const schema = testSchema();
  const url = testDatabaseUrl();
  afterAll(() => dropSchema(schema));

  const process = async () => {
    const store = await PostgresEventStore.open({ connectionString: url, schema });
    const models = new PostgresReadModelStore(store.connection(), schema);
    const projector = new Projector(store, models, [counting as Projection<unknown>], undefined, new PostgresProjectionLeases(url, schema));
    await projector.start();
    return { store, models, projector };
  };

  it('keeps up across the gaps that rolled-back appends leave in the positions', async () => {
    const gapSchema = testSchema();
    const store = await PostgresEventStore.open({ connectionString: url, schema: gapSchema });
    const models = new PostgresReadModelStore(store.connection(), gapSchema);
    const projector = new Projector(store, models, [counting as Projection<unknown>], undefined, new PostgresProjectionLeases(url, gapSchema));
    await projector.start();
    const key = { key: 'k', subject: 's', route: 'r', bodyHash: 'h', answer: () => ({}) };
    await store.append('case-a', [newEvent()], 'no_stream', { idempotency: key });
    // The same key again: the events are inserted, then rolled back, and their positions are gone for good.
    await expect(store.append('case-b', [newEvent(), newEvent()], 'no_stream', { idempotency: key })).rejects.toThrow();
    const { position } = await store.append('case-c', [newEvent()], 'no_stream');
    expect(position).toBeGreaterThan(2);
    expect(await projector.waitFor('counting', position, 10_000)).toBe(true);
    expect(await models.get('counting', 'all')).toEqual({ positions: [1, position] });
    await projector.stop();
    await store.close();
    await dropSchema(gapSchema);
  });

  it('applies each event once, lets both processes read up to date, and hands over when the applying process goes', async () => {
    const a = await process();
    const b = await process();
    for (let i = 0; i < 5; i++) await (i % 2 ? a : b).store.append(`case-${i}`, [newEvent(), newEvent()], 'no_stream');
    const head = await a.store.headPosition();
    expect(await a.projector.waitFor('counting', head, 10_000)).toBe(true);
    expect(await b.projector.waitFor('counting', head, 10_000)).toBe(true);

    // The process that held the lease stops (as if it died); the other takes the projection over.
    await a.projector.stop();
    await a.store.close();
    await b.store.append('case-after', [newEvent(), newEvent(), newEvent()], 'no_stream');
    const after = await b.store.headPosition();
    expect(await b.projector.waitFor('counting', after, 10_000)).toBe(true);

    const { positions } = (await b.models.get('counting', 'all')) as { positions: number[] };
    expect(positions).toEqual(Array.from({ length: after }, (_, i) => i + 1));
    await b.projector.stop();
    await b.store.close();
  });
});
