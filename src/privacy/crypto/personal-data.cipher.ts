import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Message } from '../../../domain/shared/decider';
import type { CitizenKeys } from './citizen-keys';
import { IllegalStateError } from '../../../domain/shared/errors';
import { mapPersonalFields } from './personal-fields';

/** What a reader sees where an erased person's data was. */
export const ERASED = '[slettet]';
const PREFIX = 'enc:v1:';
const SEALED = /^enc:v1:([0-9a-f-]{36}):([A-Za-z0-9_-]+)$/;

/**
 * Seals personal fields with AES-256-GCM under the citizen's key, as
 * `enc:v1:<citizenId>:<iv|tag|ciphertext>`; events and read models hold only
 * that. Answers are opened at the edge (the decrypting interceptor); once the
 * key is destroyed, every sealed value reads `[slettet]`.
 */
export class PersonalDataCipher {
  private readonly cache = new Map<string, Buffer>();

  constructor(private readonly keys: CitizenKeys) {}

  /**
   * The events with their personal fields sealed; the citizen's key is stored first if it is new.
   * Events with nothing personal need no key; personal data for an erased citizen is refused:
   * a new key would keep it after the erasure, and could not open what the old one sealed.
   */
  async protect<E extends Message>(events: E[], citizenId: string, erased = false): Promise<E[]> {
    const cached = erased ? undefined : this.cache.get(citizenId);
    // The usual case (a known citizen, not erased): one walk over the fields, sealing as it goes.
    if (cached) return sealAll(events, cached, citizenId);
    // Nothing personal in them: no key needed. Personal means a text to seal, not a personal field alone: a
    // visit's `themes: []` holds none, and must not be refused after an erasure nor make a key.
    let personal = false;
    for (const event of events) mapPersonalFields(event.data, (plain) => ((personal = true), plain));
    if (!personal) return events;
    if (erased) throw new IllegalStateError('citizen_erased', `citizen ${citizenId} has been erased; no personal data is taken for them`);
    const key = await this.keys.ensure(citizenId);
    this.cache.set(citizenId, key);
    return sealAll(events, key, citizenId);
  }

  /** A copy of any JSON value with every sealed string opened (or `[slettet]`). */
  async reveal<T>(value: T): Promise<T> {
    const citizenIds = new Set<string>();
    collect(value, citizenIds);
    if (citizenIds.size === 0) return value;
    const keys = new Map<string, Buffer | undefined>();
    for (const id of citizenIds) keys.set(id, this.cache.get(id) ?? (await this.keys.get(id)));
    return open(value, keys) as T;
  }

  /** After an erasure: forget the key here too. */
  forget(citizenId: string): void {
    this.cache.get(citizenId)?.fill(0);
    this.cache.delete(citizenId);
  }
}

/**
 * Random IVs cut from one 4 KiB draw of the CSPRNG at a time: one call per
 * ~340 sealed fields instead of one each (a hot spot of every command). Each
 * slice is used once, so every IV is as random, and as unique, as before.
 */
let ivPool = Buffer.alloc(0);
let ivOffset = 0;
function freshIv(): Buffer {
  if (ivOffset + 12 > ivPool.length) {
    ivPool = randomBytes(4096);
    ivOffset = 0;
  }
  ivOffset += 12;
  return ivPool.subarray(ivOffset - 12, ivOffset);
}

/** The events with every personal field sealed; the very same events when none has any. */
function sealAll<E extends Message>(events: E[], key: Buffer, citizenId: string): E[] {
  // The citizen id is authenticated with each text, so a value cannot be moved to another person.
  const aad = Buffer.from(citizenId);
  const prefix = `${PREFIX}${citizenId}:`;
  const sealOne = (plain: string) => seal(key, aad, prefix, plain);
  let personal = false;
  const sealed = events.map((event) => {
    const data = mapPersonalFields(event.data, sealOne);
    if (data === event.data) return event;
    personal = true;
    return { ...event, data };
  });
  return personal ? sealed : events;
}

function seal(key: Buffer, aad: Buffer, prefix: string, plain: string): string {
  const iv = freshIv();
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  // GCM is a stream mode: `final` adds no bytes, it only completes the tag.
  const body = cipher.update(plain, 'utf8');
  cipher.final();
  // iv | tag | ciphertext, copied once into a buffer of the right size.
  const packed = Buffer.allocUnsafe(28 + body.length);
  iv.copy(packed, 0);
  cipher.getAuthTag().copy(packed, 12);
  body.copy(packed, 28);
  return prefix + packed.toString('base64url');
}

function unseal(key: Buffer, citizenId: string, packed: string): string {
  const bytes = Buffer.from(packed, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
  decipher.setAAD(Buffer.from(citizenId));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
}

/** A value that does not open under the citizen's key (forged, or sealed under a key since destroyed) reads as erased, never as an error. */
function unsealOrErased(key: Buffer, citizenId: string, packed: string): string {
  try {
    return unseal(key, citizenId, packed);
  } catch {
    return ERASED;
  }
}

function collect(value: unknown, ids: Set<string>): void {
  if (typeof value === 'string') {
    if (value.startsWith(PREFIX)) {
      const match = SEALED.exec(value);
      if (match) ids.add(match[1]!);
    }
  } else if (Array.isArray(value)) value.forEach((item) => collect(item, ids));
  else if (value && typeof value === 'object') Object.values(value).forEach((item) => collect(item, ids));
}

function open(value: unknown, keys: Map<string, Buffer | undefined>): unknown {
  if (typeof value === 'string') {
    const match = value.startsWith(PREFIX) ? SEALED.exec(value) : null;
    if (!match) return value;
    const key = keys.get(match[1]!);
    return key ? unsealOrErased(key, match[1]!, match[2]!) : ERASED;
  }
  if (Array.isArray(value)) return value.map((item) => open(item, keys));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, open(v, keys)]));
  return value;
}
