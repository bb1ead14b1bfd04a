import type { ShadowStaging } from './shadow-staging';

/**
 * Where read models keep their documents and checkpoints: the SQLite file, or
 * PostgreSQL beside its events. A projection's documents and its checkpoint are
 * written in one transaction (`commit`), so a crash never applies an event
 * twice or skips one.
 */
export interface Checkpoint {
  /** The last position applied. */
  position: number;
  /** The projection's version when it was applied; another version means rebuild. */
  version: number;
  /** Set when the reducer threw: the event it could not apply, and why. */
  failure?: { position: number; error: string };
}

/** One projection's share of a commit: its changed documents and new checkpoint, from the checkpoint it began at. */
export interface ProjectionBatch {
  projection: string;
  writes: ReadonlyMap<string, unknown>;
  checkpoint: Checkpoint;
  from: number;
}

export interface ReadModelStore {
  checkpoint(projection: string): Promise<Checkpoint | undefined>;
  /** The documents with these keys (absent ones left out). */
  getMany(projection: string, keys: readonly string[]): Promise<Map<string, unknown>>;
  get(projection: string, key: string): Promise<unknown>;
  /** Every document of a projection, or those whose key starts with `prefix`, in key order. */
  list(projection: string, prefix?: string): Promise<unknown[]>;
  /**
   * Writes the changed documents (undefined: delete) and the checkpoint, atomically,
   * if the checkpoint is still at `from` (0: none); else throws CheckpointMovedError
   * and writes nothing. Two processes can then never both apply the same events.
   */
  commit(projection: string, writes: ReadonlyMap<string, unknown>, checkpoint: Checkpoint, from: number): Promise<void>;
  /** `commit` for several projections in one transaction: all of them, or (CheckpointMovedError) none. */
  commitAll(batches: readonly ProjectionBatch[]): Promise<void>;
  /** Drops every document and the checkpoint of a projection (at once; the space comes back with purgeDropped). */
  clear(projection: string): Promise<void>;
  /**
   * Atomically replaces `target`'s documents and checkpoint with `source`'s (a
   * rebuild done aside); `source` is empty afterwards. Moves no rows.
   */
  replace(target: string, source: string): Promise<void>;
  /**
   * Begins writing fresh shadow copies (just cleared, written by the caller
   * alone): see ShadowStaging. Call `finish` or let it go; nothing needs closing.
   */
  stageShadows(projections: readonly string[]): Promise<ShadowStaging>;
  /** Deletes up to `limit` rows that clear or replace left behind; 0 when there are none left. */
  purgeDropped(limit: number): Promise<number>;
  close(): Promise<void>;
}

/** Another process moved the checkpoint since the batch began: read it again and redo the batch. */
export class CheckpointMovedError extends Error {
  constructor(
    readonly projection: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`the ${projection} checkpoint is at ${actual}, not ${expected}`);
    this.name = 'CheckpointMovedError';
  }
}

export const READ_MODEL_STORE = Symbol('READ_MODEL_STORE');
