import type { StorageArchive } from './archive.port';
import type { IdempotencyRecord } from './event-store.port';

/**
 * An `Idempotency-Key` taken by one append while it is written to KurrentDB.
 * KurrentDB and the database that keeps the idempotency records share no
 * transaction, so the key is claimed first (one writer wins it, in any number
 * of processes), the events appended, then the record written and the claim let
 * go. A claim left behind by a crash names the stream and command, so a later
 * look-up can see whether the events arrived (kurrentdb.idempotency.ts).
 */
export interface Claim {
  /** Tells this claim from a later one on the same key. */
  id: string;
  subject: string;
  key: string;
  route: string;
  bodyHash: string;
  streamId: string;
  commandId: string;
  /** The answer with marks where the revision and position go (they are known only after the append). */
  template: unknown;
  /** When it was claimed (ISO 8601). */
  at: string;
}

export interface ClaimTable {
  /** False when another append holds the key. */
  claim(claim: Claim): Promise<boolean>;
  find(subject: string, key: string): Promise<Claim | undefined>;
  /** Lets go of this claim (and of no later one on the same key). */
  release(claim: Claim): Promise<void>;
}

/**
 * What the KurrentDB store needs of the relational database beside it: the
 * claims and finished records of `Idempotency-Key`s (KurrentDB shares no
 * transaction with them), and that database's archive for `cli migrate`. The
 * sqlite and postgres storage modules provide it (src/storage/), so the
 * KurrentDB adapter never imports theirs. docs/architecture.md, "Storage modules".
 */
export interface SideDatabase {
  readonly archive: StorageArchive;
  claims(): Promise<ClaimTable>;
  findIdempotency(subject: string, key: string): Promise<IdempotencyRecord | undefined>;
  /** Position of its own last event: a database beside KurrentDB holds none. */
  headPosition(): Promise<number>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
