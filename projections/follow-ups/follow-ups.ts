import type { ClosureReason, Programme } from '../../domain/shared/codes';
import { caseEventOf } from '../shared/events';
import type { DocumentView, ProjectedEvent, Projection } from '../shared/projection';
import { calendarDaysBetween } from '../shared/time';

/**
 * The follow-ups after the end (issue #19): one `due:<caseId>:<followUpId>`
 * document per follow-up scheduled and not yet held, so `GET /follow-ups/due`
 * reads those and no other case. `case:<caseId>` documents keep what a
 * follow-up needs to name (programme, citizen, the last helper), never read by the route.
 */

export const FOLLOW_UP_DUE_PREFIX = 'due:';

interface CaseNote {
  kind: 'case';
  citizenId: string;
  programme: Programme;
  visitorId?: string;
  closedAt?: string;
  closureReason?: ClosureReason;
}

/** A follow-up that is scheduled and not yet held. */
export interface DueFollowUp {
  kind: 'due';
  caseId: string;
  followUpId: string;
  citizenId: string;
  programme: Programme;
  /** The helper the case had at the end, if it had one. */
  visitorId?: string;
  closedAt: string;
  closureReason: ClosureReason;
  dueAt: string;
}

type FollowUpDoc = CaseNote | DueFollowUp;

const caseKey = (caseId: string) => `case:${caseId}`;
const dueKey = (caseId: string, followUpId: string) => `${FOLLOW_UP_DUE_PREFIX}${caseId}:${followUpId}`;

export const followUpsProjection: Projection<FollowUpDoc> = {
  name: 'follow-ups',
  version: 1,
  keysRead: (event) => {
    const found = caseEventOf(event);
    return found ? [caseKey(found.caseId)] : [];
  },
  eventTypes: new Set(['ReferralReceived', 'FirstVisitBooked', 'VisitorReassigned', 'CaseClosed', 'FollowUpScheduled', 'FollowUpHeld']),
  apply(stored: ProjectedEvent, view: DocumentView<FollowUpDoc>): void {
    const found = caseEventOf(stored);
    if (!found) return;
    const { caseId, event } = found;
    if (event.type === 'ReferralReceived') {
      view.put(caseKey(caseId), { kind: 'case', citizenId: event.data.citizenId, programme: event.data.programme });
      return;
    }
    if (event.type === 'FollowUpHeld') {
      view.delete(dueKey(caseId, event.data.followUpId));
      return;
    }
    const note = view.get(caseKey(caseId));
    if (!note || note.kind !== 'case') return;
    switch (event.type) {
      case 'FirstVisitBooked':
        view.put(caseKey(caseId), { ...note, visitorId: event.data.visitorId });
        return;
      case 'VisitorReassigned':
        view.put(caseKey(caseId), { ...note, visitorId: event.data.toVisitorId });
        return;
      case 'CaseClosed':
        view.put(caseKey(caseId), { ...note, closedAt: event.data.at, closureReason: event.data.reason });
        return;
      case 'FollowUpScheduled': {
        if (note.closedAt === undefined || note.closureReason === undefined) return;
        const { followUpId, dueAt } = event.data;
        view.put(dueKey(caseId, followUpId), {
          kind: 'due',
          caseId,
          followUpId,
          citizenId: note.citizenId,
          programme: note.programme,
          ...(note.visitorId !== undefined && { visitorId: note.visitorId }),
          closedAt: note.closedAt,
          closureReason: note.closureReason,
          dueAt,
        });
        return;
      }
      default:
        return;
    }
  },
};

export interface FollowUpItem extends Omit<DueFollowUp, 'kind'> {
  overdue: boolean;
  /** Copenhagen calendar days since the due day (0: today; negative: days still to go). */
  daysOverdue: number;
}

/** `GET /follow-ups/due`: follow-ups due within `withinDays` from now, and every overdue one, oldest first. */
export function dueFollowUps(due: Iterable<DueFollowUp>, filter: { programme?: Programme; withinDays: number }, now: string): FollowUpItem[] {
  const nowMs = Date.parse(now);
  const horizon = nowMs + filter.withinDays * 86_400_000;
  const items: FollowUpItem[] = [];
  for (const doc of due) {
    if (doc.kind !== 'due' || Date.parse(doc.dueAt) > horizon) continue;
    if (filter.programme && doc.programme !== filter.programme) continue;
    const { kind: _kind, ...item } = doc;
    items.push({ ...item, overdue: Date.parse(doc.dueAt) < nowMs, daysOverdue: calendarDaysBetween(doc.dueAt, now) });
  }
  return items.sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.caseId.localeCompare(b.caseId));
}
