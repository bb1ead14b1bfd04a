/** Where a projection stands: the last position applied, and why it stopped if its reducer threw. */
export interface ProjectionStatus {
  name: string;
  position: number;
  /** Set when the reducer threw: the projection has stopped at the event before. */
  failure?: { position: number; error: string };
}

/**
 * What the service asks of the projector that keeps its read models live:
 * the in-process one (./projector.ts), or the one in a worker thread
 * (./projector-thread.ts), chosen once at start (./read-models.module.ts).
 */
export interface LiveProjector {
  readonly projections: ReadonlyArray<{ readonly name: string }>;
  /** Loads the checkpoints and catches up; resolves once caught up. */
  start(): Promise<void>;
  /** Lets a batch under way finish, then applies nothing more. */
  stop(): Promise<void>;
  status(): ProjectionStatus[];
  position(name: string): number;
  /** Resolves true once `name` has applied `position`, false after `timeoutMs`. */
  waitFor(name: string, position: number, timeoutMs: number): Promise<boolean>;
}

export const LIVE_PROJECTOR = Symbol('LIVE_PROJECTOR');
