/** What this process last knew of a stream: its revision and the state folded up to it. */
export interface KnownStream {
  revision: number;
  state: unknown;
  /** The decider the state was folded with; another decider on the same stream id never sees it. */
  decider: unknown;
}

/**
 * A bounded map of streams this process read or appended to, least recently
 * used first out. It is a guess, never the truth: an append made from it
 * still carries the cached revision as its expected revision, so a write by
 * another process since then makes that append fail (ConcurrencyError), and
 * the command handler drops the entry and reads the stream again. Because a
 * stream only grows, an unchanged revision means an unchanged history.
 */
export class StreamCache {
  private readonly entries = new Map<string, KnownStream>();

  constructor(readonly capacity = 10_000) {}

  get(streamId: string, decider: unknown): KnownStream | undefined {
    const entry = this.entries.get(streamId);
    if (!entry || entry.decider !== decider) return undefined;
    // Map keeps insertion order: moving a hit to the end makes the first key the least recently used.
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    return entry;
  }

  set(streamId: string, entry: KnownStream): void {
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  drop(streamId: string): void {
    this.entries.delete(streamId);
  }

  get size(): number {
    return this.entries.size;
  }
}
