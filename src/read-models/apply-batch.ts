import type { DocumentView, ProjectedEvent, Projection } from '../../projections/shared/projection';
import type { Checkpoint, ReadModelStore } from './read-model-store.port';

/**
 * Applies the events after `from` and commits documents and checkpoint together.
 * The keys the reducer will read are fetched for the whole batch first. If the
 * reducer throws, the batch is applied again up to the event before, and the
 * projection stops there with the failure recorded.
 */
export async function applyBatch(
  projection: Projection<unknown>,
  models: ReadModelStore,
  target: string,
  events: readonly ProjectedEvent[],
  from: number,
): Promise<{ position: number; failure?: { position: number; error: string } }> {
  const pending = events.filter((event) => event.position > from);
  if (pending.length === 0) return { position: from };
  const keys = new Set<string>();
  for (const event of pending) for (const key of projection.keysRead(event)) keys.add(key);
  const fetched = await models.getMany(target, [...keys]);
  const outcome = applyInMemory(projection, { keys, docs: fetched }, pending, from);
  const checkpoint: Checkpoint = { position: outcome.position, version: projection.version, ...(outcome.failure && { failure: outcome.failure }) };
  await models.commit(target, outcome.writes, checkpoint, from);
  return outcome.failure ? { position: outcome.position, failure: outcome.failure } : { position: outcome.position };
}

/** Runs the reducer over fetched documents; on a throw, runs it again over the events before the failing one. */
function applyInMemory(
  projection: Projection<unknown>,
  fetched: Fetched,
  events: readonly ProjectedEvent[],
  from: number,
): { position: number; writes: Map<string, unknown>; failure?: { position: number; error: string } } {
  const view = new BatchView(projection, fetched);
  let position = from;
  for (const event of events) {
    try {
      projection.apply(event, view);
    } catch (error) {
      // The view may hold part of the failed event's writes: start over without it.
      const clean = applyInMemory(projection, fetched, events.filter((e) => e.position < event.position), from);
      return { ...clean, failure: { position: event.position, error: error instanceof Error ? error.message : String(error) } };
    }
    position = event.position;
  }
  return { position, writes: view.writes };
}

/** The keys asked for, and the documents found for them. */
interface Fetched {
  keys: ReadonlySet<string>;
  docs: ReadonlyMap<string, unknown>;
}

/** The batch's documents: those fetched, with the batch's own writes over them. */
class BatchView implements DocumentView<unknown> {
  private readonly changed = new Map<string, unknown>();

  constructor(
    private readonly projection: Projection<unknown>,
    private readonly fetched: Fetched,
  ) {}

  get(key: string): unknown {
    if (this.changed.has(key)) return this.changed.get(key);
    // Reading an undeclared key would see stale data on a database: a reducer bug, reported as such.
    if (!this.fetched.keys.has(key)) throw new Error(`${this.projection.name} read "${key}", which its keysRead did not declare`);
    return this.fetched.docs.get(key);
  }

  put(key: string, doc: unknown): void {
    this.changed.set(key, doc);
  }

  delete(key: string): void {
    this.changed.set(key, undefined);
  }

  /** The documents this batch changed (undefined: deleted). */
  get writes(): Map<string, unknown> {
    return this.changed;
  }
}
