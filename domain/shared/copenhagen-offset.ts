import { DateTime } from 'luxon';

const ZONE = 'Europe/Copenhagen';
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Before this, Copenhagen kept local mean time (an offset in seconds); after it, years may have more than four digits. */
const FIRST_MS = Date.UTC(1900, 0, 1);
const LAST_MS = Date.UTC(9999, 0, 1);
/** Entries each cache keeps before it starts again. */
const REMEMBERED = 50_000;

/** Copenhagen's offset in ms through each UTC day (NaN: it changes that day) and, on such days, through each UTC hour. */
const dayOffsets = new Map<number, number>();
const hourOffsets = new Map<number, number>();

const offsetAt = (ms: number): number => DateTime.fromMillis(ms, { zone: ZONE }).offset * 60_000;

/** The offset through [start, start + length), or NaN when it is not the same at both ends. */
function steady(cache: Map<number, number>, index: number, length: number): number {
  let offset = cache.get(index);
  if (offset === undefined) {
    const [start, end] = [offsetAt(index * length), offsetAt(index * length + length - 1)];
    offset = start === end ? start : NaN;
    if (cache.size >= REMEMBERED) cache.clear();
    cache.set(index, offset);
  }
  return offset;
}

/**
 * Copenhagen's offset from UTC at an instant, in milliseconds, looked up once
 * per UTC day (per UTC hour on a day it changes; Luxon each time only before
 * 1900 or in an hour whose ends differ): Luxon takes ~16 µs a call.
 */
export function copenhagenOffset(ms: number): number {
  if (!(ms >= FIRST_MS && ms < LAST_MS)) return offsetAt(ms);
  let offset = steady(dayOffsets, Math.floor(ms / DAY_MS), DAY_MS);
  if (Number.isNaN(offset)) offset = steady(hourOffsets, Math.floor(ms / HOUR_MS), HOUR_MS);
  return Number.isNaN(offset) ? offsetAt(ms) : offset;
}

/** Far enough below year 9999 that whole months added stay inside the offsets' range. */
const PLUS_LAST_MS = Date.UTC(8000, 0, 1);
const STORED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * A stored UTC instant (`toISOString`'s form) plus whole months on Copenhagen's
 * calendar: the same local time on the same day of the month (or the month's
 * last day), as UTC ISO 8601. It is Luxon's `plus({ months })` reckoned with the
 * offsets above (the same guess and correction of the offset in a gap or an
 * overlap of the clocks), since Luxon's own costs ~200 µs a call, which every
 * closing of a case paid. Anything else (another form, fractional months) is
 * Luxon's.
 */
export function copenhagenPlusMonths(instant: string, months: number): string {
  const ms = STORED.test(instant) ? Date.parse(instant) : NaN;
  // Years from 1900 to 8999 only, and a real date (it reads back as itself): the rest is Luxon's.
  if (!(ms >= FIRST_MS && ms < PLUS_LAST_MS) || new Date(ms).toISOString() !== instant || !Number.isInteger(months) || Math.abs(months) > 1200) {
    return DateTime.fromISO(instant, { zone: ZONE }).plus({ months }).toUTC().toJSDate().toISOString();
  }
  const before = copenhagenOffset(ms);
  const local = new Date(ms + before);
  const [year, month] = [local.getUTCFullYear(), local.getUTCMonth() + months];
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(local.getUTCDate(), lastDay);
  const wall = Date.UTC(year, month, day, local.getUTCHours(), local.getUTCMinutes(), local.getUTCSeconds(), local.getUTCMilliseconds());
  return new Date(wall - offsetOfWallTime(wall, before)).toISOString();
}

/** Luxon's fixOffset: the offset that makes a wall time real, guessed from the one before; in a gap, the wall time moved on. */
function offsetOfWallTime(wall: number, guess: number): number {
  const second = copenhagenOffset(wall - guess);
  if (second === guess) return guess;
  const third = copenhagenOffset(wall - guess - (second - guess));
  return second === third ? second : Math.min(second, third);
}
