import { IllegalStateError } from '../shared/errors';
import { FieldChecks, toUtc } from '../shared/time';
import type { BookFirstVisit, CancelVisit, CaseContext, ReassignVisitor, RecordDismissal, RecordVisit, RescheduleVisit } from './case.commands';
import type {
  FirstVisitBooked,
  VisitCancelled,
  VisitHeld,
  VisitorDismissedButReturning,
  VisitorReassigned,
  VisitRescheduled,
} from './case.events';
import { requireActive, requireAssignedVisitor, requireKnownVisitor, requireNotBefore, requireOpen, requireVisitorFits } from './case.rules';
import { requireKnownParticipants } from './case.network';
import { requireNotPaused } from './case.schedule';
import type { Active, CaseState } from './case.state';

/** A slot is free: visitor and time agreed, the visit card handed over. */
export function bookFirstVisit({ data }: BookFirstVisit, state: CaseState, context: CaseContext): FirstVisitBooked[] {
  const open = requireOpen(state, context.caseId);
  requireKnownVisitor(data.visitorId, context.visitor);
  if (open.status !== 'Waiting') throw new IllegalStateError('case_not_waiting', `only a waiting case can be booked; the case is ${open.status}`);
  const checks = new FieldChecks(context.now);
  const visitAt = checks.agreed('visitAt', data.visitAt);
  const at = checks.happened('at', data.at ?? context.now);
  checks.check();
  requireNotBefore(at, open.referredAt, 'before_referral', 'the referral was received');
  if (open.triagedAt !== undefined) requireNotBefore(at, open.triagedAt, 'before_triage', 'the case was triaged');
  requireNotPaused(open);
  const visitor = requireVisitorFits(open, data.visitorId, context.visitor, context.now, context.programmes);
  return [
    {
      type: 'FirstVisitBooked',
      data: {
        visitorId: visitor.visitorId,
        visitorKind: visitor.kind,
        visitorName: visitor.name,
        ...(visitor.phone !== undefined && { visitorPhone: visitor.phone }),
        visitAt,
        at,
      },
    },
  ];
}

/** A visit took place; the next date goes on the visit card. */
export function recordVisit({ data }: RecordVisit, state: CaseState, context: CaseContext): VisitHeld[] {
  const active = requireActive(state, context.caseId);
  const checks = new FieldChecks(context.now);
  const visitedAt = checks.happened('visitedAt', data.visitedAt);
  const nextVisitAt = data.nextVisitAt === undefined ? undefined : checks.agreed('nextVisitAt', data.nextVisitAt);
  if (nextVisitAt !== undefined) checks.after('nextVisitAt', nextVisitAt, 'visitedAt', visitedAt);
  if (data.durationMinutes !== undefined && !(Number.isInteger(data.durationMinutes) && data.durationMinutes >= 1 && data.durationMinutes <= 24 * 60)) {
    checks.fail('durationMinutes', 'durationMinutes must be a whole number of minutes from 1 to 1440');
  }
  checks.check();
  requireAssignedVisitor(active, data.visitorId);
  requireNotBefore(visitedAt, active.referredAt, 'before_referral', 'the referral was received');
  requireNotPaused(active, visitedAt);
  const participants = [...new Set(data.participants ?? [])];
  requireKnownParticipants(active, participants);
  return [
    {
      type: 'VisitHeld',
      data: {
        visitorId: data.visitorId,
        visitedAt,
        ...(nextVisitAt !== undefined && { nextVisitAt }),
        themes: data.themes ?? [],
        ...(data.note !== undefined && { note: data.note }),
        ...(participants.length > 0 && { participants }),
        ...(data.durationMinutes !== undefined && { durationMinutes: data.durationMinutes }),
      },
    },
  ];
}

/** "Fyret, men vi kommer igen": the citizen sent the visitor away, who will come back at the agreed time. */
export function recordDismissal({ data }: RecordDismissal, state: CaseState, context: CaseContext): VisitorDismissedButReturning[] {
  const active = requireActive(state, context.caseId);
  const checks = new FieldChecks(context.now);
  const at = checks.happened('at', data.at);
  const nextVisitAt = checks.agreed('nextVisitAt', data.nextVisitAt);
  checks.after('nextVisitAt', nextVisitAt, 'at', at);
  checks.check();
  requireAssignedVisitor(active, data.visitorId);
  requireNotPaused(active, at);
  return [{ type: 'VisitorDismissedButReturning', data: { visitorId: data.visitorId, at, nextVisitAt, assessment: data.assessment } }];
}

/** "Vi ringer altid inden": an agreed time moves only when the citizen has been told. */
export function rescheduleVisit({ data }: RescheduleVisit, state: CaseState, context: CaseContext): VisitRescheduled[] {
  const active = requireActive(state, context.caseId);
  const checks = new FieldChecks(context.now);
  const from = checks.agreed('from', data.from);
  const to = checks.agreed('to', data.to);
  if (from === to) checks.fail('to', 'to must differ from from');
  checks.check();
  if (!data.citizenNotified) throw new IllegalStateError('citizen_not_notified', 'we always call first: the citizen must be told before a visit moves');
  requireNotPaused(active);
  requireAgreedVisit(active, from);
  return [{ type: 'VisitRescheduled', data: { from, to, citizenNotified: true } }];
}

/** An agreed visit falls out. `at` is the agreed visit's time, so it may lie in the future. */
export function cancelVisit({ data }: CancelVisit, state: CaseState, context: CaseContext): VisitCancelled[] {
  const active = requireActive(state, context.caseId);
  const checks = new FieldChecks(context.now);
  const at = checks.agreed('at', data.at);
  checks.check();
  requireAgreedVisit(active, at);
  // "Hvis det bliver nødvendig at ændre besøgstidspunktet, ringer vi altid inden": the visitor's own cancellation too.
  if (data.by === 'visitor' && data.citizenNotified !== true) {
    throw new IllegalStateError('citizen_not_notified', 'we always call first: the citizen must be told before the visitor cancels');
  }
  return [{ type: 'VisitCancelled', data: { at, by: data.by, reason: data.reason, ...(data.citizenNotified === true && { citizenNotified: true as const }) } }];
}

/** Continuity is broken on purpose: another visitor takes the case. */
export function reassignVisitor({ data }: ReassignVisitor, state: CaseState, context: CaseContext): VisitorReassigned[] {
  const open = requireOpen(state, context.caseId);
  requireKnownVisitor(data.toVisitorId, context.visitor);
  const active = requireActive(open, context.caseId);
  if (active.visitorId === data.toVisitorId) throw new IllegalStateError('same_visitor', 'the case already has this visitor', { programme: active.programme });
  const visitor = requireVisitorFits(active, data.toVisitorId, context.visitor, context.now, context.programmes);
  return [
    {
      type: 'VisitorReassigned',
      data: {
        fromVisitorId: active.visitorId,
        toVisitorId: visitor.visitorId,
        toVisitorKind: visitor.kind,
        toVisitorName: visitor.name,
        ...(visitor.phone !== undefined && { toVisitorPhone: visitor.phone }),
        reason: data.reason,
      },
    },
  ];
}

/** The command names the visit on the visit card (the next agreed time). */
function requireAgreedVisit(active: Active, at: string): void {
  if (active.nextVisitAt === undefined || toUtc(active.nextVisitAt) !== at) {
    const agreed = active.nextVisitAt ? `the agreed visit is at ${active.nextVisitAt}` : 'no visit is agreed';
    throw new IllegalStateError('no_such_visit', `there is no agreed visit at ${at}; ${agreed}`);
  }
}

