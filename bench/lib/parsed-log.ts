import { join } from 'node:path';
import type { ProjectedEvent } from '../../projections/shared/projection';

/**
 * A prepared store's whole log, read and parsed once through the given
 * build's own SQLite store (its `dist/`), for the probes that time folding
 * alone with the read outside the figure.
 */
export async function parsedLog(code: string, dataDir: string): Promise<ProjectedEvent[]> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { SqliteEventStore } = require(join(code, 'dist/src/event-store/sqlite/sqlite.event-store.js')) as typeof import('../../src/event-store/sqlite/sqlite.event-store');
  const store = SqliteEventStore.open({ file: join(dataDir, 'brobygger.db'), readonly: true });
  try {
    return (await store.readAll(0, Number.MAX_SAFE_INTEGER)) as unknown as ProjectedEvent[];
  } finally {
    await store.close();
  }
}
