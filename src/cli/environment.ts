import type { AppConfig } from '../config/config';
import { createEventStore } from '../event-store/create-event-store';
import type { EventStore } from '../event-store/event-store.port';
import { Projector } from '../read-models/projector';
import { PROJECTIONS, projectionLeasesFor } from '../read-models/projections';
import { readModelStoreFor } from '../read-model-store/create-read-model-store';

/** What a CLI command works on: the same store and read models as the server, from the same environment. */
export interface CliEnvironment {
  store: EventStore;
  projector: Projector;
  close(): Promise<void>;
}

export async function openEnvironment(config: AppConfig): Promise<CliEnvironment> {
  if (config.eventStore === 'memory') throw new Error('EVENT_STORE=memory keeps nothing between processes; the CLI needs sqlite, postgres or kurrentdb');
  const store = await createEventStore(config);
  const projector = new Projector(store, readModelStoreFor(store), PROJECTIONS, undefined, projectionLeasesFor(store));
  return {
    store,
    projector,
    close: async () => {
      await projector.stop();
      await store.close();
    },
  };
}
