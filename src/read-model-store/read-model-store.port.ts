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

/** One shadow's share of a stage: the documents changed since the last one (undefined: deleted), and how far it has applied. */
export interface StagedBatch {
  projection: string;
  writes: ReadonlyMap<string, unknown>;
  checkpoint: Checkpoint;
}

/**
 * A rebuild's writes into fresh shadow copies (cleared just before, written by
 * this rebuild alone). Where the store can (SQLite), documents are staged
 * append-only, with no index to keep in key order, and `finish` puts each
 * key's last version into the shadow in key order, with the final checkpoints,
 * in one transaction: writing into a large index in random key order at every
 * commit was most of a 1M-event rebuild (docs/performance.md's history, git log -p, W4). Until then
 * the shadows hold nothing; a crash leaves them empty, and the next rebuild
 * starts them again anyway. Elsewhere each stage is a commit, as before.
 */
export interface ShadowStaging {
  stage(batches: readonly StagedBatch[]): Promise<void>;
  /** The last staged versions of these keys (absent and deleted ones left out). */
  getMany(projection: string, keys: readonly string[]): Promise<Map<string, unknown>>;
  /**
   * One key's last staged version (undefined: absent or deleted), read at
   * once, where the store can (SQLite): the rebuild then fetches a document
   * when its reducer asks for it, instead of going over every event's keys
   * before applying them in case one must be fetched (seldom).
   */
  readonly getNow?: (projection: string, key: string) => unknown;
  /**
   * The last writes and the final checkpoints, then every shadow in place, in
   * one transaction: all of them, or (CheckpointMovedError: another rebuild
   * took a shadow meanwhile) none.
   */
  finish(batches: readonly StagedBatch[]): Promise<void>;
  /** Lets what was staged go (after `finish`, or instead of it when the rebuild failed). */
  discard(): Promise<void>;
}

