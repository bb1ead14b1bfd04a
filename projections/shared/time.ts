import { DateTime } from 'luxon';

/** The service's calendar: days and months are Copenhagen's. */
export const ZONE = 'Europe/Copenhagen';

/** The Copenhagen calendar date of an instant, `YYYY-MM-DD`. */
export const copenhagenDate = (instant: string): string => DateTime.fromISO(instant, { zone: ZONE }).toISODate()!;

/** The Copenhagen month of an instant, `YYYY-MM` (a referral at 23:30 on 31 March counts in March). */
export const copenhagenMonth = (instant: string): string => DateTime.fromISO(instant, { zone: ZONE }).toFormat('yyyy-MM');

/** Whole Copenhagen calendar days from one instant to another (0 on the same day). */
export function calendarDaysBetween(from: string, to: string): number {
  const start = DateTime.fromISO(from, { zone: ZONE }).startOf('day');
  const end = DateTime.fromISO(to, { zone: ZONE }).startOf('day');
  return Math.round(end.diff(start, 'days').days);
}

/** The last instant of a Copenhagen month `YYYY-MM`, as UTC ISO. */
export const endOfMonth = (month: string): string => DateTime.fromFormat(month, 'yyyy-MM', { zone: ZONE }).endOf('month').toUTC().toISO()!;

/** Every month `YYYY-MM` from one Copenhagen date to another, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let month = DateTime.fromISO(from, { zone: ZONE }).startOf('month');
  const last = DateTime.fromISO(to, { zone: ZONE }).startOf('month');
  while (month <= last) {
    months.push(month.toFormat('yyyy-MM'));
    month = month.plus({ months: 1 });
  }
  return months;
}
