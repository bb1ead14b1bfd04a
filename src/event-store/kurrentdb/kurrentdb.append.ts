import { DeadlineExceededError, NotLeaderError, UnavailableError, type KurrentDBClient } from '@kurrent/kurrentdb-client';
import { ConcurrencyError } from '../../../domain/shared/errors';
import { StoreUnavailableError, type ExpectedRevision, type NewEvent, type StoredEvent } from '../event-store.port';
import { asConcurrencyError, eventIdFor, streamStateFor, toEventData } from './kurrentdb.events';
import { readStreamRecords } from './kurrentdb.reads';

/** An append gets this long to answer; a claimed Idempotency-Key outlives it (CLAIM_STALE_MS). */
const APPEND_DEADLINE_MS = 10_000;

/** Failures after which the append may or may not have been written: sent once more, with the same ids. */
const isTransient = (error: unknown): boolean =>
  error instanceof UnavailableError || error instanceof DeadlineExceededError || error instanceof NotLeaderError || [4, 14].includes((error as { code?: number }).code ?? 0);

/**
 * Appends the events to their stream at the expected revision and gives them
 * back as stored (with their `$all` positions, read back: the append's answer
 * does not say where each event went). The ids are derived from the command, so
 * when an answer is lost the one retry is recognised by the server instead of
 * written twice: a duplicate at the same expected revision is an idempotent
 * success, and a refusal caused by this command's own earlier events is seen as ours.
 */
export async function appendToKurrent(client: KurrentDBClient, streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<StoredEvent[]> {
  const recordedAt = new Date().toISOString();
  const ids = events.map((event, index) => eventIdFor(streamId, event.metadata.commandId, index));
  const data = events.map((event, index) => toEventData(event, ids[index]!, recordedAt));
  const streamState = streamStateFor(expected);
  for (let attempt = 1; ; attempt++) {
    try {
      const { nextExpectedRevision } = await client.appendToStream(streamId, data, { streamState, deadline: APPEND_DEADLINE_MS });
      const stored = await ownEvents(client, streamId, ids, Number(nextExpectedRevision) - ids.length + 1);
      if (stored.length !== ids.length) throw new StoreUnavailableError(`KurrentDB took the append to ${streamId} but did not give all of it back`);
      return stored;
    } catch (error) {
      if (error instanceof StoreUnavailableError) throw error;
      const refused = asConcurrencyError(error, streamId, expected);
      if (refused instanceof ConcurrencyError) {
        // The stream moved on because this very command got there before (a lost answer): then the events are ours.
        const ours = await ownEvents(client, streamId, ids).catch(() => []);
        if (ours.length === ids.length) return ours;
        throw refused;
      }
      if (attempt === 1 && isTransient(error)) continue;
      throw new StoreUnavailableError(`KurrentDB did not take the append: ${error instanceof Error ? error.message : String(error)}`, error);
    }
  }
}

/** Our events as stored, found by KurrentDB's event id; first looked for where the append said they went. */
async function ownEvents(client: KurrentDBClient, streamId: string, ids: readonly string[], firstRevision?: number): Promise<StoredEvent[]> {
  if (firstRevision !== undefined && firstRevision >= 0) {
    const read = await readStreamRecords(client, streamId, { fromRevision: BigInt(firstRevision), maxCount: ids.length });
    if (read.length === ids.length && read.every(({ id }, i) => id === ids[i])) return read.map(({ event }) => event);
  }
  // Written with 'any' behind another writer, or recognised as a duplicate: look through the stream (a case's stream is short).
  const wanted = new Set(ids);
  return (await readStreamRecords(client, streamId)).filter(({ id }) => wanted.has(id)).map(({ event }) => event);
}
