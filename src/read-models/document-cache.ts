/**
 * A rebuild's own documents, kept between its batches so that a case's next
 * events find its documents without reading and parsing them back: the rebuild
 * is the only writer of its shadow copy, so what it wrote is what is stored.
 * Bounded (least recently used goes first), so memory stays flat however long
 * the log is. Deleted documents are remembered as undefined.
 *
 * It also sets two bits for every key it hands over to be written (a Bloom
 * filter of 2^24 bits, 2 MiB outside the JavaScript heap), so that a key
 * neither held nor ever written is known to be absent from the shadow without
 * a lookup: most misses are a new case's first event, whose documents do not
 * exist yet. Two keys may share bits; that only costs a lookup that finds
 * nothing (about 0.2 % of the misses with the 400,000 keys of a 1M-event
 * caseload). Not a Set of
 * the keys: they keep the strings they were cut from alive, and such a Set
 * raised a 1M-event rebuild's peak RSS from 295 to 433 MB (a Set of hashes,
 * still on the heap: 323–335 MB).
 */
export class DocumentCache {
  private readonly docs = new Map<string, unknown>();
  /** A bit set for every key written to the shadow so far. */
  private readonly written: Uint32Array;
  private readonly bits: number;

  /**
   * `filterBits`: the filter's size, a power of two; smaller where a key let
   * through wrongly costs little (a staging with a synchronous lookup that
   * knows its never-staged keys, as SQLite's does, ./rebuild.ts).
   */
  constructor(
    private readonly limit: number,
    filterBits = FILTER_BITS,
  ) {
    this.bits = filterBits;
    this.written = new Uint32Array(filterBits / 32);
  }

  has(key: string): boolean {
    return this.docs.has(key);
  }

  get(key: string): unknown {
    const doc = this.docs.get(key);
    // Most recently used last.
    this.docs.delete(key);
    this.docs.set(key, doc);
    return doc;
  }

  /** Whether the shadow may hold this key (false: it certainly does not, no lookup needed). */
  mayHold(key: string): boolean {
    const h = keyHash(key);
    const [one, two] = [bit(h, 0, this.bits), bit(h, SECOND, this.bits)];
    return (this.written[one >>> 5]! & (1 << (one & 31))) !== 0 && (this.written[two >>> 5]! & (1 << (two & 31))) !== 0;
  }

  /** A key the store was asked for and does not hold: held as absent (until the cache lets it go). */
  absent(key: string): void {
    this.docs.delete(key);
    this.docs.set(key, undefined);
  }

  /** After a commit: the batch's writes are what the store now holds. */
  remember(writes: ReadonlyMap<string, unknown>): void {
    for (const [key, doc] of writes) {
      const h = keyHash(key);
      const [one, two] = [bit(h, 0, this.bits), bit(h, SECOND, this.bits)];
      this.written[one >>> 5]! |= 1 << (one & 31);
      this.written[two >>> 5]! |= 1 << (two & 31);
      this.docs.delete(key);
      this.docs.set(key, doc);
    }
    for (const key of this.docs.keys()) {
      if (this.docs.size <= this.limit) break;
      this.docs.delete(key);
    }
  }

  get size(): number {
    return this.docs.size;
  }
}

export const FILTER_BITS = 1 << 24;
/** The second bit's hash is the first's, offset before mixing (golden ratio): two bits per key. */
const SECOND = 0x9e3779b9;

/**
 * The key's hash for the filter: FNV-1a's loop with another offset and prime
 * (murmur2's), so that it is independent of the FNV-1a by which the SQLite
 * staging finds a staged key's row (../read-model-store/sqlite-shadow-staging.ts):
 * with the same hash, every key the filter wrongly passed shared at least 24
 * of those bits with a written key, one in 64 of them all 30, and each such
 * match cost a scan of the staging table (99 scans, 1.9 s of a 1M-event
 * rebuild's 17.6 s). Two keys may still share the row's 30 bits: a key found
 * absent that way is remembered as absent (`absent`), so it costs one scan.
 */
function keyHash(key: string): number {
  let h = 0x9747b28c;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x5bd1e995);
  return h;
}

/**
 * One of the key's two bits: its hash, offset, mixed (murmur3's finaliser),
 * cut to the filter's size. Two bits per key: with the 400,000 keys a 1M-event
 * caseload writes, one bit let 2.4 % of the keys never written through, two
 * bits 0.2 %.
 */
function bit(hash: number, offset: number, bits: number): number {
  let h = (hash + offset) | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) % bits;
}
