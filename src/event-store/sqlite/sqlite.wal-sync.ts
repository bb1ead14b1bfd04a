import { open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Called once the sync that covers a commit has ended: with the error if it failed. */
export type Settle = (syncError: unknown) => void;

/**
 * Syncs that make commits durable, off the event loop and one at a time, in
 * commit order. A commit joins the next sync to begin (never one already
 * running, which may have missed its frames); a sync covers every commit that
 * joined it, so while one runs, the commits made meanwhile wait together for
 * the next. Each is answered (settled) only when its own sync has ended, and
 * the commits are settled in the order they were made.
 */
export class SyncPipeline {
  /** Commits made since the running sync began: the next sync covers them. */
  private next: Settle[] = [];
  private running: Settle[] | undefined;

  constructor(private readonly sync: () => Promise<void>) {}

  /** Settles `settle` after a sync that began after this call. */
  add(settle: Settle): void {
    this.next.push(settle);
    this.start();
  }

  /** Resolves once every commit made so far is durable; rejects with the sync's error if that failed. */
  durable(): Promise<void> {
    const group = this.next.length > 0 ? this.next : this.running;
    if (!group) return Promise.resolve();
    return new Promise((resolve, reject) => group.push((error) => (error === undefined ? resolve() : reject(error))));
  }

  /** True while a commit waits for its sync. */
  get busy(): boolean {
    return this.running !== undefined;
  }

  private start(): void {
    if (this.running || this.next.length === 0) return;
    const group = (this.running = this.next);
    this.next = [];
    new Promise<void>((resolve) => resolve(this.sync()))
      .then(
        () => undefined,
        (error: unknown) => error ?? new Error('the disk sync failed'),
      )
      .then((error) => {
        this.running = undefined;
        for (const settle of group) {
          try {
            settle(error);
          } catch {
            // One caller's bug must not leave the others unanswered.
          }
        }
        this.start();
      });
  }
}

/**
 * The database's write-ahead log, made durable by `fdatasync` from libuv's
 * thread pool. One descriptor is kept open: the -wal file is deleted only by
 * the last connection to close, and this connection holds its lock on the
 * database until the store closes; a checkpoint's reset rewrites the file in
 * place and a TRUNCATE checkpoint shortens it, the same file either way.
 */
export class WalFile {
  private handle: Promise<FileHandle> | undefined;

  constructor(private readonly path: string) {}

  readonly sync = async (): Promise<void> => {
    const handle = await (this.handle ??= this.openOnce());
    await handle.datasync();
  };

  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    await (await handle?.catch(() => undefined))?.close();
  }

  private async openOnce(): Promise<FileHandle> {
    let handle: FileHandle | undefined;
    try {
      handle = await open(this.path, 'r');
      // The -wal file may have been made by this connection, its name never synced: SQLite's own
      // first sync of a new journal syncs the folder too, and this one now stands in for it.
      const folder = await open(dirname(this.path), 'r');
      try {
        await folder.sync();
      } finally {
        await folder.close();
      }
      return handle;
    } catch (error) {
      await handle?.close().catch(() => undefined);
      this.handle = undefined; // the next sync tries again
      throw error;
    }
  }
}
