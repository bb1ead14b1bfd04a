import { createHash } from 'node:crypto';
import { ANY, NO_STREAM, WrongExpectedVersionError, jsonEvent, type AllStreamRecordedEvent, type AppendStreamState, type JSONEventData, type JSONType, type RecordedEvent } from '@kurrent/kurrentdb-client';
import { ConcurrencyError } from '../../../domain/shared/errors';
import type { EventMetadata, ExpectedRevision, NewEvent, StoredEvent } from '../event-store.port';
import { upcast } from '../upcasters';
import { isSystemEvent, toPortPosition } from './kurrentdb.positions';

/** The namespace of the event ids this adapter derives (a fixed random UUID; changing it would defeat deduplication). */
const EVENT_ID_NAMESPACE = 'b7f1d0a4-6c1e-4f54-9a8e-2d0c5b7e3f19';

/** A name-based UUID (version 5, RFC 9562 §5.5): SHA-1 of the namespace's bytes and the name. */
export function uuidV5(name: string, namespace: string): string {
  const hash = createHash('sha1').update(Buffer.from(namespace.replace(/-/g, ''), 'hex')).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * KurrentDB's id for the `index`-th event a command appends to a stream. The
 * same command sent again (the adapter's own retry after a lost answer, or the
 * handler deciding again) carries the same ids, so the server's deduplication
 * can recognise events it already holds.
 */
export const eventIdFor = (streamId: string, commandId: string, index: number): string => uuidV5(`${streamId}\n${commandId}\n${index}`, EVENT_ID_NAMESPACE);

/** The port's expected revision in the client's terms. */
export function streamStateFor(expected: ExpectedRevision): AppendStreamState {
  if (expected === 'any') return ANY;
  if (expected === 'no_stream') return NO_STREAM;
  if (!Number.isSafeInteger(expected) || expected < 0) throw new RangeError(`an expected revision must be a whole number ≥ 0, got ${expected}`);
  return BigInt(expected);
}

/** The client's WrongExpectedVersionError as the domain's ConcurrencyError (with the actual revision); anything else as it is. */
export function asConcurrencyError(error: unknown, streamId: string, expected: ExpectedRevision): unknown {
  if (!(error instanceof WrongExpectedVersionError)) return error;
  const actual = error.actualState === NO_STREAM ? 'no_stream' : Number(error.actualState);
  return new ConcurrencyError(streamId, expected, actual);
}

/**
 * What KurrentDB stores beside the data: our metadata as the port gives it, the
 * time we recorded the event (KurrentDB's own `created` is its commit time, and
 * a migrated event must keep the time it was first recorded), the schema
 * version, and `$correlationId`/`$causationId`, KurrentDB's names, so that its
 * own tools (`$by_correlation_id`) understand them.
 */
interface StoredMetadata extends EventMetadata {
  recordedAt: string;
  schemaVersion: number;
  $correlationId: string;
  $causationId: string;
}

export function toEventData(event: NewEvent, id: string, recordedAt: string): JSONEventData {
  const metadata: StoredMetadata = {
    ...event.metadata,
    recordedAt,
    schemaVersion: event.schemaVersion ?? 1,
    $correlationId: event.metadata.correlationId,
    $causationId: event.metadata.causationId,
  };
  // The client serialises `data` with JSON.stringify, so any JSON value survives (the type only names the usual ones).
  return jsonEvent({ id, type: event.type, data: event.data as JSONType, metadata: metadata as unknown as JSONType });
}

/**
 * Whether this service wrote the event: not a system event, and with the
 * metadata it writes. Events other tools put in the database (a test event
 * from KurrentDB's web UI, say) are skipped rather than stopping every reader.
 */
export function isOurs(recorded: RecordedEvent | AllStreamRecordedEvent): boolean {
  if (isSystemEvent(recorded.streamId, recorded.type) || !recorded.isJson) return false;
  const metadata = recorded.metadata as Partial<StoredMetadata> | undefined;
  return typeof metadata === 'object' && metadata !== null && typeof metadata.recordedAt === 'string' && typeof metadata.commandId === 'string';
}

/** A recorded event as the port's StoredEvent (through the upcasters, like every store). */
export function toStoredEvent(recorded: RecordedEvent | AllStreamRecordedEvent): StoredEvent {
  if (!recorded.position) throw new Error(`KurrentDB gave no position for ${recorded.streamId}@${recorded.revision}: it must be 22.6 or later`);
  const { recordedAt, schemaVersion, $correlationId: _c, $causationId: _k, ...metadata } = recorded.metadata as unknown as StoredMetadata;
  return upcast({
    streamId: recorded.streamId,
    type: recorded.type,
    data: recorded.data,
    metadata,
    schemaVersion,
    revision: Number(recorded.revision),
    position: toPortPosition(recorded.position),
    recordedAt,
  });
}
