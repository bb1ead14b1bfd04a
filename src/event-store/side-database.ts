import type { EventStore } from './event-store.port';

/**
 * A store that keeps its events elsewhere (KurrentDB) hands out the relational
 * store beside it, where read models, citizens' keys and the access log live.
 */
interface HasSideDatabase {
  readonly side: EventStore;
}

/** The store whose database holds the read models, keys and access log: the store itself, or the one beside it. */
export const relationalHomeOf = (store: EventStore): EventStore => {
  const side = (store as Partial<HasSideDatabase>).side;
  return side && typeof side === 'object' ? side : store;
};
