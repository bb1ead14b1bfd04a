import { START } from '@kurrent/kurrentdb-client';
import { isSystemEvent, readPositionFor, toPortPosition, UnsupportedPositionError } from '../../../src/event-store/kurrentdb/kurrentdb.positions';

const at = (n: bigint) => ({ commit: n, prepare: n });

describe('KurrentDB positions as the port sees them', () => {
  it('orders events as the log does, one integer each', () => {
    const log = [0n, 128n, 129n, 4_096n, 7_340_033n];
    const mapped = log.map((p) => toPortPosition(at(p)));
    expect([...mapped].sort((a, b) => a - b)).toEqual(mapped);
    expect(new Set(mapped).size).toBe(log.length);
    expect(mapped.every((p) => p >= 1)).toBe(true);
  });

  it('is exact for log positions up to 2^52 and refuses what lies beyond', () => {
    const largest = 2n ** 52n - 1n;
    const mapped = toPortPosition(at(largest));
    expect(Number.isSafeInteger(mapped)).toBe(true);
    expect(readPositionFor(mapped)).toEqual(at(largest));
    expect(() => toPortPosition(at(2n ** 52n))).toThrow(UnsupportedPositionError);
  });

  it('refuses an event written in an explicit transaction (commit and prepare apart) rather than misorder it', () => {
    expect(() => toPortPosition({ commit: 900n, prepare: 812n })).toThrow(/explicit transaction/);
  });

  it("resumes from a checkpoint at the event's own position: the server can read from there, inclusively", () => {
    for (const log of [1n, 77n, 4_096n, 123_456_789_012n]) {
      const checkpoint = toPortPosition(at(log));
      // readAll(checkpoint) starts at the event itself; readAll(checkpoint + 1), what the projector asks next, too (the event is then dropped).
      expect(readPositionFor(checkpoint)).toEqual(at(log));
      expect(readPositionFor(checkpoint + 1)).toEqual(at(log));
      expect(checkpoint + 1).toBeGreaterThan(checkpoint);
      expect(toPortPosition(at(log + 1n))).toBeGreaterThan(checkpoint + 1);
    }
  });

  it('reads from the start of the log for 0 and 1 (an empty projection)', () => {
    expect(readPositionFor(0)).toBe(START);
    expect(readPositionFor(1)).toBe(START);
    // The first record of the log is at 0: START is the same place.
    expect(readPositionFor(toPortPosition(at(0n)))).toBe(START);
    expect(() => readPositionFor(1.5)).toThrow(RangeError);
  });

  it("skips KurrentDB's own streams and events, not ours", () => {
    expect(isSystemEvent('$stats-127.0.0.1:2113', '$statsCollected')).toBe(true);
    expect(isSystemEvent('$ce-case', '$>')).toBe(true);
    expect(isSystemEvent('$$case-1', '$metadata')).toBe(true);
    expect(isSystemEvent('case-1', '$epoch-information')).toBe(true);
    expect(isSystemEvent('case-5f0c', 'ReferralReceived')).toBe(false);
    expect(isSystemEvent('visitor-9', 'VisitorRegistered')).toBe(false);
  });
});
