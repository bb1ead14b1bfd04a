import type { StoredEvent } from '../event-store.port';
import { upcast } from '../upcasters';
import { ISO_UTC } from './postgres.append';

/** A row of the events table as pg returns it. */
export interface EventRow {
  position: string;
  stream_id: string;
  revision: number;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: StoredEvent['metadata'];
  /** ISO 8601 text (UTC, milliseconds), formatted by the server. */
  recorded_at: string;
}

export const COLUMNS = `position, stream_id, revision, type, schema_version, data, metadata, ${ISO_UTC('recorded_at')} AS recorded_at`;
export const UNIQUE_VIOLATION = '23505';

/** 64-bit positions arrive as strings; they stay below 2^53 for any realistic store. */
export const toStoredEvent = (row: EventRow): StoredEvent =>
  upcast({
    streamId: row.stream_id,
    type: row.type,
    data: row.data,
    metadata: row.metadata,
    schemaVersion: row.schema_version,
    revision: row.revision,
    position: Number(row.position),
    recordedAt: row.recorded_at,
  });
