import type { ProjectedEvent, Projection } from '../../projections/shared/projection';
import type { EventStore } from '../event-store/event-store.port';
import { Applied, applyBatch } from './apply-batch';
import { applyTogether } from './apply-together';
import { LiveDocuments } from './live-documents';
import { CheckpointMovedError, ReadModelStore } from '../read-model-store/read-model-store.port';
import { ProjectionLeases, soleProcess } from './projection-leases';
import { buildShadows, REBUILD_COMMIT } from './rebuild';

/** Events read and applied per transaction. */
const BATCH = 2000;
/** Rows deleted per transaction when a cleared or replaced read model's rows are reclaimed. */
const PURGE_CHUNK = 5_000;
/** How often a waiting read looks at projections applied by another process. */
const FOLLOW_MS = 50;

export interface ProjectionStatus {
  name: string;
  position: number;
  /** Set when the reducer threw: the projection has stopped at the event before. */
  failure?: { position: number; error: string };
}

/**
 * Tails the store's global order and applies each projection's reducer,
 * writing the documents and the checkpoint in one transaction per batch. Woken
 * by appends (no polling); catches up at start; rebuilds aside and swaps. With
 * several processes on one database, each projection is applied by the one
 * process holding its lease; the others follow its checkpoint and take over
 * when it goes.
 */
export class Projector {
  private readonly positions = new Map<string, number>();
  private readonly failures = new Map<string, { position: number; error: string }>();
  private readonly waiters = new Set<() => void>();
  private running: Promise<void> | undefined;
  private again = false;
  private unsubscribe?: () => void;
  private stopped = false;
  /** While someone waits, follow the projections another process applies (and take over one it drops). */
  private followTimer?: NodeJS.Timeout;
  private reclaiming: Promise<void> | undefined;
  /** The documents this process last committed, parsed, for the next batch (./live-documents.ts). */
  private readonly kept = new LiveDocuments();
  /** Events between a rebuild's commits (a spec sets it low to see several). */
  rebuildCommitEvery = REBUILD_COMMIT;

  constructor(
    private readonly store: EventStore,
    private readonly models: ReadModelStore,
    readonly projections: ReadonlyArray<Projection<unknown>>,
    private readonly onError: (error: unknown) => void = () => undefined,
    private readonly leases: ProjectionLeases = soleProcess,
  ) {}

  /** Loads checkpoints (a changed version starts that projection again from 0) and catches up. */
  async start(): Promise<void> {
    for (const projection of this.projections) {
      const checkpoint = await this.models.checkpoint(projection.name);
      // Only the process that applies a projection may start it again from 0.
      const stale = checkpoint !== undefined && checkpoint.version !== projection.version;
      if (stale && (await this.leases.acquire(projection.name))) await this.models.clear(projection.name);
      const kept = checkpoint?.version === projection.version ? checkpoint : undefined;
      this.positions.set(projection.name, kept?.position ?? 0);
      if (kept?.failure) this.failures.set(projection.name, kept.failure);
    }
    this.unsubscribe = this.store.onAppended(() => this.wake());
    await this.wake();
    // Rows an interrupted reclaim or a version change left behind go in the background.
    this.reclaiming = this.reclaim().then(() => undefined, this.onError);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    clearInterval(this.followTimer);
    await this.running;
    await this.reclaiming;
    await this.leases.release();
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
      this.followTimer ??= setInterval(() => (this.waiters.size > 0 ? void this.wake() : this.stopFollowing()), FOLLOW_MS);
    });
  }

  private stopFollowing(): void {
    clearInterval(this.followTimer);
    this.followTimer = undefined;
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
   * Rebuilds projections from position 0 into shadow copies while the live ones
   * keep answering (./rebuild.ts), then swaps them in. `progress` hears of each
   * commit. `retired`: read models an older version kept, dropped too.
   */
  async rebuild(names?: string[], progress?: (position: number, head: number) => void, retired: readonly string[] = []): Promise<void> {
    const chosen = this.projections.filter((p) => !names || names.includes(p.name));
    const shadows = await buildShadows(this.store, this.models, chosen, await this.store.headPosition(), this.rebuildCommitEvery, progress);
    // A live batch that began before a swap finds its checkpoint moved and starts again from the new one.
    for (const { projection, shadow, position } of shadows) {
      this.kept.forget(projection.name);
      await this.models.replace(projection.name, shadow);
      this.positions.set(projection.name, position);
      this.failures.delete(projection.name);
    }
    // What an older version kept of projections no longer kept.
    for (const name of retired) await this.models.clear(name);
    await this.wake();
  }

  /** Deletes the rows that clearing and swapping left behind, a chunk per transaction; resolves with how many. */
  async reclaim(): Promise<number> {
    let total = 0;
    for (let deleted = await this.models.purgeDropped(PURGE_CHUNK); deleted > 0 && !this.stopped; deleted = await this.models.purgeDropped(PURGE_CHUNK)) {
      total += deleted;
      // Let commands and reads in between the chunks.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return total;
  }

  /** Another process applies this projection (or rebuilt it): take its position and state from the checkpoint. */
  private async follow(name: string): Promise<void> {
    const checkpoint = await this.models.checkpoint(name);
    this.positions.set(name, checkpoint?.position ?? 0);
    if (checkpoint?.failure) this.failures.set(name, checkpoint.failure);
    else this.failures.delete(name);
  }

  /** One batch for one live projection, from its stored checkpoint (another process may have moved it). */
  private async applyLive(projection: Projection<unknown>, batch: readonly ProjectedEvent[], readFrom: number): Promise<void> {
    for (;;) {
      const checkpoint = await this.models.checkpoint(projection.name);
      const from = checkpoint?.position ?? 0;
      if (checkpoint?.failure) {
        this.positions.set(projection.name, from);
        this.failures.set(projection.name, checkpoint.failure);
        return;
      }
      // Moved back by another process (a rebuild swapped in): read on from its checkpoint, not from the batch.
      // (Positions may have gaps, on PostgreSQL, so only where the batch was read from tells.)
      const events = from + 1 < readFrom ? await this.store.readAll(from + 1, BATCH) : batch;
      try {
        const kept = checkpoint && { documents: this.kept, version: checkpoint.version };
        this.record([[projection.name, await applyBatch(projection, this.models, projection.name, events, from, kept)]]);
        return;
      } catch (error) {
        if (!(error instanceof CheckpointMovedError)) throw error;
      }
    }
  }

  /** What the batch applied: the positions `waitFor` and `/health` read, and any failure. */
  private record(outcomes: ReadonlyArray<[string, Applied]>): void {
    for (const [name, applied] of outcomes) {
      this.positions.set(name, applied.position);
      if (applied.failure) this.failures.set(name, applied.failure);
    }
  }

  private async catchUp(): Promise<void> {
    for (;;) {
      const live: Array<Projection<unknown>> = [];
      for (const projection of this.projections) {
        // A stopped projection stays stopped until its checkpoint shows it rebuilt (by `cli rebuild`, say).
        if (this.failures.has(projection.name)) await this.follow(projection.name);
        if (this.failures.has(projection.name)) continue;
        if (await this.leases.acquire(projection.name)) live.push(projection);
        else await this.follow(projection.name);
      }
      for (const check of [...this.waiters]) check();
      if (live.length === 0 || this.stopped) return;
      const from = Math.min(...live.map((p) => this.position(p.name))) + 1;
      const events = await this.store.readAll(from, BATCH);
      if (events.length === 0) return;
      const together = await applyTogether(this.models, this.kept, live, events, from);
      if (together) this.record(together);
      else for (const projection of live) await this.applyLive(projection, events, from);
      for (const check of [...this.waiters]) check();
    }
  }
}
