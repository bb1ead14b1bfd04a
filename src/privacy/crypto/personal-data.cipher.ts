import { randomBytes } from 'node:crypto';
import type { Message } from '../../../domain/shared/decider';
import type { SealedWithNewKey } from '../../event-store/command-handler';
import { IllegalStateError } from '../../../domain/shared/errors';
import type { CitizenKeys } from './citizen-keys';
import { decrypt, parseSealed, personalStrings, SEALED_V1, SEALED_V2, sealData, SealedValue } from './sealed-form';

/** What a reader sees where an erased person's data was. */
export const ERASED = '[slettet]';

/**
 * Seals each event's personal part (as its type declares it) with AES-256-GCM
 * under the citizen's key, as one envelope per event (src/privacy/crypto/sealed-form.ts);
 * events and read models hold only that. Answers are opened at the edge
 * (src/privacy/answer-privacy.ts); once the key is destroyed, every sealed
 * value reads `[slettet]`.
 */
export class PersonalDataCipher {
  private readonly cache = new Map<string, Buffer>();
  /** Citizens whose proposed new key lost a race: their key is looked up (ensure) from now on. */
  private readonly taken = new Set<string>();

  constructor(private readonly keys: CitizenKeys) {}

  /**
   * The events with their personal parts sealed; the citizen's key is stored first if it is new.
   * Events with nothing personal need no key; personal data for an erased citizen is refused:
   * a new key would keep it after the erasure, and could not open what the old one sealed.
   */
  async protect<E extends Message>(events: E[], citizenId: string, erased = false): Promise<E[]> {
    const cached = erased ? undefined : this.cache.get(citizenId);
    if (cached) return sealAll(events, cached, citizenId);
    // Personal means a text to seal, not a personal field alone: a visit's `themes: []` holds none,
    // and must not be refused after an erasure nor make a key.
    if (!events.some((event) => personalStrings(event.type, event.data).length > 0)) return events;
    if (erased) throw new IllegalStateError('citizen_erased', `citizen ${citizenId} has been erased; no personal data is taken for them`);
    const key = await this.keys.ensure(citizenId);
    this.cache.set(citizenId, key);
    this.taken.delete(citizenId);
    return sealAll(events, key, citizenId);
  }

  /**
   * For a citizen the caller believes new (a referral's new citizen): where the
   * event store writes keys with an append (`keys.storedWithAppend`), a fresh key
   * that the append stores in the events' own statement, so the new case takes
   * one round trip instead of two; it is kept here only once the events are
   * durable. If the citizen had a key after all, nothing was appended: that key
   * is looked up next time. Elsewhere, as `protect`.
   */
  async protectNew<E extends Message>(events: E[], citizenId: string): Promise<E[] | SealedWithNewKey<E>> {
    if (!this.keys.storedWithAppend || this.cache.has(citizenId) || this.taken.has(citizenId)) return this.protect(events, citizenId);
    if (!events.some((event) => personalStrings(event.type, event.data).length > 0)) return events;
    const key = randomBytes(32);
    return {
      events: sealAll(events, key, citizenId),
      citizenKey: { citizenId, key },
      kept: () => this.cache.set(citizenId, key),
      taken: () => {
        key.fill(0);
        this.taken.add(citizenId);
      },
    };
  }

  /** A copy of any JSON value with every sealed string opened (or `[slettet]`). */
  async reveal<T>(value: T): Promise<T> {
    const citizenIds = new Set<string>();
    collect(value, citizenIds);
    if (citizenIds.size === 0) return value;
    const keys = new Map<string, Buffer | undefined>();
    for (const id of citizenIds) keys.set(id, this.cache.get(id) ?? (await this.keys.get(id)));
    return open(value, new Opener(keys)) as T;
  }

  /** After an erasure: forget the key here too. */
  forget(citizenId: string): void {
    this.cache.get(citizenId)?.fill(0);
    this.cache.delete(citizenId);
    this.taken.delete(citizenId);
  }
}

/** The events with their personal parts sealed; the very same events when none has any. */
function sealAll<E extends Message>(events: E[], key: Buffer, citizenId: string): E[] {
  let personal = false;
  const sealed = events.map((event) => {
    const data = sealData(event.type, event.data, key, citizenId);
    if (data === event.data) return event;
    personal = true;
    return { ...event, data } as E;
  });
  return personal ? sealed : events;
}

/** Opens sealed values with the keys of one answer, each envelope once however many of its fields the answer holds. */
class Opener {
  private readonly envelopes = new Map<string, string[] | undefined>();

  constructor(private readonly keys: Map<string, Buffer | undefined>) {}

  /** A value that does not open under the citizen's key (forged, or sealed under a key since destroyed) reads as erased, never as an error. */
  open({ citizenId, packed, index }: SealedValue): string {
    const key = this.keys.get(citizenId);
    if (!key) return ERASED;
    if (index === undefined) return attempt(() => decrypt(key, citizenId, packed)) ?? ERASED;
    let strings = this.envelopes.get(packed);
    if (!this.envelopes.has(packed)) {
      const opened = attempt(() => JSON.parse(decrypt(key, citizenId, packed)) as unknown);
      strings = Array.isArray(opened) ? (opened as string[]) : undefined;
      this.envelopes.set(packed, strings);
    }
    const value = strings?.[index];
    return typeof value === 'string' ? value : ERASED;
  }
}

function attempt<T>(open: () => T): T | undefined {
  try {
    return open();
  } catch {
    return undefined;
  }
}

const looksSealed = (value: string) => value.startsWith(SEALED_V2) || value.startsWith(SEALED_V1);

function collect(value: unknown, ids: Set<string>): void {
  if (typeof value === 'string') {
    const sealed = looksSealed(value) ? parseSealed(value) : undefined;
    if (sealed) ids.add(sealed.citizenId);
  } else if (Array.isArray(value)) value.forEach((item) => collect(item, ids));
  else if (value && typeof value === 'object') Object.values(value).forEach((item) => collect(item, ids));
}

function open(value: unknown, opener: Opener): unknown {
  if (typeof value === 'string') {
    if (!looksSealed(value)) return value;
    const sealed = parseSealed(value);
    // Not a whole sealed value (a malformed one, a stored placeholder alone) is shown as it is, as before.
    return sealed ? opener.open(sealed) : value;
  }
  if (Array.isArray(value)) return value.map((item) => open(item, opener));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, open(v, opener)]));
  return value;
}
