import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DateTime } from 'luxon';
import { streamCategory, streamEntityId } from '../../domain/shared/ids';
import { APP_CONFIG, AppConfig } from '../config/config';
import { EVENT_STORE, EventStore } from '../event-store/event-store.port';
import type { CitizenKeys } from '../privacy/crypto/citizen-keys';
import { CITIZEN_KEYS } from '../privacy/crypto/crypto.providers';
import { PersonalDataCipher } from '../privacy/crypto/personal-data.cipher';

export const DEFAULT_CARD_RETENTION_DAYS = 30;
const PAGE = 5000;

export interface CardRetentionResult {
  retentionDays: number;
  /** Decided cards whose key was still there and is due. */
  due: string[];
  shredded: number;
  dryRun: boolean;
}

/**
 * Destroys the key of every referral card accepted or rejected more than
 * `days` ago: its citizen's name, phone, address, the sender and the message
 * then read `[slettet]` in the inbox and in the log for good (an accepted
 * card's data lives on in its case, under the citizen's own key). A card
 * taken in for a citizen since erased goes at the next run, whatever its
 * age. A card still new keeps its key. Run by the server once a day and by
 * `cli card-retention`; destroying is idempotent, so both may run.
 */
export async function shredDecidedCards(
  deps: { store: EventStore; keys: CitizenKeys; cipher?: PersonalDataCipher },
  days: number,
  dryRun: boolean,
  now: Date = new Date(),
): Promise<CardRetentionResult> {
  const decidedAt = new Map<string, string>();
  /** Accepted cards by the citizen they became: an erased citizen's cards go at once, whatever their age. */
  const citizenOf = new Map<string, string>();
  const erased = new Set<string>();
  for (let from = 1; ; ) {
    const page = await deps.store.readAll(from, PAGE);
    if (page.length === 0) break;
    from = page[page.length - 1]!.position + 1;
    for (const event of page) {
      if (event.type === 'CitizenErased') erased.add(streamEntityId(event.streamId));
      if (streamCategory(event.streamId) !== 'intake') continue;
      if (event.type === 'ReferralCardAccepted' || event.type === 'ReferralCardRejected') decidedAt.set(streamEntityId(event.streamId), (event.data as { at: string }).at);
      if (event.type === 'ReferralCardAccepted') citizenOf.set(streamEntityId(event.streamId), (event.data as { citizenId: string }).citizenId);
    }
  }
  const cutoff = DateTime.fromJSDate(now).minus({ days }).toMillis();
  const due: string[] = [];
  for (const [cardId, at] of decidedAt) {
    const past = Date.parse(at) < cutoff || erased.has(citizenOf.get(cardId) ?? '');
    if (past && (await deps.keys.get(cardId)) !== undefined) due.push(cardId);
  }
  if (!dryRun) {
    for (const cardId of due) {
      deps.cipher?.forget(cardId);
      await deps.keys.destroy(cardId);
    }
  }
  return { retentionDays: days, due, shredded: dryRun ? 0 : due.length, dryRun };
}

const DAY_MS = 24 * 60 * 60_000;
const FIRST_RUN_MS = 60_000;

/** The server's daily run of shredDecidedCards (REFERRAL_CARD_RETENTION_DAYS); its timers never keep the process alive. */
@Injectable()
export class CardRetentionTimer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('CardRetention');
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CITIZEN_KEYS) private readonly keys: CitizenKeys,
    private readonly cipher: PersonalDataCipher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setTimeout(() => this.tick(), FIRST_RUN_MS).unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One run now (also what the timer does). */
  run(now: Date = new Date()): Promise<CardRetentionResult> {
    return shredDecidedCards({ store: this.store, keys: this.keys, cipher: this.cipher }, this.config.referralCardRetentionDays ?? DEFAULT_CARD_RETENTION_DAYS, false, now);
  }

  private tick(): void {
    this.running = this.run().then(
      (result) => result.shredded > 0 && this.logger.log({ message: 'referral cards past retention: keys destroyed', count: result.shredded }),
      (error: Error) => this.logger.error({ message: 'referral card retention failed; tried again tomorrow', error: error.message }),
    );
    if (this.timer) this.timer = setTimeout(() => this.tick(), DAY_MS).unref();
  }
}
