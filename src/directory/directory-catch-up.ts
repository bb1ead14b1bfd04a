import { DIRECTORY_VERSION } from '../../projections/directory/directory';
import type { EventStore } from '../event-store/event-store.port';
import type { ReadModelStore } from '../read-model-store/read-model-store.port';
import { DirectoryFeed } from './directory-feed';
import { DIRECTORY_MODEL } from './directory-snapshot';

/**
 * Brings the persisted Directory up to the store's head, for the CLI's writers
 * that go around the command path (`migrate`'s archive import, a bulk load) and
 * for `cli rebuild`: otherwise the server's next start folds every event they
 * wrote (13 s at 1M events) before it is healthy. It loads what is stored and
 * folds only the events after it, as the server does, then writes what changed
 * with the new checkpoint (DirectoryFeed keeps the stored Directory equal to a
 * fold from 0, whoever else writes it). A Directory already at the head is not
 * even loaded. Resolves with the position it stands at, and whether it folded.
 */
export async function catchUpDirectory(store: EventStore, models: ReadModelStore): Promise<{ position: number; folded: boolean }> {
  const head = await store.headPosition();
  const stored = await models.checkpoint(DIRECTORY_MODEL);
  if (stored?.version === DIRECTORY_VERSION && stored.position >= head) return { position: stored.position, folded: false };
  let failure: unknown;
  const feed = new DirectoryFeed(models, (error) => (failure ??= error));
  await feed.start(store);
  await feed.stop();
  if (failure) throw failure;
  const written = await models.checkpoint(DIRECTORY_MODEL);
  // Another process may have written a later one meanwhile; an earlier one means ours was not written.
  if (written?.version !== DIRECTORY_VERSION || written.position < feed.loadedPosition) throw new Error('the Directory could not be written');
  return { position: written.position, folded: true };
}
