import { close, fdatasync, open } from 'node:fs';
import { open as openHandle, type FileHandle } from 'node:fs/promises';
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
 * (The callback API: a little less work on the event loop per sync than a
 * FileHandle's promise.)
 */
export class WalFile {
  private fd: Promise<number> | undefined;

  constructor(private readonly path: string) {}

  readonly sync = async (): Promise<void> => {
    const fd = await (this.fd ??= this.openOnce());
    await new Promise<void>((resolve, reject) => fdatasync(fd, (error) => (error ? reject(error) : resolve())));
  };

  async close(): Promise<void> {
    const fd = await this.fd?.catch(() => undefined);
    this.fd = undefined;
    if (fd !== undefined) await new Promise<void>((resolve) => close(fd, () => resolve()));
  }

  private async openOnce(): Promise<number> {
    let handle: FileHandle | undefined;
    try {
      const fd = await new Promise<number>((resolve, reject) => open(this.path, 'r', (error, opened) => (error ? reject(error) : resolve(opened))));
      try {
        // The -wal file may have been made by this connection, its name never synced: SQLite's own
        // first sync of a new journal syncs the folder too, and this one now stands in for it.
        handle = await openHandle(dirname(this.path), 'r');
        await handle.sync();
      } catch (error) {
        close(fd, () => undefined);
        throw error;
      }
      return fd;
    } catch (error) {
      this.fd = undefined; // the next sync tries again
      throw error;
    } finally {
      await handle?.close().catch(() => undefined);
    }
  }
}
