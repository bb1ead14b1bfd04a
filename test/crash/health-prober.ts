import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';

export interface ProbeResult {
  samplesMs: number[];
  byStatus: Record<string, number>;
}

interface ProbeOrder {
  url: string;
  intervalMs: number;
  maxProbes: number;
}

/**
 * Probes `/health` on a thread of its own, so that what it measures is the
 * server's answer time, not how busy the soak's own clients keep this
 * process's event loop. One probe at a time, `intervalMs` apart, until told
 * to stop (or `maxProbes`, a bound whatever happens).
 */
export class HealthProber {
  private readonly worker: Worker;
  private readonly result: Promise<ProbeResult>;

  constructor(order: ProbeOrder) {
    this.worker = new Worker(__filename, { workerData: order });
    this.result = new Promise((resolve, reject) => {
      this.worker.once('message', resolve);
      this.worker.once('error', reject);
    });
  }

  async stop(): Promise<ProbeResult> {
    this.worker.postMessage('stop');
    const result = await this.result;
    await this.worker.terminate();
    return result;
  }

  /** For clean-up in `finally`: ends the thread, whatever it is doing. */
  async kill(): Promise<void> {
    await this.worker.terminate();
  }
}

async function probe({ url, intervalMs, maxProbes }: ProbeOrder): Promise<void> {
  let stopping = false;
  parentPort!.once('message', () => (stopping = true));
  const result: ProbeResult = { samplesMs: [], byStatus: {} };
  while (!stopping && result.samplesMs.length < maxProbes) {
    const started = performance.now();
    let status: string;
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(60_000) });
      await res.arrayBuffer();
      status = String(res.status);
    } catch {
      status = 'no answer';
    }
    result.samplesMs.push(Math.round((performance.now() - started) * 10) / 10);
    result.byStatus[status] = (result.byStatus[status] ?? 0) + 1;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  parentPort!.postMessage(result);
}

if (!isMainThread && parentPort) void probe(workerData as ProbeOrder);
