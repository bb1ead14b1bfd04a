import { DocumentView, ProjectedEvent, Projection, wants } from '../../projections/shared/projection';
import type { Checkpoint, ProjectionBatch, ReadModelStore } from '../read-model-store/read-model-store.port';

export interface Applied {
  position: number;
  failure?: { position: number; error: string };
}

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
): Promise<Applied> {
  const { batch, applied } = await prepareBatch(projection, models, target, events, from);
  if (batch) await models.commit(batch.projection, batch.writes, batch.checkpoint, batch.from);
  return applied;
}

/**
 * Runs the reducer over one batch without committing: the caller commits the
 * returned writes. Events the projection does not want are skipped, but its
 * position still moves past them.
 */
export async function prepareBatch(
  projection: Projection<unknown>,
  models: ReadModelStore,
  target: string,
  events: readonly ProjectedEvent[],
  from: number,
): Promise<{ batch?: ProjectionBatch; applied: Applied }> {
  const last = events[events.length - 1];
  if (!last || last.position <= from) return { applied: { position: from } };
  const pending = events.filter((event) => event.position > from && wants(projection, event));
  const keys = new Set<string>();
  for (const event of pending) for (const key of projection.keysRead(event)) keys.add(key);
  const fetch = async (): Promise<Fetched> => {
    const docs = keys.size > 0 ? await models.getMany(target, [...keys]) : new Map<string, unknown>();
    return projection.keysReadThrough ? fetchThrough(projection, models, target, pending, keys, docs) : { keys, docs };
  };
  let outcome = applyInMemory(projection, await fetch(), pending, from);
  if (outcome.failure) {
    // A reducer may change the documents it is given in place: the events before the failing one again, on documents read afresh.
    const before = pending.filter((event) => event.position < outcome.failure!.position);
    outcome = { ...applyInMemory(projection, await fetch(), before, from), failure: outcome.failure };
  }
  // Past the events it does not want too, unless it stopped at a failure.
  const position = outcome.failure ? outcome.position : last.position;
  const checkpoint: Checkpoint = { position, version: projection.version, ...(outcome.failure && { failure: outcome.failure }) };
  const applied = outcome.failure ? { position, failure: outcome.failure } : { position };
  return { batch: { projection: target, writes: outcome.writes, checkpoint, from }, applied };
}

/**
 * Runs the reducer over fetched documents, up to the first event it throws on
 * (the view may then hold part of that event's writes, and the documents it
 * changed in place: the caller starts over without it).
 */
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
      return { position, writes: view.writes, failure: { position: event.position, error: error instanceof Error ? error.message : String(error) } };
    }
    position = event.position;
  }
  return { position, writes: view.writes };
}

/** The second round: the keys the fetched documents lead to for the events that read them (`keysReadThrough`), fetched too. */
async function fetchThrough(
  projection: Projection<unknown>,
  models: ReadModelStore,
  target: string,
  events: readonly ProjectedEvent[],
  first: ReadonlySet<string>,
  docs: Map<string, unknown>,
): Promise<Fetched> {
  const keys = new Set(first);
  const more: string[] = [];
  for (const event of events) {
    for (const named of projection.keysRead(event)) {
      const doc = docs.get(named);
      if (doc === undefined) continue;
      for (const key of projection.keysReadThrough!(doc, event)) {
        if (keys.has(key)) continue;
        keys.add(key);
        more.push(key);
      }
    }
  }
  if (more.length > 0) for (const [key, doc] of await models.getMany(target, more)) docs.set(key, doc);
  return { keys, docs };
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
