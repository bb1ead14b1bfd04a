import type { VisitorKind } from '../../domain/shared/codes';
import { streamCategory, streamEntityId } from '../../domain/shared/ids';
import { calendarDaysBetween } from '../shared/time';
import { DUE_PREFIX, dueOf, isOverdue, type DueVisit } from './overdue';
import { APPOINTMENT_EVENTS, appointmentsAfter } from './appointments';
import type { Assignment, CaseCard, VisitorLoad } from './caseload.docs';
import { trackAfterRisk } from '../../domain/case/case.track';
import type { CaseEvent } from '../../domain/case/case.events';
import { caseEventOf, RISK_NEEDS } from '../shared/events';
import type { DocumentView, ProjectedEvent, Projection } from '../shared/projection';

export type { Assignment, CaseCard, VisitorLoad } from './caseload.docs';

/**
 * Documents keyed `visitor:<id>` (the visitor), `case:<id>` (the visit card),
 * `visitor:<id>:case:<id>` (the case is on that visitor's list) and `due:<id>`
 * (the case's agreed visit, while it can fall due). The markers are written
 * and deleted without being read, so every read is known from the event.
 */
export type CaseloadDoc = VisitorLoad | CaseCard | Assignment | DueVisit;

export const visitorKey = (visitorId: string) => `visitor:${visitorId}`;
export const caseKey = (caseId: string) => `case:${caseId}`;
export const assignmentPrefix = (visitorId: string) => `visitor:${visitorId}:case:`;
const assignmentKey = (visitorId: string, caseId: string) => `${assignmentPrefix(visitorId)}${caseId}`;

export const caseloadProjection: Projection<CaseloadDoc> = {
  name: 'caseload',
  // 4: the fixed time, the pause, and `due:` markers for the overdue list; a corrected referral
  // (ReferralCorrected) changes the card's situation, requested tasks and risks (issue #17).
  version: 4,
  eventTypes: new Set([
    'VisitorRegistered', 'VisitorCapacityChanged', 'VisitorDeactivated', 'VisitorReactivated', 'VisitorDetailsChanged',
    'ReferralReceived', 'ReferralCorrected', 'TriagedToVolunteer', 'TriagedToProfessional', 'FirstVisitBooked', 'VisitorReassigned', 'VisitHeld', 'VisitorDismissedButReturning',
    'VisitRescheduled', 'VisitCancelled', 'TaskOpened', 'TaskCompleted', 'RiskFlagged', 'ReferralDeclined', 'CaseClosed',
    'NextVisitBooked', 'VisitSlotAgreed', 'CasePaused', 'CaseResumed',
    // Issue #19: new types, so the version stays.
    'CaseReassessed', ...APPOINTMENT_EVENTS,
    // Issue 20: the volunteer's lifecycle; new types, so the version stays.
    'VisitorApplied', 'VisitorApproved', 'VisitorDeclined', 'VisitorPaused', 'VisitorResumed', 'VisitorLeft',
  ]),
  keysRead: (stored) => {
    const category = streamCategory(stored.streamId);
    if (category === 'visitor') return [visitorKey(streamEntityId(stored.streamId))];
    return category === 'case' ? [caseKey(streamEntityId(stored.streamId))] : [];
  },
  apply(stored: ProjectedEvent, view: DocumentView<CaseloadDoc>): void {
    if (streamCategory(stored.streamId) === 'visitor') return applyVisitor(stored, view);
    const found = caseEventOf(stored);
    if (!found) return;
    const { caseId, event } = found;
    // One key string for the event's reads and writes: each new string is hashed again by the view's Map.
    const key = caseKey(caseId);
    if (event.type === 'ReferralReceived') {
      const riskFlags = event.data.needs.filter((need) => RISK_NEEDS.includes(need));
      const { citizenId, programme, situation, requestedTasks } = event.data;
      view.put(key, { caseId, citizenId, programme, lastThemes: [], openTasks: [], riskFlags, situation, requestedTasks, closed: false });
      return;
    }
    const card = view.get(key) as CaseCard | undefined;
    if (!card) return;
    applyToCard(key, card, event, view);
    // applyToCard puts a new card, never changes the one it read: an unchanged card leaves its visit as it was.
    const next = view.get(key) as CaseCard;
    if (next === card) return;
    const before = dueOf(card);
    const after = dueOf(next);
    if (after && (before?.dueAt !== after.dueAt || before.visitorId !== after.visitorId)) view.put(`${DUE_PREFIX}${caseId}`, after);
    if (!after && before) view.delete(`${DUE_PREFIX}${caseId}`);
  },
};

function applyToCard(key: string, card: CaseCard, event: CaseEvent, view: DocumentView<CaseloadDoc>): void {
  const caseId = card.caseId;
  const put = (changes: Partial<CaseCard>) => view.put(key, { ...card, ...changes });
  switch (event.type) {
    case 'ReferralCorrected': {
      const { situation, requestedTasks, needs } = event.data;
      const risks = (needs ?? []).filter((need) => RISK_NEEDS.includes(need) && !card.riskFlags.includes(need));
      return put({
        ...(situation && { situation: { ...card.situation, ...situation } }),
        ...(requestedTasks && { requestedTasks }),
        ...(risks.length > 0 && { riskFlags: [...card.riskFlags, ...risks] }),
      });
    }
    case 'TriagedToVolunteer':
    case 'TriagedToProfessional':
      return put({ track: event.type === 'TriagedToVolunteer' ? 'volunteer' : 'professional' });
    case 'FirstVisitBooked':
      view.put(assignmentKey(event.data.visitorId, caseId), { caseId });
      return put({ visitorId: event.data.visitorId, firstVisitAt: event.data.visitAt, nextVisitAt: event.data.visitAt });
    case 'VisitorReassigned':
      if (card.visitorId) view.delete(assignmentKey(card.visitorId, caseId));
      view.put(assignmentKey(event.data.toVisitorId, caseId), { caseId });
      return put({ visitorId: event.data.toVisitorId });
    case 'VisitHeld':
    case 'VisitorDismissedButReturning': {
      const at = event.type === 'VisitHeld' ? event.data.visitedAt : event.data.at;
      // A visit recorded late, after a later one, does not move the visit card back.
      if (card.lastVisitAt !== undefined && at < card.lastVisitAt) return;
      const themes = event.type === 'VisitHeld' ? event.data.themes : card.lastThemes;
      const { nextVisitAt: _previous, ...rest } = card;
      return view.put(key, { ...rest, lastVisitAt: at, lastThemes: themes, ...(event.data.nextVisitAt !== undefined && { nextVisitAt: event.data.nextVisitAt }) });
    }
    case 'VisitRescheduled':
      return put({ nextVisitAt: event.data.to });
    case 'VisitCancelled': {
      const { nextVisitAt: _cancelled, ...rest } = card;
      return view.put(key, rest);
    }
    case 'TaskOpened':
      return put({ openTasks: [...card.openTasks, { taskId: event.data.taskId, kind: event.data.kind, description: event.data.description }] });
    case 'TaskCompleted':
      return put({ openTasks: card.openTasks.filter((task) => task.taskId !== event.data.taskId) });
    case 'RiskFlagged': {
      const riskFlags = card.riskFlags.includes(event.data.risk) ? card.riskFlags : [...card.riskFlags, event.data.risk];
      const track = trackAfterRisk(card.track, event.data.risk);
      return put({ riskFlags, ...(track && { track }) });
    }
    case 'ReferralDeclined':
    case 'CaseClosed':
      if (card.visitorId) view.delete(assignmentKey(card.visitorId, caseId));
      return put({ closed: true });
    case 'NextVisitBooked':
      return put({ nextVisitAt: event.data.visitAt });
    case 'VisitSlotAgreed': {
      const { weekday, time, everyWeeks } = event.data;
      return put({ visitSlot: { weekday, time, everyWeeks } });
    }
    case 'CasePaused': {
      const { reason, at, until } = event.data;
      const { nextVisitAt: _dropped, ...rest } = card;
      return view.put(key, { ...rest, pause: { reason, at, ...(until !== undefined && { until }) } });
    }
    case 'CaseResumed': {
      const { pause: _ended, ...rest } = card;
      return view.put(key, rest);
    }
    case 'AppointmentScheduled':
    case 'AppointmentAccompanied':
    case 'AppointmentCancelled':
      return put({ appointments: appointmentsAfter(card.appointments ?? [], event) });
    // Issue #19: handed back to the waiting folder, the case leaves the volunteer's list.
    case 'CaseReassessed': {
      if (event.data.handedBackFrom === undefined || !card.visitorId) return put({ track: event.data.track });
      view.delete(assignmentKey(card.visitorId, caseId));
      const { visitorId: _v, firstVisitAt: _f, nextVisitAt: _n, lastVisitAt: _l, visitSlot: _s, ...rest } = card;
      return view.put(key, { ...rest, track: event.data.track, lastThemes: [] });
    }
  }
}

function applyVisitor(stored: ProjectedEvent, view: DocumentView<CaseloadDoc>): void {
  const visitorId = streamEntityId(stored.streamId);
  const data = stored.data as Record<string, unknown>;
  if (stored.type === 'VisitorRegistered') {
    view.put(visitorKey(visitorId), { visitorId, name: data.name as string, kind: data.kind as VisitorKind, capacity: data.capacity as number, active: true });
    return;
  }
  // Issue 20: an applicant is a volunteer with no places, who takes no case until approved.
  if (stored.type === 'VisitorApplied') {
    if (!view.get(visitorKey(visitorId))) view.put(visitorKey(visitorId), { visitorId, name: data.name as string, kind: 'volunteer', capacity: 0, active: false });
    return;
  }
  const visitor = view.get(visitorKey(visitorId)) as VisitorLoad | undefined;
  if (!visitor) return;
  if (stored.type === 'VisitorCapacityChanged') view.put(visitorKey(visitorId), { ...visitor, capacity: data.capacity as number });
  if (stored.type === 'VisitorDeactivated') view.put(visitorKey(visitorId), { ...visitor, active: false });
  if (stored.type === 'VisitorReactivated' || stored.type === 'VisitorResumed') view.put(visitorKey(visitorId), { ...visitor, active: true });
  if (stored.type === 'VisitorApproved') view.put(visitorKey(visitorId), { ...visitor, capacity: data.capacity as number, active: true });
  if (stored.type === 'VisitorDeclined' || stored.type === 'VisitorPaused' || stored.type === 'VisitorLeft') view.put(visitorKey(visitorId), { ...visitor, active: false });
  // A new type, so no stored event needs a rebuild (the version stays).
  if (stored.type === 'VisitorDetailsChanged' && typeof data.name === 'string') view.put(visitorKey(visitorId), { ...visitor, name: data.name });
}

export interface Caseload {
  visitorId: string;
  name: string;
  kind: VisitorKind;
  capacity: number;
  active: boolean;
  activeCases: number;
  freePlaces: number;
  /** Cases whose agreed visit has passed with no visit recorded since (a paused case is never overdue). */
  overdue: number;
  /** The companion's appointments still scheduled on these cases (issue #19). */
  appointments: number;
  /** `daysOverdue`: Copenhagen calendar days since the agreed visit, while overdue (0: earlier today). */
  cases: Array<Omit<CaseCard, 'closed' | 'visitorId'> & { overdue: boolean; daysOverdue?: number }>;
}

/** The visitor's caseload from their cards, next agreed visit first; `now` decides only what is overdue. */
export function caseload(visitor: VisitorLoad, cards: CaseCard[], now: string): Caseload {
  const cases = cards
    .map(({ closed: _closed, visitorId: _visitor, ...card }) => {
      const overdue = isOverdue(card, now);
      return { ...card, overdue, ...(overdue && { daysOverdue: calendarDaysBetween(card.nextVisitAt!, now) }) };
    })
    .sort((a, b) => (a.nextVisitAt ?? '9999').localeCompare(b.nextVisitAt ?? '9999'));
  const { visitorId, name, kind, capacity, active } = visitor;
  return {
    visitorId,
    name,
    kind,
    capacity,
    active,
    activeCases: cases.length,
    freePlaces: Math.max(0, capacity - cases.length),
    overdue: cases.filter((c) => c.overdue).length,
    appointments: cases.reduce((sum, c) => sum + (c.appointments?.length ?? 0), 0),
    cases,
  };
}

