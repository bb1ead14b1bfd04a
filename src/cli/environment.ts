import type { AppConfig } from '../config/config';
import type { EventStore } from '../event-store/event-store.port';
import { Projector } from '../read-models/projector';
import { PROJECTIONS } from '../read-models/projections';
import { openStorage } from '../storage/open-storage';
import type { Storage } from '../storage/storage.port';

/** What a CLI command works on: the same store and read models as the server, from the same environment. */
export interface CliEnvironment {
  storage: Storage;
  /** The storage's event store. */
  store: EventStore;
  projector: Projector;
  close(): Promise<void>;
}

export async function openEnvironment(config: AppConfig): Promise<CliEnvironment> {
  if (config.eventStore === 'memory') throw new Error('EVENT_STORE=memory keeps nothing between processes; the CLI needs sqlite, postgres or kurrentdb');
  const storage = await openStorage(config);
  const store = storage.events;
  const projector = new Projector(store, storage.readModels, PROJECTIONS, undefined, storage.projectionLeases);
  return {
    storage,
    store,
    projector,
    close: async () => {
      await projector.stop();
      await storage.close();
    },
  };
}
