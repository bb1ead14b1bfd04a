import { DateTime } from 'luxon';

/**
 * A fixed visit time (seed 000: "Medarbejderen kommer altid på et fast aftalt
 * tidspunkt"): a weekday (1 Monday … 7 Sunday, ISO), a Copenhagen wall-clock
 * time `HH:mm`, every 1–4 weeks. Pure arithmetic shared by the case decider
 * and the web app, so both propose the same next visit.
 */
export interface VisitSlot {
  weekday: number;
  time: string;
  everyWeeks: number;
}

const ZONE = 'Europe/Copenhagen';
export const SLOT_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * The next visit on the slot after a visit: the slot's day nearest to one
 * period (`everyWeeks` weeks) after the visit's Copenhagen day, at the slot's
 * wall-clock time. So a visit held on the slot's day
 * proposes the same day a period on, and a visit moved a day or two either
 * way still returns to the agreed weekday. Luxon sets the time on the
 * Copenhagen calendar, so 10:00 stays 10:00 across summer time.
 */
export function nextSlotAfter(slot: VisitSlot, visitedAt: string): string {
  const [, hour, minute] = SLOT_TIME.exec(slot.time)!.map(Number) as [number, number, number];
  const visitDay = DateTime.fromISO(visitedAt, { zone: ZONE }).startOf('day');
  // Exactly one day of the seven from three days before visit + period to three days after is the slot's weekday.
  const earliest = visitDay.plus({ weeks: slot.everyWeeks, days: -3 });
  const shift = (slot.weekday - earliest.weekday + 7) % 7;
  return earliest.plus({ days: shift }).set({ hour, minute }).toUTC().toISO()!;
}

/** The slot's first time after an instant (a booking after a cancellation or a pause: the next free slot, whatever the period). */
export function nextSlotFrom(slot: VisitSlot, from: string): string {
  const [, hour, minute] = SLOT_TIME.exec(slot.time)!.map(Number) as [number, number, number];
  const start = DateTime.fromISO(from, { zone: ZONE });
  let day = start.startOf('day').plus({ days: (slot.weekday - start.weekday + 7) % 7 });
  if (day.set({ hour, minute }) <= start) day = day.plus({ weeks: 1 });
  return day.set({ hour, minute }).toUTC().toISO()!;
}

/** The slot in Danish words, e.g. "tirsdag kl. 10.00, hver 2. uge". */
export function slotInDanish(slot: VisitSlot): string {
  const day = ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'][slot.weekday - 1];
  const every = slot.everyWeeks === 1 ? 'hver uge' : `hver ${slot.everyWeeks}. uge`;
  return `${day} kl. ${slot.time.replace(':', '.')}, ${every}`;
}
