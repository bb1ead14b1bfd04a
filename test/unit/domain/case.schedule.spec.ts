import type { CaseEvent } from '../../../domain/case/case.events';
import { IllegalStateError, ValidationError } from '../../../domain/shared/errors';
import { nextSlotAfter, nextSlotFrom, slotInDanish } from '../../../domain/shared/visit-slot';
import { activeWith, command, referred, spec, triaged, visitor } from './case.fixtures';

/**
 * The visit plan (issue #17). Seed 000: "Medarbejderen kommer altid på et fast
 * aftalt tidspunkt så længe dette tidspunkt passer ind på ruten. Hvis det
 * bliver nødvendig at ændre besøgstidspunktet, ringer vi altid inden."
 */

const v = visitor();
const agreedAt = '2026-03-09T09:00:00.000Z';
const cancelled = (by: 'citizen' | 'visitor' = 'citizen'): CaseEvent => ({ type: 'VisitCancelled', data: { at: agreedAt, by, reason: 'Syg' } });
const held = (visitedAt: string, nextVisitAt?: string): CaseEvent => ({
  type: 'VisitHeld',
  data: { visitorId: v.visitorId, visitedAt, themes: [], ...(nextVisitAt !== undefined && { nextVisitAt }) },
});
const paused = (at = '2026-03-05T08:00:00.000Z', droppedVisitAt?: string): CaseEvent => ({
  type: 'CasePaused',
  data: { reason: 'Indlagt på Slagelse Sygehus', at, ...(droppedVisitAt !== undefined && { droppedVisitAt }) },
});

describe('cancelling a visit: "ringer vi altid inden"', () => {
  const cancel = (by: 'citizen' | 'visitor', citizenNotified?: boolean) =>
    command('CancelVisit', { at: agreedAt, by, reason: 'Syg', ...(citizenNotified !== undefined && { citizenNotified }) });

  it('lets the citizen cancel without more ado: they know', () => {
    spec.given(activeWith(v)).when(cancel('citizen')).then([cancelled('citizen')]);
  });

  it('lets the visitor cancel only once the citizen has been called', () => {
    spec.given(activeWith(v)).when(cancel('visitor')).thenThrows(IllegalStateError, 'citizen_not_notified');
    spec.given(activeWith(v)).when(cancel('visitor', false)).thenThrows(IllegalStateError, 'citizen_not_notified');
    spec.given(activeWith(v)).when(cancel('visitor', true)).then([{ type: 'VisitCancelled', data: { at: agreedAt, by: 'visitor', reason: 'Syg', citizenNotified: true } }]);
  });
});

describe('booking the next visit when none is agreed', () => {
  const book = (visitAt = '2026-03-12T10:00:00+01:00', citizenNotified = true) => command('BookNextVisit', { visitAt, citizenNotified });

  it('books a new time after a cancellation', () => {
    spec.given([...activeWith(v), cancelled()]).when(book()).then([{ type: 'NextVisitBooked', data: { visitAt: '2026-03-12T09:00:00.000Z', citizenNotified: true } }]);
  });

  it('books one after a visit where the visitor could not say when the next would be', () => {
    spec.given([...activeWith(v), held('2026-03-09T09:05:00.000Z')]).when(book('2026-03-16T10:00:00+01:00')).then([
      { type: 'NextVisitBooked', data: { visitAt: '2026-03-16T09:00:00.000Z', citizenNotified: true } },
    ]);
  });

  it('refuses when a visit is agreed: reschedule it instead', () => {
    spec.given(activeWith(v)).when(book()).thenThrows(IllegalStateError, 'visit_already_agreed');
  });

  it('needs the citizen told of the new time', () => {
    spec.given([...activeWith(v), cancelled()]).when(book(undefined, false)).thenThrows(IllegalStateError, 'citizen_not_notified');
  });

  it('refuses a time that is not after the last visit, or no time at all (400)', () => {
    spec.given([...activeWith(v), held('2026-03-09T09:05:00.000Z')]).when(book('2026-03-09T09:00:00Z')).thenThrows(ValidationError);
    spec.given([...activeWith(v), cancelled()]).when(book('next tuesday')).thenThrows(ValidationError);
  });

  it('books only on an active case, and not while it is paused', () => {
    spec.given([referred(), triaged()]).when(book()).thenThrows(IllegalStateError, 'case_not_active');
    spec.given([...activeWith(v), paused()]).when(book()).thenThrows(IllegalStateError, 'case_paused');
  });
});

describe('a fixed time', () => {
  const slot = (weekday: number, time: string, everyWeeks: number) => command('AgreeVisitSlot', { weekday, time, everyWeeks });

  it('agrees a weekday, a Copenhagen time and how often', () => {
    spec.given(activeWith(v)).when(slot(2, '10:00', 1)).then([{ type: 'VisitSlotAgreed', data: { weekday: 2, time: '10:00', everyWeeks: 1 } }]);
  });

  it('refuses a weekday outside 1–7, a time not HH:mm and a period outside 1–4 weeks, naming each field', () => {
    let thrown: unknown;
    try {
      spec.given(activeWith(v)).when(slot(8, '25:00', 5)).events();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ValidationError);
    expect((thrown as ValidationError).errors.map((e) => e.field)).toEqual(['weekday', 'time', 'everyWeeks']);
    spec.given(activeWith(v)).when(slot(0, '9:00', 0)).thenThrows(ValidationError);
  });

  it('refuses the same slot again, and any slot before the case is active', () => {
    spec.given([...activeWith(v), { type: 'VisitSlotAgreed', data: { weekday: 2, time: '10:00', everyWeeks: 1 } }]).when(slot(2, '10:00', 1)).thenThrows(IllegalStateError, 'slot_unchanged');
    spec.given([...activeWith(v), { type: 'VisitSlotAgreed', data: { weekday: 2, time: '10:00', everyWeeks: 1 } }]).when(slot(2, '10:00', 2)).then([
      { type: 'VisitSlotAgreed', data: { weekday: 2, time: '10:00', everyWeeks: 2 } },
    ]);
    spec.given([referred(), triaged()]).when(slot(2, '10:00', 1)).thenThrows(IllegalStateError, 'case_not_active');
  });
});

describe('the next visit on the slot', () => {
  const tuesday10 = { weekday: 2, time: '10:00', everyWeeks: 1 };

  it('is the slot a week after a visit held on it', () => {
    // Tuesday 3 March 2026, 10.07 in Copenhagen (winter time).
    expect(nextSlotAfter(tuesday10, '2026-03-03T09:07:00.000Z')).toBe('2026-03-10T09:00:00.000Z');
  });

  it('stays at 10.00 Copenhagen time across the change to summer time (29 March 2026) and back (25 October 2026)', () => {
    expect(nextSlotAfter(tuesday10, '2026-03-24T09:00:00.000Z')).toBe('2026-03-31T08:00:00.000Z');
    expect(nextSlotAfter(tuesday10, '2026-10-20T08:00:00.000Z')).toBe('2026-10-27T09:00:00.000Z');
  });

  it('returns to the agreed weekday after a visit moved a day or two either way', () => {
    // Held Monday 9 March or Thursday 12 March instead of Tuesday 10 March: next Tuesday, 17 March.
    expect(nextSlotAfter(tuesday10, '2026-03-09T12:00:00.000Z')).toBe('2026-03-17T09:00:00.000Z');
    expect(nextSlotAfter(tuesday10, '2026-03-12T12:00:00.000Z')).toBe('2026-03-17T09:00:00.000Z');
  });

  it('counts every second or fourth week, and reads the visit day in Copenhagen (a visit at 00.30 is that day)', () => {
    expect(nextSlotAfter({ ...tuesday10, everyWeeks: 2 }, '2026-03-03T09:00:00.000Z')).toBe('2026-03-17T09:00:00.000Z');
    expect(nextSlotAfter({ weekday: 5, time: '14:30', everyWeeks: 4 }, '2026-06-05T12:30:00.000Z')).toBe('2026-07-03T12:30:00.000Z');
    // 00.30 on Wednesday 4 March in Copenhagen is 23.30 UTC on Tuesday.
    expect(nextSlotAfter({ weekday: 3, time: '09:00', everyWeeks: 1 }, '2026-03-03T23:30:00.000Z')).toBe('2026-03-11T08:00:00.000Z');
  });

  it('proposes the first slot after now when a visit is booked after a cancellation', () => {
    // Tuesday 10 March 2026 09.30 in Copenhagen: today's 10.00 is still ahead; at 10.30 it is next week's.
    expect(nextSlotFrom(tuesday10, '2026-03-10T08:30:00.000Z')).toBe('2026-03-10T09:00:00.000Z');
    expect(nextSlotFrom(tuesday10, '2026-03-10T09:30:00.000Z')).toBe('2026-03-17T09:00:00.000Z');
    expect(nextSlotFrom(tuesday10, '2026-03-26T12:00:00.000Z')).toBe('2026-03-31T08:00:00.000Z');
  });

  it('reads in Danish', () => {
    expect(slotInDanish(tuesday10)).toBe('tirsdag kl. 10.00, hver uge');
    expect(slotInDanish({ weekday: 7, time: '09:30', everyWeeks: 2 })).toBe('søndag kl. 09.30, hver 2. uge');
  });
});

describe('pause and resume: "Opfølgning på ambulante behandlinger, kontroller og indlæggelser"', () => {
  const pause = (at = '2026-03-05T09:00:00+01:00', until?: string) => command('PauseCase', { reason: 'Indlagt på Slagelse Sygehus', at, ...(until !== undefined && { until }) });

  it('pauses an active case, and the agreed visit falls out with it', () => {
    spec.given(activeWith(v)).when(pause(undefined, '2026-03-20T12:00:00+01:00')).then([
      { type: 'CasePaused', data: { reason: 'Indlagt på Slagelse Sygehus', at: '2026-03-05T08:00:00.000Z', until: '2026-03-20T11:00:00.000Z', droppedVisitAt: agreedAt } },
    ]);
  });

  it('pauses a waiting case: a citizen in hospital is not called for a first visit', () => {
    spec.given([referred(), triaged()]).when(pause()).then([paused()]);
    const v2 = visitor();
    spec.given([referred(), triaged(), paused()]).when(command('BookFirstVisit', { visitorId: v2.visitorId, visitAt: '2026-03-09T10:00:00+01:00' }), { visitor: v2 }).thenThrows(IllegalStateError, 'case_paused');
  });

  it('refuses a pause twice, on a referral not yet triaged, before the referral, in the future, or ending before it starts', () => {
    spec.given([...activeWith(v), paused()]).when(pause()).thenThrows(IllegalStateError, 'case_paused');
    spec.given([referred()]).when(pause()).thenThrows(IllegalStateError, 'case_not_triaged');
    spec.given(activeWith(v)).when(pause('2026-02-01T10:00:00+01:00')).thenThrows(IllegalStateError, 'before_referral');
    spec.given(activeWith(v)).when(pause('2027-01-01T10:00:00+01:00')).thenThrows(ValidationError);
    spec.given(activeWith(v)).when(pause('2026-03-05T09:00:00+01:00', '2026-03-04T09:00:00+01:00')).thenThrows(ValidationError);
  });

  it('takes no visits while paused, but a visit held before the pause may still be recorded', () => {
    const given = [...activeWith(v), paused()];
    const visit = (visitedAt: string) => command('RecordVisit', { visitorId: v.visitorId, visitedAt });
    spec.given(given).when(visit('2026-03-06T10:00:00+01:00')).thenThrows(IllegalStateError, 'case_paused');
    spec.given(given).when(visit('2026-03-04T10:00:00+01:00')).then([{ type: 'VisitHeld', data: { visitorId: v.visitorId, visitedAt: '2026-03-04T09:00:00.000Z', themes: [] } }]);
    spec.given(given).when(command('RecordDismissal', { visitorId: v.visitorId, at: '2026-03-06T10:00:00+01:00', nextVisitAt: '2026-03-13T10:00:00+01:00', assessment: 'a' })).thenThrows(IllegalStateError, 'case_paused');
  });

  it('resumes, not before the pause began; then the next visit is booked', () => {
    const given = [...activeWith(v), paused()];
    spec.given(given).when(command('ResumeCase', { at: '2026-03-20T10:00:00+01:00' })).then([{ type: 'CaseResumed', data: { at: '2026-03-20T09:00:00.000Z' } }]);
    spec.given(given).when(command('ResumeCase', { at: '2026-03-04T10:00:00+01:00' })).thenThrows(ValidationError);
    spec.given(activeWith(v)).when(command('ResumeCase', { at: '2026-03-20T10:00:00+01:00' })).thenThrows(IllegalStateError, 'case_not_paused');
    const resumed: CaseEvent = { type: 'CaseResumed', data: { at: '2026-03-20T09:00:00.000Z' } };
    spec.given([...given, resumed]).when(command('BookNextVisit', { visitAt: '2026-03-24T10:00:00+01:00', citizenNotified: true })).then([
      { type: 'NextVisitBooked', data: { visitAt: '2026-03-24T09:00:00.000Z', citizenNotified: true } },
    ]);
  });
});
