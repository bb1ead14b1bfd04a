import { EventStore, StoredEvent, StoreUnavailableError } from './event-store.port';

/** How long a whole-log reader waits for events that are committed but held back (below). */
export const HELD_BACK_PATIENCE_MS = 30_000;
const PAUSE_MS = 20;

/**
 * The whole log up to the head as it stands when reading starts, page by
 * page, for a reader that reads it once: the auditor's export, a migration, a
 * checksum, retention. On PostgreSQL `readAll` holds back every event above
 * the oldest transaction still open anywhere in the database, so that a live
 * reader never moves past a late commit; another schema's or another
 * application's transaction can so hold back an event that was already
 * acknowledged. An export without it would be wrong, so this waits for the
 * head to come through, a short while at most (CI's other test files held one
 * back for a moment), and then says why it cannot. Other stores never hold
 * events back, and read as `readAll` does.
 */
export async function* pagesThroughHead(store: EventStore, pageSize: number, patienceMs = HELD_BACK_PATIENCE_MS): AsyncGenerator<readonly StoredEvent[]> {
  const head = await store.headPosition();
  let heldSince: number | undefined;
  for (let from = 1; from <= head; ) {
    const page = await store.readAll(from, pageSize);
    if (page.length > 0) {
      heldSince = undefined;
      from = page[page.length - 1]!.position + 1;
      yield page;
      continue;
    }
    heldSince ??= Date.now();
    if (Date.now() - heldSince >= patienceMs) {
      throw new StoreUnavailableError(`events from position ${from} to ${head} are committed but held back by a transaction still open in the database: try again when it has ended`);
    }
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  }
}
