import type { Projection } from '../../projections/shared/projection';
import { EventStore, rangeReaderOf, StoredEvent } from '../event-store/event-store.port';
import { DocumentCache } from './document-cache';
import { StageView } from './stage-view';
import type { ReadModelStore } from '../read-model-store/read-model-store.port';

/**
 * Events (positions) read at a time: small, so that they die young. A range
 * is alive while it is applied; 1,000 instead of 2,000 halved the old
 * generation's collections of a 1M-event rebuild (42 to 25) in the capped heap.
 */
const READ = 1000;
/**
 * A rebuild stages every `commitEvery` events what each projection wrote
 * (./shadow-staging.ts: on SQLite appended to a scratch table, elsewhere a
 * commit of every projection in one transaction), and keeps up to CACHE of
 * each projection's documents in memory, so a case's next events seldom read
 * a document back. These two sizes bound the rebuild's memory (W6).
 */
export const REBUILD_COMMIT = 50_000;
const CACHE = 5_000;
/**
 * Each shadow's filter of written keys where the staging has a synchronous
 * lookup (SQLite): a key it lets through wrongly costs one probe of the
 * staging's row index, not a query, so 2^21 bits (256 KiB) do where a
 * staging without one keeps 2^24 (2 MiB, ./document-cache.ts): ~17 MB less
 * resident for ten projections at 1M events (W6), for ~6 % of the
 * never-written keys of the largest (caseload, ~280,000 keys) let through.
 */
const LOOKUP_FILTER_BITS = 1 << 21;

/** A projection's shadow copy while it is built. */
export interface Shadow {
  projection: Projection<unknown>;
  /** Where it is built: `<name>~rebuild`, swapped in when done. */
  shadow: string;
  /** Applied so far. */
  position: number;
  /** Written since the last stage (undefined: deleted). */
  staged: Map<string, unknown>;
  /** Documents it wrote and keeps (it is the shadow's only writer, so they are what is stored). */
  cache: DocumentCache;
  /** The projection's documents as its reducer sees them (./stage-view.ts). */
  view: StageView;
}

/**
 * Builds shadow copies of the projections from position 0 up to `head` (or a
 * little past it), parsing each event once for all of them. What they write
 * is staged as it goes and put in place with the final checkpoints in one
 * transaction at the end (`ShadowStaging`); a crash leaves the live read
 * models as they were, and the next rebuild starts its shadows again. Where the store reads ranges
 * (`RangeReadable`) and every projection declares its types, only the events of
 * those types are read, and their JSON parsed only where a reducer reads it.
 */
export async function buildShadows(
  store: EventStore,
  models: ReadModelStore,
  projections: ReadonlyArray<Projection<unknown>>,
  head: number,
  commitEvery: number,
  progress?: (position: number, head: number) => void,
  cacheSize = CACHE,
): Promise<Shadow[]> {
  const names = projections.map(({ name }) => `${name}~rebuild`);
  for (const shadow of names) await models.clear(shadow);
  const staging = await models.stageShadows(names);
  const shadows: Shadow[] = projections.map((projection, i) => {
    const [shadow, staged, cache] = [names[i]!, new Map<string, unknown>(), new DocumentCache(cacheSize, staging.getNow ? LOOKUP_FILTER_BITS : undefined)];
    const getNow = staging.getNow && ((key: string) => staging.getNow!(shadow, key));
    return { projection, shadow, position: 0, staged, cache, view: new StageView(projection, staged, cache, getNow) };
  });
  const batches = () => shadows.map(({ projection, shadow, position, staged }) => ({ projection: shadow, writes: staged, checkpoint: { position, version: projection.version } }));
  const staged = () => {
    for (const entry of shadows) {
      entry.cache.remember(entry.staged);
      entry.staged = new Map();
      entry.view.restage(entry.staged);
    }
  };
  try {
    const read = reader(store, projections, head, Math.min(READ, commitEvery));
    let uncommitted = 0;
    let from = 1;
    while (from <= head) {
      const { events, covered } = await read(from);
      if (covered < from) break;
      for (const entry of shadows) {
        const missing = entry.view.missing(events, entry.position);
        if (missing.length > 0) entry.view.found(missing, await staging.getMany(entry.shadow, missing));
        const through = entry.view.missingThrough(events, entry.position);
        if (through.length > 0) entry.view.found(through, await staging.getMany(entry.shadow, through));
        // Past the range's events of types no projection wants too.
        entry.position = Math.max(entry.view.applyAll(events, entry.position), covered);
      }
      uncommitted += covered - from + 1;
      from = covered + 1;
      if (uncommitted >= commitEvery) {
        for (const entry of shadows) unstageNeverWritten(entry);
        await staging.stage(batches());
        staged();
        uncommitted = 0;
        progress?.(from - 1, head);
      }
    }
    for (const entry of shadows) unstageNeverWritten(entry);
    await staging.finish(batches());
    staged();
    progress?.(from - 1, head);
  } finally {
    await staging.discard();
  }
  return shadows;
}

/**
 * Leaves out of a stage the deletions of documents that were never staged
 * (a case on the waiting list booked in the same stage it was referred in, an
 * assignment made and ended): the shadow does not hold them either way, and
 * a 1M-event rebuild staged ~100,000 such rows and sorted them at the end.
 * The filter still says they were never written, so they are not looked up.
 */
function unstageNeverWritten({ staged, cache }: Shadow): void {
  for (const [key, doc] of staged) {
    if (doc !== undefined || cache.mayHold(key)) continue;
    staged.delete(key);
  }
}

/** Reads the log from a position on: the events read, and the last position they cover. */
type Reader = (from: number) => Promise<{ events: readonly StoredEvent[]; covered: number }>;

function reader(store: EventStore, projections: ReadonlyArray<Projection<unknown>>, head: number, size: number): Reader {
  const ranges = rangeReaderOf(store);
  const types = new Set<string>();
  for (const { eventTypes } of projections) for (const type of eventTypes ?? []) types.add(type);
  const allDeclare = projections.every(({ eventTypes }) => eventTypes !== undefined);
  if (ranges && allDeclare) {
    return async (from) => {
      const to = Math.min(from + size - 1, head);
      return { events: await ranges.readRange(from, to, types), covered: to };
    };
  }
  // Any store: every event, a little past the head perhaps (the position says how far).
  return async (from) => {
    const events = await store.readAll(from, size);
    return { events, covered: events.length === 0 ? from - 1 : events[events.length - 1]!.position };
  };
}
