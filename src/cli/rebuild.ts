import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RebuildMessage, RebuildRequest } from './rebuild-worker';

/**
 * The rebuild's heap ceiling (MB of old space). Left alone, V8 lets the old
 * space grow while a rebuild allocates fast, far past what it keeps alive: a
 * 1M-event rebuild peaked at 296–382 MB of RSS with a live set of well under
 * 128 MB (docs/performance.md's history, git log -p, W6). What the rebuild keeps grows with its
 * caches, which are bounded, not with the log: the staging's row index lives
 * outside the heap.
 */
export const REBUILD_HEAP_MB = 128;

export interface RebuildTimes {
  head: number;
  /** From starting the worker to every shadow swapped in. */
  seconds: number;
  reclaimedRows: number;
  reclaimSeconds: number;
  /** Whether the capped heap was too small, and the rebuild ran again without a cap. */
  uncapped: boolean;
}

/**
 * Runs the rebuild in a worker thread with a capped heap (`resourceLimits`),
 * so the process's memory stays bounded however V8 would let it grow, and all
 * of it is still this process's (its peak RSS is what W6 measures). Should a
 * store ever need more than the cap, the rebuild runs again without one
 * rather than failing: the shadows start again from 0 either way.
 */
export async function rebuildInWorker(request: RebuildRequest, progress: (position: number, head: number) => void, onUncapped: (reason: string) => void): Promise<RebuildTimes> {
  try {
    return { ...(await attempt(request, progress, REBUILD_HEAP_MB)), uncapped: false };
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_WORKER_OUT_OF_MEMORY') throw error;
    onUncapped((error as Error).message);
    return { ...(await attempt(request, progress, undefined)), uncapped: true };
  }
}

function attempt(request: RebuildRequest, progress: (position: number, head: number) => void, heapMb: number | undefined): Promise<Omit<RebuildTimes, 'uncapped'>> {
  const started = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
  const worker = new Worker(join(__dirname, 'rebuild-worker.js'), { workerData: request, ...(heapMb && { resourceLimits: { maxOldGenerationSizeMb: heapMb } }) });
  return new Promise((resolve, reject) => {
    let head = 0;
    let seconds: number | undefined;
    let reclaimedRows: number | undefined;
    let failure: unknown;
    worker.on('message', (message: RebuildMessage) => {
      if (message.kind === 'progress') progress(message.position, (head = message.head));
      if (message.kind === 'rebuilt') seconds = elapsed();
      if (message.kind === 'reclaimed') reclaimedRows = message.rows;
    });
    worker.on('error', (error) => (failure = error));
    worker.on('exit', (code) => {
      if (failure || seconds === undefined || reclaimedRows === undefined) return reject(failure ?? new Error(`the rebuild stopped (exit code ${code})`));
      resolve({ head, seconds, reclaimedRows, reclaimSeconds: elapsed() - seconds });
    });
  });
}
