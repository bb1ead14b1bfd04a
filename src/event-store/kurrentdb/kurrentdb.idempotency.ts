import { randomUUID } from 'node:crypto';
import { AppendOptions, AppendResult, EventStore, IdempotencyKeyTakenError, IdempotencyRecord, StoreUnavailableError, StoredEvent } from '../event-store.port';
import type { StorageArchive } from '../archive.port';
import type { Claim, ClaimTable } from '../side-database';

/** Stand-ins for the revision and position in a claimed answer; negative, so never an id or a real revision. */
export const REVISION_MARK = -7_340_033;
export const POSITION_MARK = -7_340_039;

/** The answer for where the events landed: the marked members of the template replaced. */
export function fillAnswer(template: unknown, result: AppendResult): unknown {
  if (template === null || typeof template !== 'object' || Array.isArray(template)) return template;
  return Object.fromEntries(
    Object.entries(template).map(([name, value]) => [name, value === REVISION_MARK ? result.revision : value === POSITION_MARK ? result.position : value]),
  );
}

/** A claim older than this outlived any append (whose deadline is shorter): its owner is gone. */
export const CLAIM_STALE_MS = 30_000;
/** How often a look-up looks again at a claim whose append is still under way. */
const CLAIM_POLL_MS = 50;
/** Enough rounds to wait out a fresh claim and settle it; a bound, not a tuning knob. */
const MAX_ROUNDS = CLAIM_STALE_MS / CLAIM_POLL_MS + 10;

type Idempotency = NonNullable<AppendOptions['idempotency']>;

/**
 * The port's idempotency records for KurrentDB, kept in the relational
 * database beside it (the same one as the read models). No transaction spans
 * both, so a key is claimed before the append and its record written after;
 * the record is written before the claim is let go, so a twin that wins the
 * claim afterwards still finds the record.
 */
export class KurrentIdempotency {
  constructor(
    private readonly claims: ClaimTable,
    /** The store that keeps the finished records (its `idempotency` table). */
    private readonly records: Pick<EventStore, 'findIdempotency'>,
    private readonly archive: Pick<StorageArchive, 'importIdempotency'>,
    /** The events a command appended to a stream, from KurrentDB. */
    private readonly eventsOf: (streamId: string, commandId: string) => Promise<StoredEvent[]>,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Claims the key for this append; IdempotencyKeyTakenError when it is (being) used. */
  async begin(idempotency: Idempotency, streamId: string, commandId: string): Promise<Claim> {
    const { subject, key, route, bodyHash } = idempotency;
    if (await this.records.findIdempotency(subject, key)) throw new IdempotencyKeyTakenError(subject, key);
    const template = idempotency.answer({ revision: REVISION_MARK, position: POSITION_MARK });
    const claim: Claim = { id: randomUUID(), subject, key, route, bodyHash, streamId, commandId, template, at: new Date(this.clock()).toISOString() };
    if (!(await this.claims.claim(claim))) throw new IdempotencyKeyTakenError(subject, key);
    // A twin may have finished between the look-up and the claim: it wrote its record before letting go.
    if (await this.records.findIdempotency(subject, key)) {
      await this.claims.release(claim);
      throw new IdempotencyKeyTakenError(subject, key);
    }
    return claim;
  }

  /** The events are durable: the record is written, then the claim let go. */
  async finish(claim: Claim, answer: unknown): Promise<void> {
    const record: IdempotencyRecord = { subject: claim.subject, key: claim.key, route: claim.route, bodyHash: claim.bodyHash, answer, at: new Date(this.clock()).toISOString() };
    await this.archive.importIdempotency([record]);
    await this.claims.release(claim);
  }

  /** Nothing was appended (a refused revision): the key is free again. */
  abandon(claim: Claim): Promise<void> {
    return this.claims.release(claim);
  }

  /**
   * The record, once there is one. A claim still being written is waited for
   * (at most until it is stale); a stale one is settled by looking in KurrentDB:
   * the command's events are there (the record is written from the claim) or
   * they are not (the claim is dropped and the key is free).
   */
  async find(subject: string, key: string): Promise<IdempotencyRecord | undefined> {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const record = await this.records.findIdempotency(subject, key);
      if (record) return record;
      const claim = await this.claims.find(subject, key);
      if (!claim) return undefined;
      const age = this.clock() - Date.parse(claim.at);
      if (age < CLAIM_STALE_MS) {
        await new Promise((resolve) => setTimeout(resolve, Math.min(CLAIM_POLL_MS, CLAIM_STALE_MS - age)));
        continue;
      }
      const events = await this.eventsOf(claim.streamId, claim.commandId);
      if (events.length === 0) {
        await this.claims.release(claim);
        return undefined;
      }
      const last = events[events.length - 1]!;
      await this.finish(claim, fillAnswer(claim.template, { revision: last.revision, position: last.position }));
    }
    throw new StoreUnavailableError(`the request with Idempotency-Key ${key} is still being written; try again`);
  }
}
