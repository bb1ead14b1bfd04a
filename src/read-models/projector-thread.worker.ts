import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { AppendListener, EventStore, StoredEvent } from '../event-store/event-store.port';
import { prepareStatements, Statements, toStoredEvent } from '../event-store/sqlite/sqlite.rows';
import { SqliteReadModelStore } from '../read-model-store/sqlite-read-model.store';
import type { ProjectionStatus } from './live-projector';
import { Projector } from './projector';
import { PROJECTIONS } from './projections';

/** What the main thread tells the projector thread, and what it hears back (./projector-thread.ts). */
export interface ProjectorThreadData {
  file: string;
}
export type ToProjectorThread = { kind: 'appended'; position: number } | { kind: 'stop' };
export type FromProjectorThread = { kind: 'positions'; status: ProjectionStatus[] } | { kind: 'started' } | { kind: 'error'; message: string };

/** At most one wake per this many ms (see `appended`); docs/performance.md has the figures that chose it. */
const COALESCE_MS = Number(process.env.PROJECTOR_THREAD_COALESCE_MS ?? 20);
/** Wait this long for the event writer's lock (the main thread's group commit) before a batch gives up and is tried again. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * The events as the projector in this thread reads them: the global order
 * from its own connection, woken by the main thread after each of its
 * commits (and each commit of another process it noticed), never by polling
 * the file: the main thread reports a commit only once it is durable.
 */
class ThreadEvents implements Pick<EventStore, 'readAll' | 'headPosition' | 'onAppended'> {
  private readonly statements: Statements;
  private readonly listeners = new Set<AppendListener>();

  constructor(db: Database.Database) {
    this.statements = prepareStatements(db);
  }

  async readAll(fromPosition: number, limit: number): Promise<StoredEvent[]> {
    return this.statements.readAll.all(fromPosition, limit).map(toStoredEvent);
  }

  async headPosition(): Promise<number> {
    return this.statements.head.get()?.position ?? 0;
  }

  onAppended(listener: AppendListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private pending: NodeJS.Timeout | undefined;
  private lastWake = 0;

  /**
   * Wakes the projector at once if it was last woken `COALESCE_MS` ago or
   * more, else when that time is up: under load the commits in between make
   * one batch (one transaction, one read of each checkpoint) instead of one
   * each; a lone command is applied at once.
   */
  appended(): void {
    if (this.pending) return;
    const wait = this.lastWake + COALESCE_MS - performance.now();
    if (wait <= 0) return this.wake();
    this.pending = setTimeout(() => this.wake(), wait);
  }

  private wake(): void {
    this.pending = undefined;
    this.lastWake = performance.now();
    for (const listener of this.listeners) listener([]);
  }
}

/** The projector in a worker thread, on its own connection to the store's file (opened and migrated by the main thread). */
function run({ file }: ProjectorThreadData): void {
  const port = parentPort!;
  const post = (message: FromProjectorThread) => port.postMessage(message);
  const db = new Database(file, { fileMustExist: true });
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // Read models need no sync of their own: they are made again from the events, which the main thread syncs.
  db.pragma('synchronous = NORMAL');
  db.pragma('secure_delete = ON');
  const events = new ThreadEvents(db);
  // Only readAll, headPosition and onAppended are used by a live projector (a rebuild runs in `cli rebuild`).
  const projector = new Projector(events as unknown as EventStore, new SqliteReadModelStore(db), PROJECTIONS, (error) =>
    post({ kind: 'error', message: error instanceof Error ? error.message : String(error) }),
  );
  let last = '';
  projector.onMoved = () => {
    const status = projector.status();
    const json = JSON.stringify(status);
    if (json === last) return;
    last = json;
    post({ kind: 'positions', status });
  };
  port.on('message', (message: ToProjectorThread) => {
    if (message.kind === 'appended') return events.appended();
    void projector.stop().finally(() => {
      db.close();
      process.exit(0);
    });
  });
  projector.start().then(
    () => post({ kind: 'started' }),
    (error: unknown) => post({ kind: 'error', message: `the projector did not start: ${error instanceof Error ? error.message : String(error)}` }),
  );
}

run(workerData as ProjectorThreadData);
