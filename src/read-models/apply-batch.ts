import { DocumentView, ProjectedEvent, Projection, wants } from '../../projections/shared/projection';
import type { Checkpoint, ProjectionBatch, ReadModelStore } from '../read-model-store/read-model-store.port';
import type { LiveDocuments } from './live-documents';

/** The live projector's kept documents, and the version of the checkpoint the batch starts from. */
export interface Kept {
  documents: LiveDocuments;
  version: number;
}

export interface Applied {
  position: number;
  failure?: { position: number; error: string };
}

/**
 * Applies the events after `from` and commits documents and checkpoint together.
 * The keys the reducer will read are fetched for the whole batch first. If the
 * reducer throws (in `apply`, `keysRead` or `keysReadThrough`), the batch is
 * applied up to the event before, and the projection stops there with the
 * failure recorded.
 */
export async function applyBatch(
  projection: Projection<unknown>,
  models: ReadModelStore,
  target: string,
  events: readonly ProjectedEvent[],
  from: number,
  kept?: Kept,
): Promise<Applied> {
  const { batch, applied } = await prepareBatch(projection, models, target, events, from, kept);
  if (batch) {
    await models.commit(batch.projection, batch.writes, batch.checkpoint, batch.from);
    kept?.documents.keep(batch.projection, batch.checkpoint.position, batch.checkpoint.version, batch.writes);
  }
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
  kept?: Kept,
): Promise<{ batch?: ProjectionBatch; applied: Applied }> {
  const last = events[events.length - 1];
  if (!last || last.position <= from) return { applied: { position: from } };
  let pending = events.filter((event) => event.position > from && wants(projection, event));
  // A projection that cannot even name an event's keys stops there, as one whose `apply` throws does.
  const named = keysOf(projection, pending);
  let unreadable = named.failure;
  // Kept documents first (./live-documents.ts), the rest in one read.
  const read = async (keys: readonly string[]): Promise<Map<string, unknown>> => {
    if (keys.length === 0) return new Map();
    if (!kept) return models.getMany(target, keys);
    const { found, missing } = kept.documents.take(target, from, kept.version, keys);
    if (missing.length > 0) for (const [key, doc] of await models.getMany(target, missing)) found.set(key, doc);
    return found;
  };
  const fetch = async (upTo: readonly ProjectedEvent[]): Promise<Fetched> => {
    const docs = await read([...named.keys]);
    return projection.keysReadThrough ? fetchThrough(projection, read, upTo, named.keys, docs) : { keys: named.keys, docs };
  };
  if (unreadable) pending = before(pending, unreadable.position);
  const fetched = await fetch(pending);
  if (fetched.failure) {
    unreadable = fetched.failure;
    pending = before(pending, unreadable.position);
  }
  let outcome = applyInMemory(projection, fetched, pending, from);
  if (outcome.failure) {
    // A reducer may change the documents it is given in place: the events before the failing one again, on documents read afresh.
    const good = before(pending, outcome.failure.position);
    outcome = { ...applyInMemory(projection, await fetch(good), good, from), failure: outcome.failure };
  } else if (unreadable) outcome = { ...outcome, failure: unreadable };
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
): { position: number; writes: Map<string, unknown>; failure?: Failure } {
  const view = new BatchView(projection, fetched);
  let position = from;
  for (const event of events) {
    try {
      projection.apply(event, view);
    } catch (error) {
      return { position, writes: view.writes, failure: failureAt(event, error) };
    }
    position = event.position;
  }
  return { position, writes: view.writes };
}

/** The keys `keysRead` names for the events, up to the first it throws on (that event's failure). */
function keysOf(projection: Projection<unknown>, events: readonly ProjectedEvent[]): { keys: Set<string>; failure?: Failure } {
  const keys = new Set<string>();
  for (const event of events) {
    try {
      for (const key of projection.keysRead(event)) keys.add(key);
    } catch (error) {
      return { keys, failure: failureAt(event, error) };
    }
  }
  return { keys };
}

/**
 * The second round: the keys the fetched documents lead to for the events that
 * read them (`keysReadThrough`), fetched too; up to the first event it throws on.
 */
async function fetchThrough(
  projection: Projection<unknown>,
  read: (keys: readonly string[]) => Promise<Map<string, unknown>>,
  events: readonly ProjectedEvent[],
  first: ReadonlySet<string>,
  docs: Map<string, unknown>,
): Promise<Fetched> {
  const keys = new Set(first);
  const more: string[] = [];
  let failure: Failure | undefined;
  for (const event of events) {
    try {
      for (const named of projection.keysRead(event)) {
        const doc = docs.get(named);
        if (doc === undefined) continue;
        for (const key of projection.keysReadThrough!(doc, event)) {
          if (keys.has(key)) continue;
          keys.add(key);
          more.push(key);
        }
      }
    } catch (error) {
      failure = failureAt(event, error);
      break;
    }
  }
  if (more.length > 0) for (const [key, doc] of await read(more)) docs.set(key, doc);
  return { keys, docs, ...(failure && { failure }) };
}

type Failure = { position: number; error: string };

const failureAt = (event: ProjectedEvent, error: unknown): Failure => ({ position: event.position, error: error instanceof Error ? error.message : String(error) });

/** The events before `position`. */
const before = (events: readonly ProjectedEvent[], position: number): ProjectedEvent[] => events.filter((event) => event.position < position);

/** The keys asked for, and the documents found for them. */
interface Fetched {
  keys: ReadonlySet<string>;
  docs: ReadonlyMap<string, unknown>;
  /** The first event whose further keys could not be said: the batch stops before it. */
  failure?: Failure;
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
