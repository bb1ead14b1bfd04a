import { performance } from 'node:perf_hooks';

/** The heartbeat's period. */
const INTERVAL_MS = 20;

/**
 * How late the event loop is, as a request meets it. Node starts a request's
 * clock (`reply.elapsedTime`) only when it reads the request: one that waited
 * behind a blocked loop shows as quick (/health logged 0 ms after waiting
 * 29.5 s behind a dashboard). A heartbeat every 20 ms notes how late it ran;
 * the turn of the loop after a stall runs the late heartbeat (timers) before
 * it reads what arrived meanwhile (poll), so those requests meet the stall,
 * and the next turn (setImmediate) no longer does.
 */
export class LoopDelay {
  private lastTick = performance.now();
  /** The stall the heartbeat found in this turn of the loop, ms. */
  private stall = 0;
  private readonly timer: NodeJS.Timeout;

  constructor() {
    this.timer = setInterval(() => this.tick(), INTERVAL_MS);
    // Never what keeps the process alive.
    this.timer.unref();
  }

  /** How late the loop is in the turn reading a request, ms: the longest a request read now may have waited unread. */
  now(): number {
    return Math.max(this.stall, performance.now() - this.lastTick - INTERVAL_MS, 0);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private tick(): void {
    const now = performance.now();
    const late = now - this.lastTick - INTERVAL_MS;
    this.lastTick = now;
    if (late < 1) return;
    this.stall = late;
    setImmediate(() => (this.stall = 0));
  }
}
