/**
 * Cards counted per client address, in memory, in fixed windows: at most
 * `limit` a window from one address, then 429 with the seconds until the
 * window ends. One process's count: behind several processes each counts its
 * own (docs/operations.md). Bounded: the oldest addresses go first.
 */
const MAX_ADDRESSES = 10_000;

export class CardRateLimit {
  private readonly windows = new Map<string, { count: number; since: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts the request and answers 0 when it may go on; else the milliseconds to wait (not counted). */
  take(address: string): number {
    const now = this.now();
    let entry = this.windows.get(address);
    if (entry && now - entry.since >= this.windowMs) entry = undefined;
    if (entry && entry.count >= this.limit) return entry.since + this.windowMs - now;
    entry ??= { count: 0, since: now };
    entry.count += 1;
    this.windows.delete(address);
    this.windows.set(address, entry);
    while (this.windows.size > MAX_ADDRESSES) this.windows.delete(this.windows.keys().next().value!);
    return 0;
  }
}
