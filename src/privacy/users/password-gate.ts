/**
 * A bound on the password checks under way at once, with a short queue behind
 * it. Each bcrypt check takes a thread of libuv's pool (4 threads, shared with
 * file I/O) and a core for a quarter of a second; unbounded, a burst of
 * sign-ins takes every thread and both cores. Past the queue a sign-in is
 * refused at once (`tryRun` answers undefined) rather than made to wait.
 */
export class PasswordGate {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    readonly maxRunning: number,
    readonly maxWaiting: number,
  ) {}

  /** The check's result, once it has had its turn; undefined at once when every place and the queue are taken. */
  tryRun<T>(check: () => Promise<T>): Promise<T> | undefined {
    if (this.running < this.maxRunning) {
      this.running += 1;
      return this.holding(check);
    }
    if (this.waiting.length >= this.maxWaiting) return undefined;
    return new Promise<void>((resolve) => this.waiting.push(resolve)).then(() => this.holding(check));
  }

  /** Runs the check in a place already taken, then hands the place straight to the next in the queue (so a newcomer cannot overtake it). */
  private async holding<T>(check: () => Promise<T>): Promise<T> {
    try {
      return await check();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
