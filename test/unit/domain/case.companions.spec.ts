import type { CaseEvent } from '../../../domain/case/case.events';
import { caseDecider } from '../../../domain/case/case.stream';
import { IllegalStateError, NotFoundError, ValidationError } from '../../../domain/shared/errors';
import { booked, command, referred, spec, triaged, visitor } from './case.fixtures';

/**
 * The companion (bisidder, issue #19). Seed 002 asks "Hvad går tilbuddet ud på
 * (støtte før, under og efter en samtale)?", and names the meetings: "om det er
 * sagsbehandlere, lægen, hospitalet". Before: the appointment and how they
 * prepare; during and after: the helper went along, and the debrief.
 */

const companion = visitor('volunteer', { name: 'Ole Bisidder' });
const active = (): CaseEvent[] => [referred({ programme: 'companion' }), triaged(), booked(companion)];
const appointmentId = '3f0e8d7c-2b1a-4c5d-9e8f-7a6b5c4d3e2f';
const fold = (events: CaseEvent[]) => events.reduce(caseDecider.evolve, caseDecider.initialState());

const schedule = (overrides: object = {}) =>
  command('ScheduleAppointment', {
    appointmentId,
    with: 'kommune_jobcenter',
    purpose: 'Samtale om sygedagpenge',
    at: '2026-12-01T10:00:00+01:00',
    preparation: 'Spørgsmålene skrevet ned sammen',
    ...overrides,
  });
const scheduled: CaseEvent = {
  type: 'AppointmentScheduled',
  data: { appointmentId, with: 'kommune_jobcenter', purpose: 'Samtale om sygedagpenge', at: '2026-12-01T09:00:00.000Z', preparation: 'Spørgsmålene skrevet ned sammen' },
};
const accompany = (at = '2026-11-20T10:00:00+01:00') => command('RecordAppointmentAccompanied', { appointmentId, at, debrief: 'Gennemgik svarene over en kop kaffe' });
const accompanied: CaseEvent = { type: 'AppointmentAccompanied', data: { appointmentId, at: '2026-11-20T09:00:00.000Z', debrief: 'Gennemgik svarene over en kop kaffe' } };
const cancel = command('CancelAppointment', { appointmentId, reason: 'Jobcentret har flyttet mødet' });
const cancelled: CaseEvent = { type: 'AppointmentCancelled', data: { appointmentId, reason: 'Jobcentret har flyttet mødet' } };

describe('before: an appointment the companion goes along to', () => {
  it('schedules it with whom, why, when and how they prepare (the time agreed may lie ahead)', () => {
    spec.given(active()).when(schedule()).then([scheduled]);
  });

  it('leaves the preparation out when none is told', () => {
    const { preparation: _none, ...data } = scheduled.data as Extract<CaseEvent, { type: 'AppointmentScheduled' }>['data'];
    spec.given(active()).when(schedule({ preparation: undefined })).then([{ type: 'AppointmentScheduled', data }]);
  });

  it('needs an active case: a helper to go along (409 case_not_active, case_closed)', () => {
    spec.given([referred({ programme: 'companion' }), triaged()]).when(schedule()).thenThrows(IllegalStateError, 'case_not_active');
    spec.given([...active(), { type: 'CaseClosed', data: { reason: 'moved', at: '2026-11-01T10:00:00.000Z' } }]).when(schedule()).thenThrows(IllegalStateError, 'case_closed');
  });

  it('refuses a time that is not one (400) or lies before the referral (409 before_referral)', () => {
    spec.given(active()).when(schedule({ at: 'next tuesday' })).thenThrows(ValidationError);
    spec.given(active()).when(schedule({ at: '2026-01-05T10:00:00+01:00' })).thenThrows(IllegalStateError, 'before_referral');
  });

  it('schedules each appointment once (409 appointment_exists)', () => {
    spec.given([...active(), scheduled]).when(schedule()).thenThrows(IllegalStateError, 'appointment_exists');
  });
});

describe('during and after: the companion went along', () => {
  it('records that the helper went along, with the debrief', () => {
    spec.given([...active(), scheduled]).when(accompany()).then([accompanied]);
  });

  it('knows only the case\'s appointments (404)', () => {
    spec.given(active()).when(accompany()).thenThrows(NotFoundError);
    spec.given(active()).when(cancel).thenThrows(NotFoundError);
  });

  it('does not go along to a cancelled appointment, nor twice (409)', () => {
    spec.given([...active(), scheduled, cancelled]).when(accompany()).thenThrows(IllegalStateError, 'appointment_cancelled');
    spec.given([...active(), scheduled, accompanied]).when(accompany()).thenThrows(IllegalStateError, 'appointment_accompanied');
  });

  it('is told after it happened: not far in the future (400)', () => {
    spec.given([...active(), scheduled]).when(accompany('2027-06-01T10:00:00+02:00')).thenThrows(ValidationError);
  });
});

describe('cancelling an appointment', () => {
  it('cancels one still ahead, with a reason', () => {
    spec.given([...active(), scheduled]).when(cancel).then([cancelled]);
  });

  it('cannot cancel one cancelled or gone along to (409)', () => {
    spec.given([...active(), scheduled, cancelled]).when(cancel).thenThrows(IllegalStateError, 'appointment_cancelled');
    spec.given([...active(), scheduled, accompanied]).when(cancel).thenThrows(IllegalStateError, 'appointment_accompanied');
  });
});

describe('the appointments on the case', () => {
  it('keeps each as it stands, in the order scheduled, also once the case is closed', () => {
    const second: CaseEvent = { type: 'AppointmentScheduled', data: { appointmentId: 'a2', with: 'egen_laege', purpose: 'Blodprøvesvar', at: '2026-12-03T09:00:00.000Z' } };
    const state = fold([...active(), scheduled, second, accompanied, { type: 'CaseClosed', data: { reason: 'moved', at: '2026-11-22T10:00:00.000Z' } }]);
    expect(state.status).toBe('Closed');
    expect(state.status !== 'None' && state.appointments).toEqual([
      { appointmentId, with: 'kommune_jobcenter', purpose: 'Samtale om sygedagpenge', at: '2026-12-01T09:00:00.000Z', preparation: 'Spørgsmålene skrevet ned sammen', status: 'accompanied', accompaniedAt: '2026-11-20T09:00:00.000Z', debrief: 'Gennemgik svarene over en kop kaffe' },
      { appointmentId: 'a2', with: 'egen_laege', purpose: 'Blodprøvesvar', at: '2026-12-03T09:00:00.000Z', status: 'scheduled' },
    ]);
  });
});
