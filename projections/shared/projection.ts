import type { Role } from '../../domain/shared/codes';

/**
 * A projection is a pure reducer from events to documents, one read model per
 * query. It reads and writes only through the `DocumentView` it is given, so
 * the same reducer runs on SQLite, PostgreSQL or in a test's Map, and the
 * projector decides transactions and checkpoints.
 */

/** An event as projections see it: what the store recorded. */
export interface ProjectedEvent {
  streamId: string;
  type: string;
  data: unknown;
  metadata: { occurredAt: string; actor: { id: string; role: Role | 'system' } };
  revision: number;
  position: number;
  recordedAt: string;
}

/**
 * The documents of one projection, by key. A document `get` returns is the
 * reducer's to change in place before it `put`s it back (every view hands
 * out its own copy, or one nothing else reads until it is put): a document
 * that grows with every event need not be copied at every event.
 */
export interface DocumentView<D> {
  get(key: string): D | undefined;
  put(key: string, doc: D): void;
  delete(key: string): void;
}

export interface Projection<D> {
  /** Stable name: the read model's id in checkpoints and tables. */
  readonly name: string;
  /** Bump when the reducer's output changes: the projector then rebuilds it from position 0. */
  readonly version: number;
  /**
   * The keys `apply` may read for this event, known from the event alone. The
   * projector fetches them for a whole batch in one query before applying it,
   * so reducers stay synchronous on any database; reading another key is a bug.
   */
  keysRead(event: ProjectedEvent): readonly string[];
  /**
   * The further keys a document read for this event leads to (an aggregate it
   * contributes to, which the event alone cannot name): fetched in a second
   * round, from the documents as they were before the batch. What the batch's
   * own events lead to, their `keysRead` must name.
   */
  keysReadThrough?(doc: D, event: ProjectedEvent): readonly string[];
  apply(event: ProjectedEvent, view: DocumentView<D>): void;
  /**
   * The event types `apply` does anything with, when it is only some: the
   * projector hands it no others (no keys fetched, nothing applied). Leaving
   * one out that `apply` handles is a bug the projection specs catch.
   */
  readonly eventTypes?: ReadonlySet<string>;
}

/** Whether a projection wants this event at all. */
export const wants = (projection: Projection<unknown>, event: ProjectedEvent): boolean => projection.eventTypes === undefined || projection.eventTypes.has(event.type);

/** A view on a plain Map: for specs, and for the memory read-model store. */
export class MapView<D> implements DocumentView<D> {
  constructor(readonly docs = new Map<string, D>()) {}
  get(key: string): D | undefined {
    return this.docs.get(key);
  }
  put(key: string, doc: D): void {
    this.docs.set(key, doc);
  }
  delete(key: string): void {
    this.docs.delete(key);
  }
}
