import type { EventRow } from '../../src/event-store/sqlite/sqlite.rows';

/**
 * An events row as the PostgreSQL probes read it back to replay it elsewhere:
 * the JSON columns as text (`data::text`), so the shape of SQLite's own row,
 * less the position and recorded time the replay's store assigns.
 */
export type EventTextRow = Omit<EventRow, 'position' | 'recorded_at'>;
