import type { ReadModelStore, ShadowStaging, StagedBatch } from './read-model-store.port';

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
