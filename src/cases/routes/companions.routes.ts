import { randomUUID } from 'node:crypto';
import { AppointmentAccompaniedDto, CancelAppointmentDto, ScheduleAppointmentDto } from '../companions.dto';
import { CaseRoutes, route } from './route';

/** The companion (bisidder, issue #19): appointments the helper goes along to, domain/case/case.companions.ts. */
export const COMPANION_ROUTES = {
  scheduleAppointment: route({
    path: ':caseId/appointments',
    allow: ['coordinator', 'assigned-visitor'],
    body: ScheduleAppointmentDto,
    summary: {
      en: 'An appointment the helper goes along to (jobcentre, doctor, bank, ...): "støtte før, under og efter en samtale". Purpose and preparation are sealed.',
      da: 'Registrér et møde, som hjælperen tager med til (jobcenter, læge, bank, ...), og hvordan I forbereder jer.',
    },
    command: (b) => ({
      type: 'ScheduleAppointment',
      data: { appointmentId: randomUUID(), with: b.with, purpose: b.purpose, at: b.at, ...(b.preparation !== undefined && { preparation: b.preparation }) },
    }),
    answer: { description: 'With the new appointmentId' },
    // The appointment is part of the case: 201 and the case's address.
    location: (answer) => `/cases/${answer.caseId}`,
  }),
  appointmentAccompanied: route({
    path: ':caseId/appointments/:appointmentId/accompanied',
    allow: ['coordinator', 'assigned-visitor'],
    body: AppointmentAccompaniedDto,
    summary: {
      en: 'The helper went along to the appointment; the debrief after it is sealed.',
      da: 'Registrér at hjælperen var med til mødet, og hvad I talte om bagefter.',
    },
    command: (b, { appointmentId }) => ({ type: 'RecordAppointmentAccompanied', data: { appointmentId: appointmentId!.toLowerCase(), at: b.at, debrief: b.debrief } }),
  }),
  cancelAppointment: route({
    path: ':caseId/appointments/:appointmentId/cancel',
    allow: ['coordinator', 'assigned-visitor'],
    body: CancelAppointmentDto,
    summary: { en: 'The appointment is off (or goes on without the helper).', da: 'Aflys mødet (eller det holdes uden hjælperen).' },
    command: (b, { appointmentId }) => ({ type: 'CancelAppointment', data: { appointmentId: appointmentId!.toLowerCase(), reason: b.reason } }),
  }),
} satisfies CaseRoutes;
