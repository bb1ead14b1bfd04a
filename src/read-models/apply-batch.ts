import { DocumentView, ProjectedEvent, Projection, wants } from '../../projections/shared/projection';
import type { DocumentCache } from './document-cache';
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
 * returned writes (with others, in a rebuild). A rebuild passes the documents it
 * has written but not yet staged (`staged`) and those it keeps (`cache`):
 * neither is fetched again; the others come from its staging (`getMany`). Events the projection does not want are skipped,
 * but its position still moves past them.
 */
export async function prepareBatch(
  projection: Projection<unknown>,
  models: ReadModelStore,
  target: string,
  events: readonly ProjectedEvent[],
  from: number,
  known?: { staged: ReadonlyMap<string, unknown>; cache: DocumentCache; getMany: (keys: readonly string[]) => Promise<Map<string, unknown>> },
): Promise<{ batch?: ProjectionBatch; applied: Applied }> {
  const last = events[events.length - 1];
  if (!last || last.position <= from) return { applied: { position: from } };
  const pending = events.filter((event) => event.position > from && wants(projection, event));
  const keys = new Set<string>();
  for (const event of pending) for (const key of projection.keysRead(event)) keys.add(key);
  const docs = new Map<string, unknown>();
  const missing: string[] = [];
  for (const key of keys) {
    if (known?.staged.has(key)) docs.set(key, known.staged.get(key));
    else if (known?.cache.has(key)) docs.set(key, known.cache.get(key));
    // A rebuild is its shadow's only writer: a key it never wrote is not there.
    else if (!known || known.cache.mayHold(key)) missing.push(key);
  }
  if (missing.length > 0) for (const [key, doc] of await (known ? known.getMany(missing) : models.getMany(target, missing))) docs.set(key, doc);
  const outcome = applyInMemory(projection, { keys, docs }, pending, from);
  // Past the events it does not want too, unless it stopped at a failure.
  const position = outcome.failure ? outcome.position : last.position;
  const checkpoint: Checkpoint = { position, version: projection.version, ...(outcome.failure && { failure: outcome.failure }) };
  const applied = outcome.failure ? { position, failure: outcome.failure } : { position };
  return { batch: { projection: target, writes: outcome.writes, checkpoint, from }, applied };
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
