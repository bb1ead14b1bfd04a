import type { StoredEvent } from './event-store.port';
import type { AppendListeners } from './listeners';

/** How long an append waits for its own events to reach the subscribers before it answers anyway. */
const REPORT_WAIT_MS = 1000;

/**
 * Tells a store's subscribers of every committed event once, in order, when
 * commits from several processes become visible out of order: it always reads
 * on from the last position it reported (through the store's safe `readAll`).
 */
export class OrderedReporter {
  /** The last position the subscribers have heard of. */
  reported = 0;
  private reporting: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private readonly waiters = new Set<() => void>();

  constructor(
    private readonly readAfter: (from: number) => Promise<StoredEvent[]>,
    private readonly listeners: AppendListeners,
  ) {}

  async stop(): Promise<void> {
    this.stopped = true;
    await this.reporting;
  }

  /** Reads on from the last reported position and tells the subscribers, in order, once each. */
  report(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.reporting) {
      this.again = true;
      return this.reporting;
    }
    this.reporting = (async () => {
      try {
        do {
          this.again = false;
          for (;;) {
            const events = await this.readAfter(this.reported + 1);
            if (events.length === 0) break;
            this.reported = events[events.length - 1]!.position;
            this.listeners.notify(events);
          }
          for (const wake of [...this.waiters]) wake();
        } while (this.again && !this.stopped);
      } catch {
        // The next notification or append tries again.
      } finally {
        this.reporting = undefined;
      }
    })();
    return this.reporting;
  }

  /**
   * After our own commit: when nothing lies between what was reported and our
   * events, report them straight away (no read back); otherwise read on in order.
   */
  async reportOwn(stored: StoredEvent[]): Promise<void> {
    if (!this.reporting && stored[0]!.position === this.reported + 1) {
      this.reported = stored[stored.length - 1]!.position;
      this.listeners.notify(stored);
      return;
    }
    await this.reportedUpTo(stored[stored.length - 1]!.position);
  }

  /**
   * Waits (briefly) until the subscribers have heard of `position`, so a command
   * that follows this one in the process sees its effect. An older transaction
   * still in flight can hold it back: then the append answers anyway.
   */
  private async reportedUpTo(position: number): Promise<void> {
    void this.report();
    if (this.reported >= position) return;
    await new Promise<void>((resolve) => {
      const check = () => {
        if (this.reported < position) return void this.report();
        done();
      };
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(done, REPORT_WAIT_MS);
      this.waiters.add(check);
    });
  }

}
