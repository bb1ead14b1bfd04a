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

  /**
   * The value with every sealed string opened (or `[slettet]`). Only the objects
   * and arrays on the way to a sealed string are copied; everything else is
   * shared with `value` (and `value` itself comes back when nothing is sealed),
   * so the caller must treat the answer as read-only, as it treats `value`.
   * Each event's envelope is decrypted once, however many of its fields the
   * answer holds.
   */
  async reveal<T>(value: T): Promise<T> {
    const found: Found[] = [];
    gather(value, found);
    const keys = new Map<string, Buffer | undefined>();
    for (const { sealed } of found) {
      if (sealed && !keys.has(sealed.citizenId)) keys.set(sealed.citizenId, this.cache.get(sealed.citizenId) ?? (await this.keys.get(sealed.citizenId)));
    }
    if (keys.size === 0) return value;
    return openShared(value, new Opener(keys, found)) as T;
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

/** A string that looks sealed, as `gather` found it, parsed once (undefined: not a whole sealed value). */
interface Found {
  text: string;
  sealed: SealedValue | undefined;
}

/** Opens sealed values with the keys of one answer, each envelope once however many of its fields the answer holds. */
class Opener {
  private readonly envelopes = new Map<string, string[] | undefined>();
  /** The next of `found` in walk order: `openShared` meets the strings in the order `gather` found them. */
  private next = 0;

  constructor(
    private readonly keys: Map<string, Buffer | undefined>,
    private readonly found: readonly Found[],
  ) {}

  /** A string that looks sealed, opened; one that is not a whole sealed value (malformed, a stored placeholder alone) is shown as it is. */
  text(value: string): string {
    const at = this.found[this.next];
    // Parsed already by `gather`, unless the value changed since (another walk order): then parsed again.
    const sealed = at?.text === value ? (this.next++, at.sealed) : parseSealed(value);
    return sealed ? this.open(sealed) : value;
  }

  /** A value that does not open under the citizen's key (forged, or sealed under a key since destroyed) reads as erased, never as an error. */
  private open({ citizenId, packed, index }: SealedValue): string {
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
const own = Object.prototype.hasOwnProperty;

/**
 * Every string that looks sealed, in walk order (own enumerable properties in
 * key order, arrays by index), parsed. `for…in` with an own-property check
 * walks what `Object.keys` would, without an array of keys per object.
 */
function gather(value: unknown, found: Found[]): void {
  if (typeof value === 'string') {
    if (looksSealed(value)) found.push({ text: value, sealed: parseSealed(value) });
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) gather(value[i], found);
  } else if (value !== null && typeof value === 'object') {
    for (const key in value) if (own.call(value, key)) gather((value as Record<string, unknown>)[key], found);
  }
}

/**
 * The value with its sealed strings opened, in the same walk as `gather`:
 * an array or object is copied (a plain one) only if something below it
 * changed, and then only once.
 */
function openShared(value: unknown, opener: Opener): unknown {
  if (typeof value === 'string') return looksSealed(value) ? opener.text(value) : value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const opened = openShared(item, opener);
      if (opened !== item) (copy ??= value.slice())[i] = opened;
    }
    return copy ?? value;
  }
  if (value !== null && typeof value === 'object') {
    let copy: Record<string, unknown> | undefined;
    for (const key in value) {
      if (!own.call(value, key)) continue;
      const item = (value as Record<string, unknown>)[key];
      const opened = openShared(item, opener);
      if (opened === item) continue;
      copy ??= { ...(value as Record<string, unknown>) };
      // A key `__proto__` (JSON.parse makes it an own property) stays a property, never the prototype.
      if (key === '__proto__') Object.defineProperty(copy, key, { value: opened, enumerable: true, writable: true, configurable: true });
      else copy[key] = opened;
    }
    return copy ?? value;
  }
  return value;
}
