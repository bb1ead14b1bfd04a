/**
 * A rebuild's own documents, kept between its batches so that a case's next
 * events find its documents without reading and parsing them back: the rebuild
 * is the only writer of its shadow copy, so what it wrote is what is stored.
 * Bounded (least recently used goes first), so memory stays flat however long
 * the log is. Deleted documents are remembered as undefined.
 */
export class DocumentCache {
  private readonly docs = new Map<string, unknown>();
  /** True until a document had to be let go: then every key there is, is here. */
  complete = true;

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

  /** After a commit: the batch's writes are what the store now holds. */
  remember(writes: ReadonlyMap<string, unknown>): void {
    for (const [key, doc] of writes) {
      this.docs.delete(key);
      this.docs.set(key, doc);
    }
    for (const key of this.docs.keys()) {
      if (this.docs.size <= this.limit) break;
      this.docs.delete(key);
      this.complete = false;
    }
  }

  get size(): number {
    return this.docs.size;
  }
}
