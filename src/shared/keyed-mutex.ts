/**
 * Serialises work per key within this process: commands on one stream, and
 * bookings for one visitor (a decision that depends on more than one stream:
 * two of them cannot both take the last place).
 */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key);
    // A free key (the usual case) starts its work at once, without waiting a microtask for a predecessor.
    const current = previous ? previous.then(work) : startNow(work);
    const tail: Promise<void> = current.then(
      () => this.release(key, tail),
      () => this.release(key, tail),
    );
    this.tails.set(key, tail);
    return current;
  }

  private release(key: string, tail: Promise<void>): void {
    if (this.tails.get(key) === tail) this.tails.delete(key);
  }
}

/** `work()` as a promise, also when it throws before returning one. */
function startNow<T>(work: () => Promise<T>): Promise<T> {
  try {
    return work();
  } catch (error) {
    return Promise.reject(error);
  }
}
