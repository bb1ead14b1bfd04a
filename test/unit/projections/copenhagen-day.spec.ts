import fc from 'fast-check';
import { DateTime } from 'luxon';
import { copenhagenDay, copenhagenOffset } from '../../../projections/shared/copenhagen-day';
import { copenhagenDate } from '../../../projections/shared/time';

describe("Copenhagen's date of an instant, without Luxon on each call", () => {
  const iso = (ms: number, offset: string) => new Date(ms).toISOString().replace('Z', offset);

  it('is the date copenhagenDate gives, for any instant and offset it is written with', () => {
    const instant = fc.tuple(fc.integer({ min: Date.UTC(1890, 0, 1), max: Date.UTC(2100, 0, 1) }), fc.constantFrom('Z', '+00:00', '+02:00', '-05:30', '+14:00'));
    fc.assert(fc.property(instant, ([ms, offset]) => expect(copenhagenDay(iso(ms, offset))).toBe(copenhagenDate(iso(ms, offset)))), { numRuns: 20_000 });
  });

  it('turns at midnight on the days the clocks change, and at the turn of a month', () => {
    for (const at of ['2026-03-28T22:59:59.999Z', '2026-03-28T23:00:00.000Z', '2026-03-29T00:59:59.999Z', '2026-03-29T01:00:00.000Z', '2026-03-29T21:59:59.999Z', '2026-03-29T22:00:00.000Z',
      '2026-10-24T21:59:59.999Z', '2026-10-24T22:00:00.000Z', '2026-10-25T00:59:59.999Z', '2026-10-25T01:00:00.000Z', '2026-10-25T22:59:59.999Z', '2026-10-25T23:00:00.000Z',
      '2026-03-31T21:30:00.000Z', '1893-12-31T23:30:00.000Z', '1940-05-14T22:30:00.000Z']) {
      expect(copenhagenDay(at)).toBe(copenhagenDate(at));
    }
  });

  it("gives Luxon's offset for any instant, and on either side of each change of the clocks (the seed's calendar reckons with it)", () => {
    const luxon = (ms: number) => DateTime.fromMillis(ms, { zone: 'Europe/Copenhagen' }).offset * 60_000;
    fc.assert(fc.property(fc.integer({ min: Date.UTC(1890, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => expect(copenhagenOffset(ms)).toBe(luxon(ms))), { numRuns: 20_000 });
    for (const at of ['2026-03-29T00:59:59.999Z', '2026-03-29T01:00:00.000Z', '2026-10-25T00:59:59.999Z', '2026-10-25T01:00:00.000Z', '1940-05-14T22:59:59.999Z', '1940-05-14T23:00:00.000Z']) {
      expect(copenhagenOffset(Date.parse(at))).toBe(luxon(Date.parse(at)));
    }
  });
});
