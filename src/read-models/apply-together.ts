import type { ProjectedEvent, Projection } from '../../projections/shared/projection';
import { CheckpointMovedError, ProjectionBatch, ReadModelStore } from '../read-model-store/read-model-store.port';
import { Applied, prepareBatch } from './apply-batch';
import type { LiveDocuments } from './live-documents';

/**
 * The live projector's usual case: every live projection where the batch was
 * read from, all in one transaction (`commitAll`), not one each. Answers what
 * each projection applied, or undefined (nothing written) when one is
 * stopped, behind or moved by another process: the projector then takes them
 * one by one. (A reducer that throws, in `apply` or in naming its keys, is a
 * failure `prepareBatch` records, not a reason to stop here.)
 */
export async function applyTogether(
  models: ReadModelStore,
  kept: LiveDocuments,
  live: ReadonlyArray<Projection<unknown>>,
  events: readonly ProjectedEvent[],
  readFrom: number,
): Promise<Array<[string, Applied]> | undefined> {
  if (live.length < 2) return undefined;
  const batches: ProjectionBatch[] = [];
  const outcomes: Array<[string, Applied]> = [];
  for (const projection of live) {
    const checkpoint = await models.checkpoint(projection.name);
    const from = checkpoint?.position ?? 0;
    if (checkpoint?.failure || from + 1 < readFrom) return undefined;
    const documents = checkpoint && { documents: kept, version: checkpoint.version };
    const { batch, applied } = await prepareBatch(projection, models, projection.name, events, from, documents);
    if (batch) batches.push(batch);
    outcomes.push([projection.name, applied]);
  }
  try {
    if (batches.length > 0) await models.commitAll(batches);
    for (const { projection, checkpoint, writes } of batches) kept.keep(projection, checkpoint.position, checkpoint.version, writes);
  } catch (error) {
    if (error instanceof CheckpointMovedError) return undefined;
    throw error;
  }
  return outcomes;
}
