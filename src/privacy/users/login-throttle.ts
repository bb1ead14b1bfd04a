/**
 * Failed sign-ins counted per username and per client address, in memory: after
 * MAX_FAILURES within the window, further attempts are refused until the window
 * has passed, so a password cannot be guessed at bcrypt's speed. A success
 * clears the username's count. Bounded: the oldest entries go first.
 */
export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60_000;
const MAX_ENTRIES = 10_000;

interface Attempts {
  failures: number;
  since: number;
}

export class LoginThrottle {
  private readonly attempts = new Map<string, Attempts>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Milliseconds to wait before trying again, or 0 when an attempt may be made. */
  retryAfter(username: string, address: string): number {
    return Math.max(this.waitFor(`u:${username.toLowerCase()}`), this.waitFor(`a:${address}`));
  }

  failed(username: string, address: string): void {
    for (const key of [`u:${username.toLowerCase()}`, `a:${address}`]) {
      const entry = this.current(key) ?? { failures: 0, since: this.now() };
      entry.failures += 1;
      this.attempts.delete(key);
      this.attempts.set(key, entry);
    }
    while (this.attempts.size > MAX_ENTRIES) this.attempts.delete(this.attempts.keys().next().value!);
  }

  succeeded(username: string): void {
    this.attempts.delete(`u:${username.toLowerCase()}`);
  }

  private waitFor(key: string): number {
    const entry = this.current(key);
    if (!entry || entry.failures < MAX_FAILURES * (key.startsWith('a:') ? 4 : 1)) return 0;
    return entry.since + WINDOW_MS - this.now();
  }

  private current(key: string): Attempts | undefined {
    const entry = this.attempts.get(key);
    if (entry && this.now() - entry.since >= WINDOW_MS) {
      this.attempts.delete(key);
      return undefined;
    }
    return entry;
  }
}
