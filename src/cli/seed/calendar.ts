import { copenhagenOffset } from '../../../projections/shared/copenhagen-day';
import type { Random } from './random';

/**
 * When things happen in a seeded world, in Copenhagen time as the people in it
 * live it: visits on a working day in the daytime, on the quarter hour, and
 * the same wall-clock time a week on also across a change to or from summer time.
 *
 * Wall-clock arithmetic on "local" milliseconds (UTC + the offset then), with
 * the offset looked up once per UTC day (copenhagenOffset): a DateTime per call
 * cost 25 µs, a tenth of the seed's time of its own, and once per UTC hour
 * still ~8 µs a command of the bench's W1/W2, whose stories are told as they run.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const offsetAt = copenhagenOffset;

const toLocal = (ms: number) => ms + offsetAt(ms);
/** The instant a Copenhagen wall-clock time names (the daytime never falls in a change's gap). */
const fromLocal = (local: number) => local - offsetAt(local - offsetAt(local - 2 * HOUR));

/** Monday to Friday: a local time on a weekend moves on to the Monday. */
function workday(local: number): number {
  const weekday = new Date(local).getUTCDay(); // 0 Sunday … 6 Saturday
  return weekday === 6 ? local + 2 * DAY : weekday === 0 ? local + DAY : local;
}

const startOfLocalDay = (local: number) => Math.floor(local / DAY) * DAY;

/** The start of the Copenhagen day of `ms`. */
export const startOfDay = (ms: number): number => fromLocal(startOfLocalDay(toLocal(ms)));

/** An agreed visit on the first working day on or after `ms`: 9.00 to 15.45, on the quarter hour. */
export function appointment(ms: number, random: Random): number {
  const day = workday(startOfLocalDay(toLocal(ms)));
  return fromLocal(day + random.int(9, 15) * HOUR + 15 * random.int(0, 3) * 60_000);
}

/** The same wall-clock time `days` later, on a working day. */
export const sameTimeLater = (ms: number, days: number): number => fromLocal(workday(toLocal(ms) + days * DAY));

/** Office hours on the day of `ms` (8.00 to 15.59): when a referral arrives or a coordinator acts on it. */
export function officeHours(ms: number, random: Random): number {
  const day = startOfLocalDay(toLocal(ms));
  return fromLocal(day + random.int(8, 15) * HOUR + random.int(0, 59) * 60_000);
}
