import type { DocumentView, ProjectedEvent, Projection } from '../../projections/shared/projection';
import type { EventStore } from '../event-store/event-store.port';
import { Checkpoint, CheckpointMovedError, ReadModelStore } from './read-model-store.port';

/** Events read and applied per transaction. */
const BATCH = 2000;

export interface ProjectionStatus {
  name: string;
  position: number;
  /** Set when the reducer threw: the projection has stopped at the event before. */
  failure?: { position: number; error: string };
}

/**
 * Tails the store's global order and applies each projection's reducer,
 * writing the documents and the checkpoint in one transaction per batch. Woken
 * by appends (no polling); catches up at start; rebuilds aside and swaps.
 */
export class Projector {
  private readonly positions = new Map<string, number>();
  private readonly failures = new Map<string, { position: number; error: string }>();
  private readonly waiters = new Set<() => void>();
  private running: Promise<void> | undefined;
  private again = false;
  private unsubscribe?: () => void;
  private stopped = false;

  constructor(
    private readonly store: EventStore,
    private readonly models: ReadModelStore,
    readonly projections: ReadonlyArray<Projection<unknown>>,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /** Loads checkpoints (a changed version starts that projection again from 0) and catches up. */
  async start(): Promise<void> {
    for (const projection of this.projections) {
      const checkpoint = await this.models.checkpoint(projection.name);
      if (checkpoint && checkpoint.version !== projection.version) await this.models.clear(projection.name);
      const kept = checkpoint?.version === projection.version ? checkpoint : undefined;
      this.positions.set(projection.name, kept?.position ?? 0);
      if (kept?.failure) this.failures.set(projection.name, kept.failure);
    }
    this.unsubscribe = this.store.onAppended(() => this.wake());
    await this.wake();
  }

  stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    return this.running ?? Promise.resolve();
  }

  status(): ProjectionStatus[] {
    return this.projections.map(({ name }) => {
      const failure = this.failures.get(name);
      return { name, position: this.positions.get(name) ?? 0, ...(failure && { failure }) };
    });
  }

  position(name: string): number {
    return this.positions.get(name) ?? 0;
  }

  /** Resolves true once `name` has applied `position`, false after `timeoutMs`. */
  async waitFor(name: string, position: number, timeoutMs: number): Promise<boolean> {
    if (this.position(name) >= position) return true;
    return new Promise((resolve) => {
      const check = () => {
        if (this.position(name) < position) return;
        finish(true);
      };
      const finish = (reached: boolean) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(reached);
      };
      const timer = setTimeout(() => finish(false), timeoutMs);
      this.waiters.add(check);
    });
  }

  /** Runs a catch-up now, or once more after the one under way. */
  wake(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.catchUp();
        } while (this.again && !this.stopped);
      } catch (error) {
        // The store is unavailable (closing, disk trouble): the next append or start tries again.
        this.onError(error);
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  /**
   * Rebuilds projections from position 0 into a shadow copy while the live ones
   * keep answering, then swaps them in. `progress` hears of each batch.
   */
  async rebuild(names?: string[], progress?: (position: number, head: number) => void): Promise<void> {
    const chosen = this.projections.filter((p) => !names || names.includes(p.name));
    const head = await this.store.headPosition();
    const shadows = chosen.map((projection) => ({ projection, shadow: `${projection.name}~rebuild`, position: 0 }));
    for (const { shadow } of shadows) await this.models.clear(shadow);
    for (let from = 1; from <= head; ) {
      const events = await this.store.readAll(from, BATCH);
      if (events.length === 0) break;
      for (const entry of shadows) {
        const applied = await applyBatch(entry.projection, this.models, entry.shadow, events, entry.position);
        if (applied.failure) throw new Error(`${entry.projection.name} cannot apply the event at position ${applied.failure.position}: ${applied.failure.error}`);
        entry.position = applied.position;
      }
      from = events[events.length - 1]!.position + 1;
      progress?.(from - 1, head);
    }
    // A live batch that began before a swap finds its checkpoint moved and starts again from the new one.
    for (const { projection, shadow, position } of shadows) {
      await this.models.replace(projection.name, shadow);
      this.positions.set(projection.name, position);
      this.failures.delete(projection.name);
    }
    await this.wake();
  }

  /** One batch for one live projection, from its stored checkpoint (another process may have moved it). */
  private async applyLive(projection: Projection<unknown>, events: readonly ProjectedEvent[]): Promise<void> {
    for (;;) {
      const checkpoint = await this.models.checkpoint(projection.name);
      const from = checkpoint?.position ?? 0;
      if (checkpoint?.failure) {
        this.positions.set(projection.name, from);
        this.failures.set(projection.name, checkpoint.failure);
        return;
      }
      // Moved back by another process (a rebuild): the next round reads from there.
      if (from < events[0]!.position - 1) {
        this.positions.set(projection.name, from);
        return;
      }
      try {
        const applied = await applyBatch(projection, this.models, projection.name, events, from);
        this.positions.set(projection.name, applied.position);
        if (applied.failure) this.failures.set(projection.name, applied.failure);
        return;
      } catch (error) {
        if (!(error instanceof CheckpointMovedError)) throw error;
      }
    }
  }

  private async catchUp(): Promise<void> {
    for (;;) {
      const live = this.projections.filter((p) => !this.failures.has(p.name));
      if (live.length === 0 || this.stopped) return;
      const from = Math.min(...live.map((p) => this.position(p.name))) + 1;
      const events = await this.store.readAll(from, BATCH);
      if (events.length === 0) return;
      for (const projection of live) await this.applyLive(projection, events);
      for (const check of [...this.waiters]) check();
    }
  }
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
