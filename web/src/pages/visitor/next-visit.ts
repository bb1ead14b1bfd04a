import { DateTime } from 'luxon';

const ZONE = 'Europe/Copenhagen';

/**
 * "Samme tid om en uge": the agreed visit's weekday and Copenhagen wall-clock
 * time, `weeks` on, and again until it lies after the visit being recorded
 * (a visit recorded late, or at another hour, does not move the citizen's
 * time). Luxon adds weeks on the wall clock, so 10.00 stays 10.00 across the
 * change to or from summer time. Without an agreed time: the visit's own time.
 */
export function sameTimeLater(agreedAt: string | undefined, visitedAt: string, weeks: number): string {
  const visited = DateTime.fromISO(visitedAt, { zone: ZONE });
  const base = agreedAt ? DateTime.fromISO(agreedAt, { zone: ZONE }) : visited;
  let steps = 1;
  while (base.plus({ weeks: weeks * steps }) <= visited) steps++;
  return base.plus({ weeks: weeks * steps }).toISO({ suppressMilliseconds: true })!;
}
