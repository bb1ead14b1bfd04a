/**
 * A rebuild's own documents, kept between its batches so that a case's next
 * events find its documents without reading and parsing them back: the rebuild
 * is the only writer of its shadow copy, so what it wrote is what is stored.
 * Bounded (least recently used goes first), so memory stays flat however long
 * the log is. Deleted documents are remembered as undefined.
 *
 * It also sets a bit for every key it hands over to be written (a filter of
 * 2^24 bits, 2 MiB outside the JavaScript heap), so that a key neither held
 * nor ever written is known to be absent from the shadow without a lookup:
 * most misses are a new case's first event, whose documents do not exist yet.
 * Two keys may share a bit; that only costs a lookup that finds nothing (about
 * 1 % of the misses with the 100,000 keys of a 1M-event caseload). Not a Set of
 * the keys: they keep the strings they were cut from alive, and such a Set
 * raised a 1M-event rebuild's peak RSS from 295 to 433 MB (a Set of hashes,
 * still on the heap: 323–335 MB).
 */
export class DocumentCache {
  private readonly docs = new Map<string, unknown>();
  /** A bit set for every key written to the shadow so far. */
  private readonly written = new Uint32Array(FILTER_BITS / 32);

  constructor(private readonly limit: number) {}

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
    const bit = hash(key);
    return (this.written[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }

  /** After a commit: the batch's writes are what the store now holds. */
  remember(writes: ReadonlyMap<string, unknown>): void {
    for (const [key, doc] of writes) {
      const bit = hash(key);
      this.written[bit >>> 5]! |= 1 << (bit & 31);
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

const FILTER_BITS = 1 << 24;

/** FNV-1a of the key, cut to the filter's size. */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) % FILTER_BITS;
}
