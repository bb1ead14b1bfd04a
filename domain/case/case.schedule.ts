import { IllegalStateError } from '../shared/errors';
import { FieldChecks, toUtc } from '../shared/time';
import { SLOT_TIME } from '../shared/visit-slot';
import type { AgreeVisitSlot, BookNextVisit, CaseContext, PauseCase, ResumeCase } from './case.commands';
import type { CasePaused, CaseResumed, NextVisitBooked, VisitSlotAgreed } from './case.events';
import { requireActive, requireOpen } from './case.rules';
import type { CaseState, OpenCase } from './case.state';

/**
 * The visit plan of issue #17: the next visit booked when none is agreed, the
 * fixed time, and a pause. Seed 000: "Medarbejderen kommer altid på et fast
 * aftalt tidspunkt [...] Hvis det bliver nødvendig at ændre besøgstidspunktet,
 * ringer vi altid inden."
 */

/** A paused case takes no visits (409 `case_paused`); a visit that happened before the pause began may still be recorded. */
export function requireNotPaused(state: OpenCase, happenedAt?: string): void {
  if (state.pause === undefined) return;
  if (happenedAt !== undefined && Date.parse(happenedAt) < Date.parse(state.pause.at)) return;
  throw new IllegalStateError('case_paused', `visits on the case are paused since ${state.pause.at}: resume it first`);
}

/** After a cancellation, or when the visitor could not say at the visit: a new time, agreed with the citizen. */
export function bookNextVisit({ data }: BookNextVisit, state: CaseState, context: CaseContext): NextVisitBooked[] {
  const active = requireActive(state, context.caseId);
  const checks = new FieldChecks(context.now);
  const visitAt = checks.agreed('visitAt', data.visitAt);
  if (active.lastVisitAt !== undefined) checks.after('visitAt', visitAt, 'the last visit', active.lastVisitAt);
  checks.check();
  requireNotPaused(active);
  if (active.nextVisitAt !== undefined) {
    throw new IllegalStateError('visit_already_agreed', `a visit is already agreed at ${active.nextVisitAt}: reschedule it instead`);
  }
  if (!data.citizenNotified) throw new IllegalStateError('citizen_not_notified', 'we always call first: the citizen must know the new time');
  return [{ type: 'NextVisitBooked', data: { visitAt, citizenNotified: true } }];
}

/** The same visitor at a fixed time: the next visit proposed after each visit is the next slot. */
export function agreeVisitSlot({ data }: AgreeVisitSlot, state: CaseState, context: CaseContext): VisitSlotAgreed[] {
  const active = requireActive(state, context.caseId);
  const checks = new FieldChecks(context.now);
  if (!Number.isInteger(data.weekday) || data.weekday < 1 || data.weekday > 7) checks.fail('weekday', 'weekday must be 1 (Monday) to 7 (Sunday)');
  if (!SLOT_TIME.test(data.time)) checks.fail('time', 'time must be HH:mm, 00:00 to 23:59');
  if (!Number.isInteger(data.everyWeeks) || data.everyWeeks < 1 || data.everyWeeks > 4) checks.fail('everyWeeks', 'everyWeeks must be 1 to 4');
  checks.check();
  const slot = active.visitSlot;
  if (slot && slot.weekday === data.weekday && slot.time === data.time && slot.everyWeeks === data.everyWeeks) {
    throw new IllegalStateError('slot_unchanged', 'this fixed time is already agreed');
  }
  return [{ type: 'VisitSlotAgreed', data: { weekday: data.weekday, time: data.time, everyWeeks: data.everyWeeks } }];
}

/**
 * "Opfølgning på [...] indlæggelser": visits stop for a hospital stay or a
 * holiday. Waiting and active cases may pause (a waiting citizen in hospital
 * is not called for a first visit); the agreed visit falls out with it.
 */
export function pauseCase({ data }: PauseCase, state: CaseState, context: CaseContext): CasePaused[] {
  const open = requireOpen(state, context.caseId);
  const checks = new FieldChecks(context.now);
  const at = checks.happened('at', data.at);
  const until = data.until === undefined ? undefined : checks.agreed('until', data.until);
  if (until !== undefined) checks.after('until', until, 'at', at);
  checks.check();
  if (open.status === 'Referred') throw new IllegalStateError('case_not_triaged', 'a referral is triaged before its visits can pause');
  if (open.pause !== undefined) throw new IllegalStateError('case_paused', `the case is already paused since ${open.pause.at}`);
  if (Date.parse(at) < Date.parse(open.referredAt)) throw new IllegalStateError('before_referral', `${at} lies before the referral (${open.referredAt})`);
  const dropped = open.status === 'Active' ? open.nextVisitAt : undefined;
  return [
    {
      type: 'CasePaused',
      data: { reason: data.reason, at, ...(until !== undefined && { until }), ...(dropped !== undefined && { droppedVisitAt: toUtc(dropped) ?? dropped }) },
    },
  ];
}

/** Visits start again; an active case then needs its next visit booked (or the slot's). */
export function resumeCase({ data }: ResumeCase, state: CaseState, context: CaseContext): CaseResumed[] {
  const open = requireOpen(state, context.caseId);
  const checks = new FieldChecks(context.now);
  const at = checks.happened('at', data.at);
  checks.check();
  if (open.pause === undefined) throw new IllegalStateError('case_not_paused', 'the case is not paused');
  if (Date.parse(at) < Date.parse(open.pause.at)) checks.fail('at', `at must not lie before the pause began (${open.pause.at})`);
  checks.check();
  return [{ type: 'CaseResumed', data: { at } }];
}
