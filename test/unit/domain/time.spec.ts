import { DateTime } from 'luxon';
import { toUtc } from '../../../domain/shared/time';

/** What toUtc answered when luxon read every value; the fast path must agree with it everywhere. */
const byLuxon = (value: string): string | undefined => {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/.test(value)) return undefined;
  const parsed = DateTime.fromISO(value, { setZone: true });
  return parsed.isValid ? parsed.toUTC().toISO()! : undefined;
};

/** A small seeded generator, so a failure can be reproduced. */
function generator(seed: number) {
  let state = seed >>> 0;
  return (max: number) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * max);
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

describe('toUtc reads an instant with an offset into UTC ISO 8601', () => {
  it('reads a Copenhagen time into UTC', () => {
    expect(toUtc('2026-03-02T09:15:00+01:00')).toBe('2026-03-02T08:15:00.000Z');
    expect(toUtc('2026-07-01T09:15+02:00')).toBe('2026-07-01T07:15:00.000Z');
    expect(toUtc('2026-12-31T23:30:00.1234-01:00')).toBe('2027-01-01T00:30:00.123Z');
  });

  it('refuses dates that do not exist and times without an offset', () => {
    expect(toUtc('2026-02-30T10:00:00Z')).toBeUndefined();
    expect(toUtc('2026-02-29T10:00:00Z')).toBeUndefined();
    expect(toUtc('2026-13-01T10:00:00Z')).toBeUndefined();
    expect(toUtc('2026-03-02T09:15:00')).toBeUndefined();
    expect(toUtc('2026-03-02')).toBeUndefined();
  });

  it('answers exactly as luxon does, for everyday and odd values alike', () => {
    const next = generator(20261201);
    const values = ['2024-02-29T12:00:00Z', '2026-03-29T02:30:00+01:00', '2026-01-01T24:00:00Z', '0999-12-31T23:00:00-01:00', '9999-12-31T23:00:00-14:00', '2026-05-05T05:05:60Z', '2026-05-05T05:05:05+15:00', '2026-05-05T05:05:05.999999999+00:59'];
    for (let i = 0; i < 20_000; i++) {
      const year = next(10) === 0 ? next(10_000) : 1990 + next(50);
      const offset = next(4) === 0 ? 'Z' : `${next(2) ? '+' : '-'}${pad(next(next(10) === 0 ? 24 : 15))}:${pad(next(4) === 0 ? next(100) : next(2) * 30)}`;
      const seconds = next(3) === 0 ? '' : `:${pad(next(next(20) === 0 ? 100 : 60))}${next(2) ? '' : `.${String(next(1e9)).slice(0, 1 + next(9))}`}`;
      values.push(`${pad(year, 4)}-${pad(next(14))}-${pad(next(33))}T${pad(next(next(20) === 0 ? 100 : 24))}:${pad(next(next(20) === 0 ? 100 : 60))}${seconds}${offset}`);
    }
    const disagreements = values.filter((value) => toUtc(value) !== byLuxon(value));
    expect(disagreements).toEqual([]);
  });

  it('reads an instant already as stored (UTC, milliseconds, Z) as itself, and a stored-looking one that does not exist as luxon does', () => {
    const next = generator(20261202);
    const values = ['2026-02-30T10:00:00.000Z', '2024-02-29T23:59:59.999Z', '2026-01-01T24:00:00.000Z', '2026-05-05T05:05:60.000Z', '1000-12-31T23:00:00.000Z', '9999-01-01T00:00:00.000Z'];
    for (let i = 0; i < 5_000; i++) {
      const year = next(10) === 0 ? next(10_000) : 1990 + next(50);
      values.push(`${pad(year, 4)}-${pad(next(14))}-${pad(next(33))}T${pad(next(26))}:${pad(next(61))}:${pad(next(62))}.${pad(next(1000), 3)}Z`);
    }
    expect(values.filter((value) => toUtc(value) !== byLuxon(value))).toEqual([]);
    expect(toUtc('2026-12-01T12:31:00.352Z')).toBe('2026-12-01T12:31:00.352Z');
  });

  it('answers the same when asked again, also for refused and long texts, and after more values than it remembers', () => {
    const values = ['2026-03-02T09:15:00+01:00', '2026-02-30T10:00:00Z', 'no time at all', `2026-03-02T09:15:00${'0'.repeat(50)}Z`];
    const first = values.map((value) => toUtc(value));
    for (let i = 0; i < 1_000; i++) toUtc(`2026-01-01T00:00:${pad(i % 60)}.${pad(i, 3)}Z`);
    const again = values.map((value) => toUtc(value));
    expect(again).toEqual(first);
    expect(again).toEqual(values.map(byLuxon));
    expect([0, 1, 2].map(() => toUtc('2026-07-01T09:15+02:00'))).toEqual(Array(3).fill('2026-07-01T07:15:00.000Z'));
  });
});
