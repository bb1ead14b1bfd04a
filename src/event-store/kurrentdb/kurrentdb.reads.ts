import {
  BACKWARDS,
  END,
  FORWARDS,
  NoStreamError,
  StreamNotFoundError,
  UnavailableError,
  type AllStreamRecordedEvent,
  type Direction,
  type KurrentDBClient,
  type Position,
  type ReadPosition,
  type ReadStreamOptions,
} from '@kurrent/kurrentdb-client';
import type { StoredEvent } from '../event-store.port';
import { isOurs, toStoredEvent } from './kurrentdb.events';
import { readPositionFor } from './kurrentdb.positions';

/** `$all` is read in pages of this many records (system records included); a first page may be smaller. */
const PAGE = 1000;
/** A bound on pages per read: 10 million records, far beyond a page of the port. */
const MAX_PAGES = 10_000;

const samePosition = (a: Position, b: Position): boolean => a.commit === b.commit && a.prepare === b.prepare;

/** What reading `$all` needs of the client. */
export type AllReader = Pick<KurrentDBClient, 'readAll'>;

/**
 * Every record of `$all` from `start`, page after page. A page starts at the
 * last record of the one before (the only positions the server accepts are
 * those of real records), which is then not yielded twice.
 */
async function* records(client: AllReader, direction: Direction, start: ReadPosition, firstPage = PAGE): AsyncGenerator<AllStreamRecordedEvent> {
  let from = start;
  let seen: Position | undefined;
  for (let page = 0, size = firstPage; page < MAX_PAGES; page++, size = PAGE) {
    let count = 0;
    let last: Position | undefined;
    for await (const { event } of client.readAll({ direction, fromPosition: from, maxCount: size })) {
      count += 1;
      if (!event) continue;
      last = event.position;
      if (seen && samePosition(event.position, seen)) continue;
      yield event;
    }
    if (count < size || !last) return;
    from = last;
    seen = last;
  }
  throw new Error(`reading $all took more than ${MAX_PAGES} pages`);
}

/** The port's `readAll`: our events with position ≥ `from` (system events and other tools' skipped), at most `limit`. */
export async function readOurs(client: AllReader, from: number, limit: number): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  if (limit <= 0) return events;
  try {
    // One more than asked for: the record at the start may be the one just before `from`.
    for await (const record of records(client, FORWARDS, readPositionFor(from), Math.min(limit + 1, PAGE))) {
      if (!isOurs(record)) continue;
      const stored = toStoredEvent(record);
      if (stored.position < from) continue;
      events.push(stored);
      if (events.length >= limit) break;
    }
  } catch (error) {
    // The server reads $all only from a record's own position: one this store handed out, or one past it.
    if (from > 1 && !(error instanceof UnavailableError)) throw new Error(`KurrentDB cannot read $all from position ${from}, which is not one this store handed out: ${String(error)}`);
    throw error;
  }
  return events;
}

/** Our last event in `$all` (system events written after it skipped), if any. */
export async function lastOurs(client: AllReader): Promise<StoredEvent | undefined> {
  for await (const record of records(client, BACKWARDS, END, 32)) {
    if (isOurs(record)) return toStoredEvent(record);
  }
  return undefined;
}

/** How many of our events `$all` holds (a full read: for `cli migrate` only). */
export async function countOurs(client: AllReader): Promise<number> {
  let count = 0;
  for await (const record of records(client, FORWARDS, readPositionFor(0))) if (isOurs(record)) count += 1;
  return count;
}

/** A stream's events with KurrentDB's own event ids; none when it does not exist. */
export async function readStreamRecords(client: KurrentDBClient, streamId: string, options: ReadStreamOptions = {}): Promise<Array<{ id: string; event: StoredEvent }>> {
  const events: Array<{ id: string; event: StoredEvent }> = [];
  try {
    for await (const { event } of client.readStream(streamId, options)) if (event && isOurs(event)) events.push({ id: event.id, event: toStoredEvent(event) });
  } catch (error) {
    if (error instanceof StreamNotFoundError || error instanceof NoStreamError) return [];
    throw error;
  }
  return events;
}

/** A stream's events; none when it does not exist. */
export const readStreamEvents = async (client: KurrentDBClient, streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> =>
  (await readStreamRecords(client, streamId, options)).map(({ event }) => event);
