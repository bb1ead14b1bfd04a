import { parentPort, workerData } from 'node:worker_threads';
import { loadConfig } from '../config/config';
import { RETIRED_PROJECTIONS } from '../read-models/projections';
import { openEnvironment } from './environment';

/** What `cli rebuild` asks of its worker, and what the worker tells it. */
export interface RebuildRequest {
  projections?: string[];
}
export type RebuildMessage = { kind: 'progress'; position: number; head: number } | { kind: 'rebuilt'; head: number } | { kind: 'reclaimed'; rows: number };

/**
 * The rebuild itself, in a worker thread whose heap `cli rebuild` caps
 * (./rebuild.ts): same environment, same store, its own connection.
 */
async function run({ projections }: RebuildRequest): Promise<void> {
  const post = (message: RebuildMessage) => parentPort!.postMessage(message);
  const env = await openEnvironment(loadConfig());
  try {
    const head = await env.store.headPosition();
    post({ kind: 'progress', position: 0, head });
    // A full rebuild also drops what an older version kept of projections no longer kept.
    await env.projector.rebuild(projections, (position) => post({ kind: 'progress', position, head }), projections ? [] : RETIRED_PROJECTIONS);
    post({ kind: 'rebuilt', head });
    post({ kind: 'reclaimed', rows: await env.projector.reclaim() });
  } finally {
    await env.close();
  }
}

void run(workerData as RebuildRequest);
