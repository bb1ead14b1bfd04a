/**
 * Sign-in attempts counted per username and per client address, in memory:
 * after MAX_FAILURES for a username (ADDRESS_FACTOR times as many from an
 * address) within the window, further attempts are refused until the window
 * has passed, so a password cannot be guessed at bcrypt's speed.
 *
 * An attempt is counted when it is let through, before its password is
 * checked, in one synchronous step: parallel attempts cannot all pass a check
 * made before any of them was counted. A success then clears the username's
 * count and gives back its place in the address's. An attempt whose password
 * was never checked (the checks were busy) gives back the username's place
 * only: it says nothing of that password, but the address did send it, and a
 * burst from one address is what the address's limit is for. Bounded: the
 * oldest entries go first.
 */
export const MAX_FAILURES = 5;
export const ADDRESS_FACTOR = 4;
export const WINDOW_MS = 15 * 60_000;
const MAX_ENTRIES = 10_000;

interface Attempts {
  count: number;
  since: number;
}

export class LoginThrottle {
  private readonly attempts = new Map<string, Attempts>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Counts an attempt and answers 0 when it may go on; else the milliseconds to wait, and nothing is counted. */
  reserve(username: string, address: string): number {
    const keys = keysOf(username, address);
    const wait = Math.max(...keys.map((key) => this.waitFor(key)));
    if (wait > 0) return wait;
    for (const key of keys) {
      const entry = this.current(key) ?? { count: 0, since: this.now() };
      entry.count += 1;
      // Re-inserted: the most recently touched entries are the last to be dropped.
      this.attempts.delete(key);
      this.attempts.set(key, entry);
    }
    while (this.attempts.size > MAX_ENTRIES) this.attempts.delete(this.attempts.keys().next().value!);
    return 0;
  }

  /** The password was right: the username starts afresh, and the address does not count it as a failure. */
  succeeded(username: string, address: string): void {
    this.attempts.delete(keysOf(username, address)[0]);
    this.giveBack(keysOf(username, address)[1]);
  }

  /** The attempt was counted but its password never checked: it still counts for the address. */
  unchecked(username: string): void {
    this.giveBack(keysOf(username, '')[0]);
  }

  private giveBack(key: string): void {
    const entry = this.current(key);
    if (entry && --entry.count <= 0) this.attempts.delete(key);
  }

  private waitFor(key: string): number {
    const entry = this.current(key);
    if (!entry || entry.count < MAX_FAILURES * (key.startsWith('a:') ? ADDRESS_FACTOR : 1)) return 0;
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

const keysOf = (username: string, address: string): [string, string] => [`u:${username.toLowerCase()}`, `a:${address}`];
