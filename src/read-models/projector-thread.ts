import { Worker } from 'node:worker_threads';
import { workerScript } from '../shared/worker-script';
import type { EventStore } from '../event-store/event-store.port';
import type { LiveProjector, ProjectionStatus } from './live-projector';
import type { FromProjectorThread, ProjectorThreadData, ToProjectorThread } from './projector-thread.worker';


/**
 * The live projector in a worker thread (PROJECTOR_THREAD=1, SQLite on a file
 * only): the reducers, the reads of the batch's documents and the writes of
 * the read models run there, on the thread's own connection to the same file,
 * so they never take the event loop that answers requests. The main thread
 * wakes it after each commit the store reports (durable by then) and learns
 * the positions it reaches, so `waitFor` (read-your-writes) and `/health` work
 * as with the in-process projector. The routes read the documents on the main
 * thread's connection: in WAL mode a read begun after the thread's commit sees
 * it, and nothing on the main thread caches a read model's documents.
 */
export class ThreadedProjector implements LiveProjector {
  private worker: Worker | undefined;
  private statuses: ProjectionStatus[];
  private readonly waiters = new Set<() => void>();
  private unsubscribe?: () => void;
  private stopped = false;
  private exited: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: EventStore,
    private readonly file: string,
    readonly projections: ReadonlyArray<{ readonly name: string }>,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {
    this.statuses = projections.map(({ name }) => ({ name, position: 0 }));
  }

  start(): Promise<void> {
    const { filename, options } = workerScript(__dirname, 'projector-thread.worker');
    const worker = new Worker(filename, { ...options, workerData: { file: this.file } satisfies ProjectorThreadData });
    this.worker = worker;
    const tell = (message: ToProjectorThread) => worker.postMessage(message);
    this.unsubscribe = this.store.onAppended((events) => {
      const last = events[events.length - 1];
      if (last) tell({ kind: 'appended', position: last.position });
    });
    this.exited = new Promise((resolve) => worker.once('exit', () => resolve()));
    return new Promise((resolve, reject) => {
      worker.on('message', (message: FromProjectorThread) => {
        if (message.kind === 'positions') this.moved(message.status);
        else if (message.kind === 'started') resolve();
        else this.onError(new Error(message.message));
      });
      worker.on('error', (error) => {
        this.onError(error);
        reject(error);
      });
      worker.once('exit', (code) => {
        this.worker = undefined;
        this.unsubscribe?.();
        if (this.stopped) return resolve();
        // Not asked to stop: every projection is stopped where it stood, and /health says so.
        const error = `the projector thread stopped (exit code ${code})`;
        this.moved(this.statuses.map((s) => ({ ...s, failure: s.failure ?? { position: s.position + 1, error } })));
        reject(new Error(error));
      });
    });
  }

  /** Lets the thread finish the batch under way, commit it and close its connection. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    this.worker?.postMessage({ kind: 'stop' } satisfies ToProjectorThread);
    await this.exited;
  }

  status(): ProjectionStatus[] {
    return this.statuses;
  }

  position(name: string): number {
    return this.statuses.find((s) => s.name === name)?.position ?? 0;
  }

  async waitFor(name: string, position: number, timeoutMs: number): Promise<boolean> {
    if (this.position(name) >= position) return true;
    return new Promise((resolve) => {
      const check = () => {
        if (this.position(name) >= position) finish(true);
      };
      const finish = (reached: boolean) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(reached);
      };
      const timer = setTimeout(() => finish(false), timeoutMs);
      this.waiters.add(check);
    });
  }

  private moved(status: ProjectionStatus[]): void {
    this.statuses = status;
    for (const check of [...this.waiters]) check();
  }
}
