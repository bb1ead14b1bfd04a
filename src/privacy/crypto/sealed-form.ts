import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mapPersonal, PersonalTree, personalTreeOf, replacePersonal } from './personal-parts';

/**
 * The sealed forms of personal data (docs/privacy.md, "Encryption and erasure").
 *
 * `enc:v1:<citizenId>:<iv|tag|ciphertext>`: one AES-256-GCM envelope per field,
 * as written before issue #16; still read, and opened, as it is.
 *
 * `enc:v2`: one envelope per event. Its plaintext is the JSON array of the
 * event's personal strings, in the order of its declaration. As the
 * application holds an event, each personal string is a reference into it,
 * `enc:v2:<citizenId>:<n>:<iv|tag|ciphertext>` (the n-th string): a reference
 * stands alone, so a projection can copy one field into a read model and the
 * edge can still open it. As stored, only the first reference carries the
 * envelope; the others are `enc:v2:<n>`, so the envelope is written once.
 */
export const SEALED_V1 = 'enc:v1:';
export const SEALED_V2 = 'enc:v2:';
const V1 = /^enc:v1:([0-9a-f-]{36}):([A-Za-z0-9_-]+)$/;
const CITIZEN_ID = /^[0-9a-f-]{36}$/;

/** A reference into an envelope, or a v1 value (whose `index` is undefined). */
export interface SealedValue {
  citizenId: string;
  packed: string;
  index?: number;
}

/** What a sealed string says, or undefined for any other string (clear text, a stored placeholder). */
export function parseSealed(value: string): SealedValue | undefined {
  if (value.startsWith(SEALED_V2)) {
    // enc:v2:<36-character citizen id>:<n>:<packed>
    const citizenId = value.slice(7, 43);
    const colon = value.indexOf(':', 44);
    if (value.charCodeAt(43) !== 58 || colon < 0 || !CITIZEN_ID.test(citizenId)) return undefined;
    const index = Number(value.slice(44, colon));
    return Number.isSafeInteger(index) && index >= 0 && colon > 44 ? { citizenId, index, packed: value.slice(colon + 1) } : undefined;
  }
  const v1 = value.startsWith(SEALED_V1) ? V1.exec(value) : null;
  return v1 ? { citizenId: v1[1]!, packed: v1[2]! } : undefined;
}

/**
 * Random IVs cut from one 4 KiB draw of the CSPRNG at a time: one call per
 * ~340 envelopes instead of one each. Each slice is used once, so every IV is
 * as random, and as unique, as one drawn alone.
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

/** `iv | tag | ciphertext` in base64url; the citizen id is authenticated with it, so nothing can be moved to another person. */
export function encrypt(key: Buffer, citizenId: string, plain: string): string {
  const iv = freshIv();
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(citizenId));
  // GCM is a stream mode: `final` adds no bytes, it only completes the tag.
  const body = cipher.update(plain, 'utf8');
  cipher.final();
  const packed = Buffer.allocUnsafe(28 + body.length);
  iv.copy(packed, 0);
  cipher.getAuthTag().copy(packed, 12);
  body.copy(packed, 28);
  return packed.toString('base64url');
}

/** The plaintext; throws when it does not open under the key (forged, or sealed under another key). */
export function decrypt(key: Buffer, citizenId: string, packed: string): string {
  const bytes = Buffer.from(packed, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
  decipher.setAAD(Buffer.from(citizenId));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
}

/** The personal strings of an event's data, in declaration order (none: nothing to seal). */
export function personalStrings(type: string, data: unknown): string[] {
  const tree = personalTreeOf(type);
  const strings: string[] = [];
  if (tree) mapPersonal(data, tree, (value) => (strings.push(value), value));
  return strings;
}

/** The event's data with its personal part sealed as one envelope, in the form the application holds. */
export function sealData(type: string, data: unknown, key: Buffer, citizenId: string): unknown {
  const strings = personalStrings(type, data);
  if (strings.length === 0) return data;
  const prefix = `${SEALED_V2}${citizenId}:`;
  const packed = encrypt(key, citizenId, JSON.stringify(strings));
  const tree = personalTreeOf(type)!;
  const references: string[] = [];
  const sealed = mapPersonal(data, tree, () => {
    const reference = `${prefix}${references.length}:${packed}`;
    references.push(reference);
    return reference;
  });
  return storedAs(sealed, tree, references);
}

/**
 * An event's data just read from a store (parsed for this read alone: it is
 * changed in place), in the form the application holds: the stored
 * placeholders made into references. v1 values and data with nothing sealed
 * are left as they are. One walk, as the stored form puts the envelope first;
 * a second only if a placeholder came before it. No regular expression and no
 * match objects: this runs for every personal event of every read.
 */
export function readForm(type: string, data: unknown): unknown {
  const tree = personalTreeOf(type);
  if (!tree) return data;
  // `enc:v2:<citizenId>:` and the packed envelope, from the first whole reference met.
  let head: string | undefined;
  let packed: string | undefined;
  let early = false;
  const fill = (value: string): string => {
    if (!value.startsWith(SEALED_V2)) return value;
    const index = placeholderIndex(value);
    if (index === undefined) {
      if (packed === undefined) {
        const envelope = parseSealed(value);
        if (envelope) [head, packed] = [`${SEALED_V2}${envelope.citizenId}:`, envelope.packed];
      }
      return value;
    }
    if (packed === undefined) {
      early = true;
      return value;
    }
    return `${head}${index}:${packed}`;
  };
  replacePersonal(data, tree, fill);
  if (early && packed !== undefined) replacePersonal(data, tree, fill);
  return data;
}

/** The digits of a stored placeholder `enc:v2:<n>` (n of 1–6 digits), or undefined for anything else. */
function placeholderIndex(value: string): string | undefined {
  if (value.length < 8 || value.length > 13) return undefined;
  for (let i = 7; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  return value.slice(7);
}

/**
 * The stored form of an event's data as the application holds it: what a copy
 * of read events (`cli migrate`) writes, so that the envelope is stored once
 * there too. Freshly sealed data needs no call: it serialises to this itself.
 */
export const storedData = (type: string, data: unknown): unknown => {
  const tree = personalTreeOf(type);
  return tree ? storedForm(data, tree) : data;
};

/**
 * Gives freshly sealed data the stored form as its JSON (non-enumerable, so a
 * copy made by spreading it is plain): every store serialises an appended
 * event's data with JSON.stringify, and so writes the envelope once, whatever
 * the store.
 */
function storedAs(data: unknown, tree: PersonalTree, references: readonly string[]): unknown {
  if (data === null || typeof data !== 'object') return data;
  Object.defineProperty(data, 'toJSON', { value: () => sealedStoredForm(data, tree, references), enumerable: false, configurable: true });
  return data;
}

/**
 * The stored form of data sealed here: its n-th personal string is still the
 * n-th reference made (the very string, so the comparison ends at its pointer),
 * and becomes its placeholder without being parsed again. Data that differs
 * from what was sealed takes the general way.
 */
function sealedStoredForm(data: unknown, tree: PersonalTree, references: readonly string[]): unknown {
  let n = 0;
  let same = true;
  const stored = mapPersonal(data, tree, (value) => {
    const at = n++;
    if (value !== references[at]) same = false;
    return at === 0 ? value : `${SEALED_V2}${at}`;
  });
  return same && n === references.length ? stored : storedForm(data, tree);
}

/** References after the first that carries the envelope become placeholders. */
function storedForm(data: unknown, tree: PersonalTree): unknown {
  let carried: string | undefined;
  return mapPersonal(data, tree, (value) => {
    const sealed = value.startsWith(SEALED_V2) ? parseSealed(value) : undefined;
    if (!sealed) return value;
    if (carried === undefined) {
      carried = sealed.packed;
      return value;
    }
    // A reference into another envelope (sealing never makes one) keeps its own.
    return sealed.packed === carried ? `${SEALED_V2}${sealed.index}` : value;
  });
}
