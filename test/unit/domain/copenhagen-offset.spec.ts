import fc from 'fast-check';
import { DateTime } from 'luxon';
import { copenhagenPlusMonths } from '../../../domain/shared/copenhagen-offset';
import { followUpDueAt } from '../../../domain/case/case.after-close';

/** What followUpDueAt gave before it stopped calling Luxon on each closing. */
const luxon = (instant: string, months: number) => DateTime.fromISO(instant, { zone: 'Europe/Copenhagen' }).plus({ months }).toUTC().toJSDate().toISOString();

describe("whole months on Copenhagen's calendar, without Luxon on each call", () => {
  it("is Luxon's plus({ months }) for any stored instant and number of months", () => {
    const instant = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) }).map((ms) => new Date(ms).toISOString());
    fc.assert(fc.property(instant, fc.integer({ min: -36, max: 120 }), (at, months) => expect(copenhagenPlusMonths(at, months)).toBe(luxon(at, months))), { numRuns: 20_000 });
  });

  it('keeps the wall time across a change of the clocks, takes the month’s last day, and moves a time in the spring gap on as Luxon does', () => {
    const cases: Array<[string, number]> = [
      ['2026-01-31T10:00:00.000Z', 1], // 31 January → 28 February
      ['2024-01-31T23:30:00.000Z', 1], // already 1 February in Copenhagen → 1 March
      ['2025-09-29T01:30:00.000Z', 6], // 03:30 summer time → 29 March 2026, the day the clocks go forward
      ['2025-09-29T00:30:00.000Z', 6], // 02:30 local → in the gap on 29 March 2026
      ['2026-04-25T00:30:00.000Z', 6], // 02:30 summer time → 25 October, the hour that comes twice
      ['2026-04-25T01:30:00.000Z', 6],
      ['2026-12-31T22:59:59.999Z', 2],
      ['1940-02-14T22:30:00.000Z', 3], // the German occupation's change of the clocks
    ];
    for (const [at, months] of cases) expect(copenhagenPlusMonths(at, months)).toBe(luxon(at, months));
  });

  it('leaves other forms, and fractional months, to Luxon', () => {
    expect(copenhagenPlusMonths('2026-03-01T12:00:00+01:00', 6)).toBe(luxon('2026-03-01T12:00:00+01:00', 6));
    expect(copenhagenPlusMonths('0500-03-01T12:00:00.000Z', 6)).toBe(luxon('0500-03-01T12:00:00.000Z', 6));
    expect(copenhagenPlusMonths('2026-03-01T12:00:00.000Z', 1.5)).toBe(luxon('2026-03-01T12:00:00.000Z', 1.5));
    expect(followUpDueAt('2026-03-31T10:00:00.000Z', 6)).toBe('2026-09-30T10:00:00.000Z');
  });
});
