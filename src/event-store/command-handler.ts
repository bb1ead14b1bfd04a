import { randomUUID } from 'node:crypto';
import { ConcurrencyError } from '../../domain/shared/errors';
import type { Actor, BaseContext, Decider, Message } from '../../domain/shared/decider';
import {
  AppendResult,
  CitizenKeyTakenError,
  EventStore,
  IdempotencyKeyTakenError,
  IdempotencyMismatchError,
  NewCitizenKey,
  NewEvent,
  StoredEvent,
} from './event-store.port';
import { KeyedMutex } from '../shared/keyed-mutex';
import { StreamCache } from './stream-cache';

/** What the HTTP edge knows about a command besides its payload. */
export interface CommandMeta {
  actor: Actor;
  commandId: string;
  correlationId: string;
  /** `If-Match`: the revision the client saw. Absent: the handler retries on a concurrent write. */
  expectedRevision?: number;
  idempotency?: { key: string; route: string; bodyHash: string };
}

export interface CommandOutcome<A> {
  answer: A;
  /** True when the answer was replayed for a repeated Idempotency-Key: nothing was appended. */
  replayed: boolean;
}

export interface CommandSpec<C extends Message, E extends Message, S, X extends BaseContext, A> {
  decider: Decider<C, E, S, X>;
  streamId: string;
  command: C;
  meta: CommandMeta;
  /** Looks up what `decide` needs (a visitor, a citizen) for this state; `now` and `actor` are added here. */
  context?: (state: S) => Promise<Omit<X, keyof BaseContext>>;
  /** Business time of each event (defaults to now). */
  occurredAt?: (event: E, now: string) => string;
  /**
   * Turns the events' personal fields into ciphertext before they are stored
   * (the privacy layer: a key per citizen, written durably before the events,
   * or with them where the store can: SealedWithNewKey).
   */
  protect?: (events: E[], state: S) => Promise<E[] | SealedWithNewKey<E>>;
  /**
   * The command can only start its stream (a referral naming a new case id):
   * unless this process knows the stream, it is decided on the initial state and
   * appended with 'no_stream' without reading the (empty) stream first. If the
   * stream exists after all, the append is refused and the handler reads it and
   * decides again, as after any concurrent write.
   */
  startsStream?: boolean;
  /** The schema version each event is written with (default 1). */
  schemaVersion?: (event: E) => number;
  /** The command's answer; stored for idempotent replays, so ids and revisions only, never personal data. */
  answer: (result: AppendResult) => A;
}

/**
 * Events sealed under a citizen's new key, which the append stores in its own
 * statement (AppendOptions.citizenKey): `kept` once they are durable, `taken`
 * when the citizen had a key already (nothing was appended; the handler decides again).
 */
export interface SealedWithNewKey<E> {
  events: E[];
  citizenKey: NewCitizenKey;
  kept: () => void;
  taken: () => void;
}

/** Retries after a concurrent write when the client did not pin a revision with If-Match. */
const MAX_ATTEMPTS = 5;

/**
 * The one generic command handler: read the stream, fold it, look up what
 * `decide` needs, decide, seal, append with the revision that was read, answer.
 * Every write in the service goes through here: from HTTP after the guard
 * (authorise) and the ValidationPipe (validate), by way of a command table's
 * runner (docs/architecture.md, "The command edge"); from the CLI's seed and
 * `retention` directly.
 *
 * A stream this process read or wrote lately is not read again: its revision
 * and folded state come from the StreamCache, and the append's expected
 * revision (the cached one) is what keeps that right when another process
 * wrote in between (ConcurrencyError: the entry is dropped and the stream read).
 */
export class CommandHandler {
  private readonly perStream = new KeyedMutex();
  readonly cache: StreamCache;

  constructor(
    private readonly store: EventStore,
    private readonly clock: () => Date = () => new Date(),
    cache: StreamCache = new StreamCache(),
  ) {
    this.cache = cache;
  }

  /**
   * Commands on one stream are decided one after another in this process, so
   * they never race each other; the retries below are for other processes.
   */
  handle<C extends Message, E extends Message, S, X extends BaseContext, A>(spec: CommandSpec<C, E, S, X, A>): Promise<CommandOutcome<A>> {
    return this.perStream.run(spec.streamId, () => this.decideAndAppend(spec));
  }

  private async decideAndAppend<C extends Message, E extends Message, S, X extends BaseContext, A>(
    spec: CommandSpec<C, E, S, X, A>,
  ): Promise<CommandOutcome<A>> {
    const { meta } = spec;
    // A stream-starting command skips the read of its empty stream until a refusal says it exists.
    let mayGuess = spec.startsStream === true && meta.expectedRevision === undefined;
    for (let attempt = 1; ; attempt++) {
      // Only a command with an Idempotency-Key can be a replay: the others skip the lookup (and its await).
      const replay = meta.idempotency && (await this.replayed<A>(meta));
      if (replay) return replay;
      const used = { cache: false, guess: false };
      try {
        return { answer: await this.attempt(spec, used, mayGuess), replayed: false };
      } catch (error) {
        if (used.guess) mayGuess = false;
        // A twin request with the same key committed first: answer as it did. A citizen's new key lost
        // its race: seal again under the key that won.
        if ((error instanceof IdempotencyKeyTakenError || error instanceof CitizenKeyTakenError) && attempt < MAX_ATTEMPTS) continue;
        const retry = error instanceof ConcurrencyError && meta.expectedRevision === undefined && attempt < MAX_ATTEMPTS;
        if (!retry) throw error;
        // Only our cached revision (or the guess of an empty stream) was behind: read the stream and decide again at once.
        if (used.cache || used.guess) continue;
        // Another process won the revision: wait a little (more each time, with jitter) before deciding again.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
      }
    }
  }

  private async attempt<C extends Message, E extends Message, S, X extends BaseContext, A>(
    spec: CommandSpec<C, E, S, X, A>,
    used: { cache: boolean; guess: boolean },
    mayGuess: boolean,
  ): Promise<A> {
    const { decider, streamId, meta } = spec;
    // A hot stream comes from the cache without an await; a new one is guessed empty; only a miss reads the store.
    const { revision, state } = this.cached(spec, used) ?? (mayGuess ? this.guessedEmpty(spec, used) : await this.readAndFold(spec));
    if (meta.expectedRevision !== undefined && meta.expectedRevision !== revision) {
      throw new ConcurrencyError(streamId, meta.expectedRevision, revision);
    }
    const now = this.clock().toISOString();
    const looked = spec.context ? await spec.context(state) : {};
    const context = { ...looked, now, actor: meta.actor } as X;
    const decided = decider.decide(spec.command, state, context);
    // Business times are read before encryption: they are never personal data, and stay in clear.
    const occurred = decided.map((event) => (spec.occurredAt ? spec.occurredAt(event, now) : now));
    const sealed = spec.protect ? await spec.protect(decided, state) : decided;
    const { events, citizenKey, kept, taken } = Array.isArray(sealed) ? { events: sealed, citizenKey: undefined, kept: undefined, taken: undefined } : sealed;
    const newEvents = events.map((event, i): NewEvent => ({
      type: event.type,
      data: event.data,
      schemaVersion: spec.schemaVersion ? spec.schemaVersion(event) : 1,
      metadata: {
        eventId: randomUUID(),
        commandId: meta.commandId,
        correlationId: meta.correlationId,
        causationId: meta.commandId,
        actor: meta.actor,
        occurredAt: occurred[i]!,
      },
    }));
    let result: AppendResult;
    try {
      result = await this.store.append(streamId, newEvents, revision, {
        idempotency: meta.idempotency && { ...meta.idempotency, subject: meta.actor.id, answer: spec.answer },
        ...(citizenKey && { citizenKey }),
      });
    } catch (error) {
      if (error instanceof CitizenKeyTakenError) taken?.();
      // Whatever went wrong (another writer, a lost connection after COMMIT), what we knew may be out of date.
      this.cache.drop(streamId);
      throw error;
    }
    kept?.();
    // Folded from the events as stored (sealed). evolve never mutates, so sharing these objects is safe.
    this.cache.set(streamId, { revision: result.revision, state: events.reduce(decider.evolve, state), decider });
    return spec.answer(result);
  }

  /** What this process knows of the stream, when that can be used for this command. */
  private cached<C extends Message, E extends Message, S, X extends BaseContext, A>(
    { decider, streamId, meta }: CommandSpec<C, E, S, X, A>,
    used: { cache: boolean; guess: boolean },
  ): { revision: number; state: S } | undefined {
    const known = this.cache.get(streamId, decider);
    // A pinned revision we do not know may be newer than ours (another process wrote): ask the store.
    if (!known || (meta.expectedRevision !== undefined && meta.expectedRevision !== known.revision)) return undefined;
    used.cache = true;
    return { revision: known.revision, state: known.state as S };
  }

  /** A stream-starting command's stream, taken to be empty without asking the store (the append's 'no_stream' checks it). */
  private guessedEmpty<C extends Message, E extends Message, S, X extends BaseContext, A>(
    { decider }: CommandSpec<C, E, S, X, A>,
    used: { guess: boolean },
  ): { revision: 'no_stream'; state: S } {
    used.guess = true;
    return { revision: 'no_stream', state: decider.initialState() };
  }

  /** The stream read from the store and folded (and then kept in the cache). */
  private async readAndFold<C extends Message, E extends Message, S, X extends BaseContext, A>({
    decider,
    streamId,
  }: CommandSpec<C, E, S, X, A>): Promise<{ revision: number | 'no_stream'; state: S }> {
    const history = await this.store.readStream(streamId);
    const state = history.reduce((s, e) => decider.evolve(s, toMessage<E>(e)), decider.initialState());
    if (history.length === 0) return { revision: 'no_stream', state };
    const revision = history[history.length - 1]!.revision;
    this.cache.set(streamId, { revision, state, decider });
    return { revision, state };
  }

  private async replayed<A>(meta: CommandMeta): Promise<CommandOutcome<A> | undefined> {
    if (!meta.idempotency) return undefined;
    const record = await this.store.findIdempotency(meta.actor.id, meta.idempotency.key);
    if (!record) return undefined;
    if (record.route !== meta.idempotency.route || record.bodyHash !== meta.idempotency.bodyHash) {
      throw new IdempotencyMismatchError(meta.idempotency.key);
    }
    return { answer: record.answer as A, replayed: true };
  }
}

/** A stored event as the decider sees it: `{ type, data }`. */
export const toMessage = <E extends Message>(event: StoredEvent): E => ({ type: event.type, data: event.data }) as E;
