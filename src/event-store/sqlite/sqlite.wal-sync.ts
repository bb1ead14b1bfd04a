import { close, fdatasync, open } from 'node:fs';
import { open as openHandle, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Called once the sync that covers a commit has ended: with the error if it failed. */
export type Settle = (syncError: unknown) => void;

/** Syncs that may run at once: a commit need not wait for the sync before it to end (the thread pool has four threads). */
const IN_FLIGHT = 2;

/** Commits covered by one sync: answered when it, or a later one, has ended. */
interface Round {
  settles: Settle[];
  /** `running` until its sync (or a later one) has ended; then undefined (durable) or the error. */
  outcome: 'running' | undefined | { error: unknown };
}

/**
 * Syncs that make commits durable, off the event loop, answered in commit
 * order. A commit's sync begins at once (up to IN_FLIGHT at a time; beyond,
 * the commits join the next sync to begin, never one already running, which
 * may have missed their frames). A sync covers every commit made before it
 * began, so when one ends, it and every earlier one still waiting are
 * durable, and are settled, oldest first. A failed sync settles with its
 * error every commit not yet answered: after a failed writeback the kernel
 * may call pages clean that never reached the disk, so no later sync can
 * vouch for them.
 */
export class SyncPipeline {
  /** Unanswered commits, oldest first. */
  private rounds: Round[] = [];
  private running = 0;
  /** Commits waiting for a sync to begin (IN_FLIGHT are running). */
  private next: Settle[] = [];

  constructor(private readonly sync: () => Promise<void>) {}

  /** Settles `settle` after a sync that began after this call. */
  add(settle: Settle): void {
    this.next.push(settle);
    this.start();
  }

  /** Resolves once every commit made so far is durable; rejects with the sync's error if that failed. */
  durable(): Promise<void> {
    const group = this.next.length > 0 ? this.next : this.rounds[this.rounds.length - 1]?.settles;
    if (!group) return Promise.resolve();
    return new Promise((resolve, reject) => group.push((error) => (error === undefined ? resolve() : reject(error))));
  }

  /** True while a commit waits for its sync. */
  get busy(): boolean {
    return this.rounds.length > 0 || this.next.length > 0;
  }

  private start(): void {
    if (this.running >= IN_FLIGHT || this.next.length === 0) return;
    const round: Round = { settles: this.next, outcome: 'running' };
    this.next = [];
    this.rounds.push(round);
    this.running += 1;
    new Promise<void>((resolve) => resolve(this.sync()))
      .then(
        () => undefined,
        (error: unknown) => ({ error: error ?? new Error('the disk sync failed') }),
      )
      .then((outcome) => {
        this.running -= 1;
        this.ended(round, outcome);
        this.start();
      });
  }

  private ended(round: Round, outcome: undefined | { error: unknown }): void {
    const index = this.rounds.indexOf(round);
    if (outcome !== undefined) {
      // Everything not yet answered, and the commits still waiting for a sync, fail with it.
      for (const waiting of this.rounds) waiting.outcome = outcome;
      if (this.next.length > 0) this.rounds.push({ settles: this.next, outcome });
      this.next = [];
    } else {
      // Durable, with every commit before it. (Not found: already answered, when a later sync ended first or one failed.)
      for (let i = 0; i <= index; i++) if (this.rounds[i]!.outcome === 'running') this.rounds[i]!.outcome = undefined;
    }
    while (this.rounds.length > 0 && this.rounds[0]!.outcome !== 'running') {
      const { settles, outcome: settled } = this.rounds.shift()!;
      const error = settled === undefined || settled === 'running' ? undefined : settled.error;
      for (const settle of settles) {
        try {
          settle(error);
        } catch {
          // One caller's bug must not leave the others unanswered.
        }
      }
    }
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
  /** Syncs not yet returned (one may still run after a later one answered its commits). */
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly path: string) {}

  readonly sync = (): Promise<void> => {
    const synced = (this.fd ??= this.openOnce()).then(
      (fd) => new Promise<void>((resolve, reject) => fdatasync(fd, (error) => (error ? reject(error) : resolve()))),
    );
    this.inFlight.add(synced);
    const forget = () => void this.inFlight.delete(synced);
    synced.then(forget, forget);
    return synced;
  };

  /** After the last sync has returned: the descriptor is never closed under one. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
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
