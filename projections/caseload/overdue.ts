import type { Programme } from '../../domain/shared/codes';
import { calendarDaysBetween } from '../shared/time';
import type { CaseCard } from './caseload.docs';

/**
 * Overdue visits (issue #17), kept in the caseload read model as `due:<caseId>`
 * markers beside the visit cards: one per case whose agreed visit can fall due,
 * so the list reads those and no closed or waiting case.
 */

export const DUE_PREFIX = 'due:';

/** A visit that can fall due: an active case, not paused, with an agreed next visit. */
export interface DueVisit {
  caseId: string;
  citizenId: string;
  programme: Programme;
  visitorId: string;
  dueAt: string;
}

/** The card's visit that can fall due, if any. */
export function dueOf(card: CaseCard): DueVisit | undefined {
  if (card.closed || card.pause || !card.visitorId || !card.nextVisitAt) return undefined;
  return { caseId: card.caseId, citizenId: card.citizenId, programme: card.programme, visitorId: card.visitorId, dueAt: card.nextVisitAt };
}

/**
 * Overdue: the agreed next visit lies in the past and no visit has been
 * recorded since (recording one replaces or clears the agreed time), on an
 * active case that is not paused.
 */
export const isOverdue = (card: { nextVisitAt?: string; pause?: unknown }, now: string): boolean =>
  card.pause === undefined && card.nextVisitAt !== undefined && Date.parse(card.nextVisitAt) < Date.parse(now);

export interface OverdueVisit {
  caseId: string;
  citizenId: string;
  visitorId: string;
  programme: Programme;
  dueAt: string;
  /** Copenhagen calendar days since the agreed visit (0: earlier today). */
  daysOverdue: number;
}

/** `GET /visits/overdue`: the due visits whose time has passed, oldest first, filtered by programme and visitor. */
export function overdueVisits(due: Iterable<DueVisit>, filter: { programme?: Programme; visitorId?: string }, now: string): OverdueVisit[] {
  const nowMs = Date.parse(now);
  const late: DueVisit[] = [];
  for (const visit of due) {
    if (Date.parse(visit.dueAt) >= nowMs) continue;
    if (filter.programme && visit.programme !== filter.programme) continue;
    if (filter.visitorId && visit.visitorId !== filter.visitorId) continue;
    late.push(visit);
  }
  late.sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.caseId.localeCompare(b.caseId));
  return late.map(({ caseId, citizenId, visitorId, programme, dueAt }) => ({ caseId, citizenId, visitorId, programme, dueAt, daysOverdue: calendarDaysBetween(dueAt, now) }));
}
