import type { Projection } from '../../projections/shared/projection';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres.event-store';
import { PostgresReadModelStore } from '../../src/read-model-store/postgres-read-model.store';
import { PostgresProjectionLeases } from '../../src/read-models/projection-leases';
import { Projector } from '../../src/read-models/projector';
import { newEvent } from '../contract/event-store.contract';
import { describePostgres, dropSchema, testDatabaseUrl, testSchema } from '../support/postgres';

/** One document per stream with every position it saw: an event applied twice, or skipped, shows. */
const perStream: Projection<{ positions: number[] }> = {
  name: 'per-stream',
  version: 1,
  keysRead: (event) => [event.streamId],
  apply(event, view) {
    view.put(event.streamId, { positions: [...(view.get(event.streamId)?.positions ?? []), event.position] });
  },
};

describePostgres('a rebuild on PostgreSQL', () => {
  const schema = testSchema();
  afterAll(() => dropSchema(schema));

  it('builds aside over several commits, swaps in what the live projection holds, and reclaims the rows it replaced', async () => {
    const store = await PostgresEventStore.open({ connectionString: testDatabaseUrl(), schema });
    const models = new PostgresReadModelStore(store.connection(), schema);
    const projector = new Projector(store, models, [perStream as Projection<unknown>], undefined, new PostgresProjectionLeases(testDatabaseUrl(), schema));
    try {
      for (const stream of ['case-a', 'case-b', 'case-c']) for (let i = 0; i < 4; i++) await store.append(stream, [newEvent()], 'any');
      await projector.start();
      const live = await models.list('per-stream');
      const checkpoint = await models.checkpoint('per-stream');
      projector.rebuildCommitEvery = 5;
      await projector.rebuild();
      expect(await models.list('per-stream')).toEqual(live);
      expect(await models.checkpoint('per-stream')).toEqual(checkpoint);
      expect(await models.list('per-stream~rebuild')).toEqual([]);
      await projector.reclaim();
      const { rows } = await store.connection().query<{ n: string }>(`SELECT count(*) AS n FROM "${schema}".read_model_docs`);
      expect(Number(rows[0]!.n)).toBe(live.length);
    } finally {
      await projector.stop();
      await store.close();
    }
  });
});
