import { START, type Position, type ReadPosition } from '@kurrent/kurrentdb-client';

/**
 * KurrentDB's `$all` positions are `{ commit, prepare }` pairs of 64-bit log
 * offsets, not dense integers, and `$all` can only be read from the position of
 * a record that exists (a position inside a record is refused as invalid). The
 * port, the projector and the HTTP contract use one integer, so the adapter maps:
 *
 *   port position = 2 × commit + 1
 *
 * - It orders events as the log does, and is exact while commit < 2^52 (4 PiB of log).
 * - A checkpoint `p` the port handed out and `p + 1` (what every reader asks for
 *   next) both lead back to a real event's commit position: `readAll(n)` starts
 *   at commit ⌊(n − 1) / 2⌋, which the server reads inclusively, and drops the
 *   events below `n` (the one at that commit when `n` is even).
 * - Only the commit position is kept. KurrentDB's client documentation says to
 *   checkpoint "the event's commit or prepare position", both together only where
 *   the legacy TCP client wrote explicit transactions; this service never does,
 *   and an event whose two positions differ is refused loudly, not misordered.
 *
 * docs/adr/0007-kurrentdb-store.md gives the reasoning.
 */
const LARGEST_COMMIT = 2n ** 52n - 1n;

export class UnsupportedPositionError extends Error {
  override name = 'UnsupportedPositionError';
}

/** The port's position of an event at this `$all` position. */
export function toPortPosition({ commit, prepare }: Position): number {
  if (commit !== prepare) {
    throw new UnsupportedPositionError(
      `an event at commit ${commit} and prepare ${prepare}: written in an explicit transaction (legacy TCP client), which this store does not support`,
    );
  }
  if (commit < 0n || commit > LARGEST_COMMIT) throw new UnsupportedPositionError(`commit position ${commit} lies beyond 2^52`);
  return Number(commit) * 2 + 1;
}

/** Where `readAll(from)` starts reading `$all` (inclusive); events below `from` are then dropped. */
export function readPositionFor(from: number): ReadPosition {
  if (!Number.isSafeInteger(from)) throw new RangeError(`a position must be a whole number, got ${from}`);
  if (from <= 1) return START;
  const commit = BigInt(Math.floor((from - 1) / 2));
  return { commit, prepare: commit };
}

/** System streams and events (`$stats-…`, `$>` links, `$$…` stream metadata, `$epoch-information`) are never ours. */
export const isSystemEvent = (streamId: string, type: string): boolean => streamId.startsWith('$') || type.startsWith('$');
