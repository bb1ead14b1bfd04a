/**
 * Where read models keep their documents and checkpoints. A projection's
 * documents and its checkpoint are written in one transaction (`commit`), so a
 * crash never applies an event twice or skips one.
 *
 * Synchronous on purpose: the embedded store's driver is, and a projector's
 * batch then needs no awaits between reading a document and writing it.
 */
export interface Checkpoint {
  /** The last position applied. */
  position: number;
  /** The projection's version when it was applied; another version means rebuild. */
  version: number;
  /** Set when the reducer threw: the event it could not apply, and why. */
  failure?: { position: number; error: string };
}

export interface ReadModelStore {
  checkpoint(projection: string): Checkpoint | undefined;
  get(projection: string, key: string): unknown;
  /** Every document of a projection, or those whose key starts with `prefix`, in key order. */
  list(projection: string, prefix?: string): unknown[];
  /**
   * Writes the changed documents (undefined: delete) and the checkpoint, atomically,
   * if the checkpoint is still at `from` (0: none); else throws CheckpointMovedError
   * and writes nothing. Two processes (the server and a CLI) can then never both
   * apply the same events.
   */
  commit(projection: string, writes: ReadonlyMap<string, unknown>, checkpoint: Checkpoint, from: number): void;
  /** Drops every document and the checkpoint of a projection. */
  clear(projection: string): void;
  /** Atomically replaces `target`'s documents and checkpoint with `source`'s (a rebuild done aside). */
  replace(target: string, source: string): void;
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
