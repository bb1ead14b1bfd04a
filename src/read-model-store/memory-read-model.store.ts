import { Checkpoint, CheckpointMovedError, ProjectionBatch, ReadModelStore, ShadowStaging } from './read-model-store.port';
import { CommittingStaging } from './shadow-staging';

/** Read models in memory, beside the memory event store. Copies in and out, like a database. */
export class MemoryReadModelStore implements ReadModelStore {
  private readonly docs = new Map<string, Map<string, unknown>>();
  private readonly checkpoints = new Map<string, Checkpoint>();

  async checkpoint(projection: string): Promise<Checkpoint | undefined> {
    const checkpoint = this.checkpoints.get(projection);
    return checkpoint && structuredClone(checkpoint);
  }

  async get(projection: string, key: string): Promise<unknown> {
    const doc = this.docs.get(projection)?.get(key);
    return doc === undefined ? undefined : structuredClone(doc);
  }

  async getMany(projection: string, keys: readonly string[]): Promise<Map<string, unknown>> {
    const docs = new Map<string, unknown>();
    for (const key of keys) {
      const doc = this.docs.get(projection)?.get(key);
      if (doc !== undefined) docs.set(key, structuredClone(doc));
    }
    return docs;
  }

  async list(projection: string, prefix = ''): Promise<unknown[]> {
    const docs = [...(this.docs.get(projection) ?? new Map<string, unknown>()).entries()];
    return docs
      .filter(([key]) => key.startsWith(prefix))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, doc]) => structuredClone(doc));
  }

  async commit(projection: string, writes: ReadonlyMap<string, unknown>, checkpoint: Checkpoint, from: number): Promise<void> {
    return this.commitAll([{ projection, writes, checkpoint, from }]);
  }

  async commitAll(batches: readonly ProjectionBatch[]): Promise<void> {
    for (const { projection, from } of batches) {
      const current = this.checkpoints.get(projection)?.position ?? 0;
      if (current !== from) throw new CheckpointMovedError(projection, from, current);
    }
    for (const { projection, writes, checkpoint } of batches) this.apply(projection, writes, checkpoint);
  }

  private apply(projection: string, writes: ReadonlyMap<string, unknown>, checkpoint: Checkpoint): void {
    const docs = this.docs.get(projection) ?? new Map<string, unknown>();
    for (const [key, doc] of writes) {
      if (doc === undefined) docs.delete(key);
      else docs.set(key, structuredClone(doc));
    }
    this.docs.set(projection, docs);
    this.checkpoints.set(projection, structuredClone(checkpoint));
  }

  async clear(projection: string): Promise<void> {
    this.docs.delete(projection);
    this.checkpoints.delete(projection);
  }

  async replace(target: string, source: string): Promise<void> {
    this.docs.set(target, this.docs.get(source) ?? new Map());
    this.docs.delete(source);
    const checkpoint = this.checkpoints.get(source);
    if (checkpoint) this.checkpoints.set(target, checkpoint);
    else this.checkpoints.delete(target);
    this.checkpoints.delete(source);
  }

  /** Each stage a commit: in memory a commit is a Map's update, with no index pages to spare. */
  async stageShadows(): Promise<ShadowStaging> {
    return new CommittingStaging(this);
  }

  /** Nothing is left behind in memory. */
  async purgeDropped(): Promise<number> {
    return 0;
  }

  async close(): Promise<void> {}
}
