import type { CaseEvent } from '../../domain/case/case.events';
import type { AppointmentWith } from '../../domain/shared/companion-codes';

/**
 * The companion's appointments on the visit card (issue #19, seed 002): those
 * still scheduled, beside the visits, earliest first. One gone along to or
 * cancelled leaves the card (the case's history keeps it).
 */
export interface CardAppointment {
  appointmentId: string;
  with: AppointmentWith;
  /** The agreed time. */
  at: string;
  /** Sealed in the read model, opened in the answer. */
  purpose: string;
  preparation?: string;
}

export const APPOINTMENT_EVENTS = ['AppointmentScheduled', 'AppointmentAccompanied', 'AppointmentCancelled'] as const;

/** The card's appointments after one of their events. */
export function appointmentsAfter(appointments: readonly CardAppointment[], event: CaseEvent): CardAppointment[] {
  switch (event.type) {
    case 'AppointmentScheduled': {
      const { appointmentId, with: whom, at, purpose, preparation } = event.data;
      const next = [...appointments, { appointmentId, with: whom, at, purpose, ...(preparation !== undefined && { preparation }) }];
      return next.sort((a, b) => a.at.localeCompare(b.at));
    }
    case 'AppointmentAccompanied':
    case 'AppointmentCancelled':
      return appointments.filter((appointment) => appointment.appointmentId !== event.data.appointmentId);
    default:
      return [...appointments];
  }
}
