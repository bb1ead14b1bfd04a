import type { Checkpoint, ReadModelStore } from './read-model-store.port';

/** One shadow's share of a stage: the documents changed since the last one (undefined: deleted), and how far it has applied. */
export interface StagedBatch {
  projection: string;
  writes: ReadonlyMap<string, unknown>;
  checkpoint: Checkpoint;
}

/**
 * A rebuild's writes into fresh shadow copies (cleared just before, written by
 * this rebuild alone). Where the store can (SQLite), documents are staged
 * append-only, with no index to keep in key order, and `finish` puts each
 * key's last version into the shadow in key order, with the final checkpoints,
 * in one transaction: writing into a large index in random key order at every
 * commit was most of a 1M-event rebuild (docs/performance.md, W4). Until then
 * the shadows hold nothing; a crash leaves them empty, and the next rebuild
 * starts them again anyway. Elsewhere each stage is a commit, as before.
 */
export interface ShadowStaging {
  stage(batches: readonly StagedBatch[]): Promise<void>;
  /** The last staged versions of these keys (absent and deleted ones left out). */
  getMany(projection: string, keys: readonly string[]): Promise<Map<string, unknown>>;
  /**
   * The last writes and the final checkpoints, then every shadow in place, in
   * one transaction: all of them, or (CheckpointMovedError: another rebuild
   * took a shadow meanwhile) none.
   */
  finish(batches: readonly StagedBatch[]): Promise<void>;
  /** Lets what was staged go (after `finish`, or instead of it when the rebuild failed). */
  discard(): Promise<void>;
}

/**
 * Staging for stores that have none of their own: each stage commits the
 * documents with the checkpoint reached (`commitAll`), from the one the
 * previous stage wrote, so a concurrent rebuild of the same shadow is refused.
 */
export class CommittingStaging implements ShadowStaging {
  private readonly committed = new Map<string, number>();

  constructor(private readonly models: ReadModelStore) {}

  async stage(batches: readonly StagedBatch[]): Promise<void> {
    await this.models.commitAll(batches.map((batch) => ({ ...batch, from: this.committed.get(batch.projection) ?? 0 })));
    for (const { projection, checkpoint } of batches) this.committed.set(projection, checkpoint.position);
  }

  getMany(projection: string, keys: readonly string[]): Promise<Map<string, unknown>> {
    return this.models.getMany(projection, keys);
  }

  finish(batches: readonly StagedBatch[]): Promise<void> {
    return this.stage(batches);
  }

  /** What was committed stays; the next rebuild clears the shadow. */
  async discard(): Promise<void> {}
}
