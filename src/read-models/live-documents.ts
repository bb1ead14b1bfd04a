/** How many documents the live projector keeps parsed, over every projection. */
const KEPT = 4_000;

/**
 * The documents the live projector last committed, kept parsed, so the next
 * batch that reads one (a case's facts, a month's figures) needs no SELECT and
 * no JSON.parse: on the event loop those were a fifth of the projector's time
 * under HTTP commands (W3). A kept document is the stored one only while the
 * projection's checkpoint is the one this process committed with it: any other
 * checkpoint (another process applied it, a rebuild swapped in, a clear) drops
 * the projection's kept documents. A document handed to a batch leaves the
 * store here, since the reducer may change it in place; what the batch commits
 * comes back.
 */
export class LiveDocuments {
  /** By projection and key, oldest first; `undefined`: known to be absent. */
  private readonly docs = new Map<string, Map<string, unknown>>();
  /** The checkpoint (position and version) each projection's kept documents belong to. */
  private readonly at = new Map<string, string>();
  private count = 0;

  /**
   * Of `keys`, those kept for the checkpoint `from`/`version` (present or known
   * absent), taken out; the rest are for the caller to read.
   */
  take(projection: string, from: number, version: number, keys: Iterable<string>): { found: Map<string, unknown>; missing: string[] } {
    const found = new Map<string, unknown>();
    const missing: string[] = [];
    const kept = this.at.get(projection) === `${from}/${version}` ? this.docs.get(projection) : undefined;
    if (!kept) this.forget(projection);
    for (const key of keys) {
      if (!kept?.has(key)) {
        missing.push(key);
        continue;
      }
      const doc = kept.get(key);
      kept.delete(key);
      this.count -= 1;
      if (doc !== undefined) found.set(key, doc);
    }
    return { found, missing };
  }

  /** After a commit: its writes (`undefined`: deleted) are the stored documents as of `position`. */
  keep(projection: string, position: number, version: number, writes: ReadonlyMap<string, unknown>): void {
    let kept = this.docs.get(projection);
    if (!kept) this.docs.set(projection, (kept = new Map()));
    this.at.set(projection, `${position}/${version}`);
    for (const [key, doc] of writes) {
      if (kept.delete(key)) this.count -= 1;
      kept.set(key, doc);
      this.count += 1;
    }
    this.evict();
  }

  forget(projection?: string): void {
    for (const name of projection === undefined ? [...this.docs.keys()] : [projection]) {
      this.count -= this.docs.get(name)?.size ?? 0;
      this.docs.delete(name);
      this.at.delete(name);
    }
  }

  /** The oldest documents of each projection in turn, until KEPT are left. */
  private evict(): void {
    while (this.count > KEPT) {
      let evicted = false;
      for (const kept of this.docs.values()) {
        const oldest = kept.keys().next();
        if (oldest.done) continue;
        kept.delete(oldest.value);
        this.count -= 1;
        evicted = true;
        if (this.count <= KEPT) return;
      }
      if (!evicted) return;
    }
  }
}
