import type { AppointmentWith } from '../shared/companion-codes';
import type { Message } from '../shared/decider';
import type { PersonalParts } from '../shared/personal';

// The case stream's events of the companion (bisidder, issue #19): "støtte før, under og efter en
// samtale" (seed 002). Their contract: domain/case/case.events.ts.

/**
 * Before: an appointment the helper goes along to. `at` is the agreed time
 * (past or future); `purpose` and `preparation` are about the person.
 */
export type AppointmentScheduled = Message<
  'AppointmentScheduled',
  { appointmentId: string; with: AppointmentWith; purpose: string; at: string; preparation?: string }
>;

/** During and after: the helper went along; `debrief` is what was talked over afterwards. */
export type AppointmentAccompanied = Message<'AppointmentAccompanied', { appointmentId: string; at: string; debrief: string }>;

/** The appointment will not take place (or not with the helper). */
export type AppointmentCancelled = Message<'AppointmentCancelled', { appointmentId: string; reason: string }>;

export type CompanionEvent = AppointmentScheduled | AppointmentAccompanied | AppointmentCancelled;

/**
 * The personal part of each event above, field by field (see CASE_PERSONAL_DATA).
 * Whom the citizen meets (a code) and when are clear, as a visit's time is;
 * why, how it was prepared and what was said after are sealed.
 */
export const COMPANION_PERSONAL_DATA: PersonalParts<CompanionEvent> = {
  AppointmentScheduled: { appointmentId: 'clear', with: 'clear', purpose: 'personal', at: 'clear', preparation: 'personal' },
  AppointmentAccompanied: { appointmentId: 'clear', at: 'clear', debrief: 'personal' },
  AppointmentCancelled: { appointmentId: 'clear', reason: 'personal' },
};
