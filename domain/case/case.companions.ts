import { IllegalStateError, NotFoundError } from '../shared/errors';
import { FieldChecks } from '../shared/time';
import type { CancelAppointment, CaseContext, RecordAppointmentAccompanied, ScheduleAppointment } from './case.commands';
import type { AppointmentAccompanied, AppointmentCancelled, AppointmentScheduled, CaseEvent } from './case.events';
import { requireActive, requireNotBefore } from './case.rules';
import type { Active, CaseAppointment, CaseCore, CaseState } from './case.state';

/**
 * The companion (bisidder, issue #19). Seed 002 asks what the offer is:
 * "støtte før, under og efter en samtale": before (the appointment and its
 * preparation), during and after (the helper went along, and the debrief).
 * Only an active case has a helper to go along.
 */

/** Before: an appointment with the jobcentre, the doctor, the bank ...; its time is agreed (past or future), not before the referral. */
export function scheduleAppointment({ data }: ScheduleAppointment, state: CaseState, context: CaseContext): AppointmentScheduled[] {
  const active = requireActive(state, context.caseId);
  const checks = new FieldChecks(context.now);
  const at = checks.agreed('at', data.at);
  checks.check();
  requireNotBefore(at, active.referredAt, 'before_referral', 'the referral was received');
  if ((active.appointments ?? []).some((appointment) => appointment.appointmentId === data.appointmentId)) {
    throw new IllegalStateError('appointment_exists', `appointment ${data.appointmentId} is already on the case`);
  }
  const { appointmentId, with: whom, purpose, preparation } = data;
  return [{ type: 'AppointmentScheduled', data: { appointmentId, with: whom, purpose, at, ...(preparation !== undefined && { preparation }) } }];
}

/** During and after: the helper went along, once, to an appointment not cancelled; it happened (not in the future). */
export function recordAppointmentAccompanied({ data }: RecordAppointmentAccompanied, state: CaseState, context: CaseContext): AppointmentAccompanied[] {
  const active = requireActive(state, context.caseId);
  const appointment = requireAppointment(active, data.appointmentId);
  const checks = new FieldChecks(context.now);
  const at = checks.happened('at', data.at);
  checks.check();
  requireStillScheduled(appointment);
  requireNotBefore(at, active.referredAt, 'before_referral', 'the referral was received');
  return [{ type: 'AppointmentAccompanied', data: { appointmentId: data.appointmentId, at, debrief: data.debrief } }];
}

/** The appointment is off: only one still scheduled (one gone along to is history, one cancelled is cancelled). */
export function cancelAppointment({ data }: CancelAppointment, state: CaseState, context: CaseContext): AppointmentCancelled[] {
  const active = requireActive(state, context.caseId);
  requireStillScheduled(requireAppointment(active, data.appointmentId));
  return [{ type: 'AppointmentCancelled', data: { appointmentId: data.appointmentId, reason: data.reason } }];
}

/** An appointment the case does not know is not found (404), as a task or a relative. */
function requireAppointment(active: Active, appointmentId: string): CaseAppointment {
  const appointment = (active.appointments ?? []).find((candidate) => candidate.appointmentId === appointmentId);
  if (!appointment) throw new NotFoundError('appointment', appointmentId);
  return appointment;
}

function requireStillScheduled(appointment: CaseAppointment): void {
  if (appointment.status === 'cancelled') throw new IllegalStateError('appointment_cancelled', `appointment ${appointment.appointmentId} was cancelled`);
  if (appointment.status === 'accompanied') throw new IllegalStateError('appointment_accompanied', `appointment ${appointment.appointmentId} was already gone along to`);
}

type CompanionEvent = Extract<CaseEvent, { type: 'AppointmentScheduled' | 'AppointmentAccompanied' | 'AppointmentCancelled' }>;

/** The appointments' part of a case after one of their events: shared by the decider's state and the case view, so they agree. */
export function withAppointments<T extends CaseCore>(state: T, event: CompanionEvent): T {
  const appointments = state.appointments ?? [];
  const change = (id: string, changes: Partial<CaseAppointment>): T => ({
    ...state,
    appointments: appointments.map((appointment) => (appointment.appointmentId === id ? { ...appointment, ...changes } : appointment)),
  });
  switch (event.type) {
    case 'AppointmentScheduled': {
      const { appointmentId, with: whom, purpose, at, preparation } = event.data;
      const appointment: CaseAppointment = { appointmentId, with: whom, purpose, at, status: 'scheduled', ...(preparation !== undefined && { preparation }) };
      return { ...state, appointments: [...appointments, appointment] };
    }
    case 'AppointmentAccompanied':
      return change(event.data.appointmentId, { status: 'accompanied', accompaniedAt: event.data.at, debrief: event.data.debrief });
    case 'AppointmentCancelled':
      return change(event.data.appointmentId, { status: 'cancelled', cancelReason: event.data.reason });
  }
}
