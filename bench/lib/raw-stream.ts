/** The raw read every W5 baseline runs: a case stream's rows, in order, as the events table holds them. */
export const RAW_STREAM_SELECT = 'SELECT position, revision, type, schema_version, data, metadata, recorded_at FROM events WHERE stream_id = ? ORDER BY revision';
