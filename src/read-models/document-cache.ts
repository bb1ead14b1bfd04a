/**
 * A rebuild's own documents, kept between its batches so that a case's next
 * events find its documents without reading and parsing them back: the rebuild
 * is the only writer of its shadow copy, so what it wrote is what is stored.
 * Bounded (least recently used goes first), so memory stays flat however long
 * the log is. Deleted documents are remembered as undefined.
 *
 * It also remembers every key it was ever handed (about 60 bytes a key: tens
 * of MB at a million events), so that a key neither held nor ever written is
 * known to be absent from the shadow without a lookup: most misses are a new
 * case's first event, whose documents do not exist yet.
 */
export class DocumentCache {
  private readonly docs = new Map<string, unknown>();
  /** Every key written to the shadow so far. */
  private readonly written = new Set<string>();

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
    return this.written.has(key);
  }

  /** After a commit: the batch's writes are what the store now holds. */
  remember(writes: ReadonlyMap<string, unknown>): void {
    for (const [key, doc] of writes) {
      this.written.add(key);
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
