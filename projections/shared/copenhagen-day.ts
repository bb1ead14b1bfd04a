import { DateTime } from 'luxon';
import { copenhagenDate, ZONE } from './time';

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
/** Recent instants' dates: a reducer dates a case's instants before and after each event. */
const recent = new Map<string, string>();

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
 * 1900 or in an hour whose ends differ).
 */
export function copenhagenOffset(ms: number): number {
  if (!(ms >= FIRST_MS && ms < LAST_MS)) return offsetAt(ms);
  let offset = steady(dayOffsets, Math.floor(ms / DAY_MS), DAY_MS);
  if (Number.isNaN(offset)) offset = steady(hourOffsets, Math.floor(ms / HOUR_MS), HOUR_MS);
  return Number.isNaN(offset) ? offsetAt(ms) : offset;
}

/**
 * The Copenhagen calendar date of an instant, as `copenhagenDate` gives it,
 * without Luxon on each call: the dashboard's reducer dates every
 * contribution of a case twice per event (before and after), and Luxon takes
 * ~16 µs a call, Date.parse ~0.2 µs. The zone's offset is looked up once per
 * UTC day, and on the days it changes once per UTC hour (every Copenhagen
 * change of offset since 1900 falls on a whole UTC hour; an hour whose ends
 * differ is left to Luxon).
 */
export function copenhagenDay(instant: string): string {
  const known = recent.get(instant);
  if (known !== undefined) return known;
  const ms = Date.parse(instant);
  if (!(ms >= FIRST_MS && ms < LAST_MS)) return copenhagenDate(instant);
  let offset = steady(dayOffsets, Math.floor(ms / DAY_MS), DAY_MS);
  if (Number.isNaN(offset)) offset = steady(hourOffsets, Math.floor(ms / HOUR_MS), HOUR_MS);
  const day = Number.isNaN(offset) ? copenhagenDate(instant) : new Date(ms + offset).toISOString().slice(0, 10);
  if (recent.size >= REMEMBERED) recent.clear();
  recent.set(instant, day);
  return day;
}

/** The Copenhagen month `YYYY-MM` of an instant. */
export const copenhagenMonthOf = (instant: string): string => copenhagenDay(instant).slice(0, 7);
