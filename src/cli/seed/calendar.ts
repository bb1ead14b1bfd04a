import { DateTime } from 'luxon';
import type { Random } from './random';

/**
 * When things happen in a seeded world, in Copenhagen time as the people in it
 * live it: visits on a working day in the daytime, on the quarter hour, and
 * the same wall-clock time a week on also across a change to or from summer time.
 */
const ZONE = 'Europe/Copenhagen';
const at = (ms: number) => DateTime.fromMillis(ms, { zone: ZONE });

/** Monday to Friday: a weekend day moves on to the Monday. */
const workday = (day: DateTime): DateTime => (day.weekday > 5 ? day.plus({ days: 8 - day.weekday }) : day);

/** The start of the Copenhagen day of `ms`. */
export const startOfDay = (ms: number): number => at(ms).startOf('day').toMillis();

/** An agreed visit on the first working day on or after `ms`: 9.00 to 15.45, on the quarter hour. */
export function appointment(ms: number, random: Random): number {
  return workday(at(ms).startOf('day')).set({ hour: random.int(9, 15), minute: 15 * random.int(0, 3) }).toMillis();
}

/** The same wall-clock time `days` later, on a working day. */
export const sameTimeLater = (ms: number, days: number): number => workday(at(ms).plus({ days })).toMillis();

/** Office hours on the day of `ms` (8.00 to 15.59): when a referral arrives or a coordinator acts on it. */
export function officeHours(ms: number, random: Random): number {
  return at(ms).set({ hour: random.int(8, 15), minute: random.int(0, 59), second: 0, millisecond: 0 }).toMillis();
}
