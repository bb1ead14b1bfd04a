import { DateTime, ZONE } from '../../format';

/**
 * How late the agreed visit is, as docs/api.md defines overdue: the agreed
 * time has passed, no visit recorded since, the case not paused. Copenhagen
 * calendar days (0: earlier today); undefined when it is not overdue.
 */
export function daysOverdue(c: { nextVisitAt?: string | undefined; pause?: unknown }, now: DateTime = DateTime.now()): number | undefined {
  if (c.pause || !c.nextVisitAt) return undefined;
  const due = DateTime.fromISO(c.nextVisitAt, { zone: ZONE });
  if (due >= now) return undefined;
  return Math.round(now.setZone(ZONE).startOf('day').diff(due.startOf('day'), 'days').days);
}

/** "3 dage over tid", "1 dag over tid", "over tid (i dag)". */
export const overdueText = (days: number): string => (days === 0 ? 'over tid (i dag)' : `${days} ${days === 1 ? 'dag' : 'dage'} over tid`);
