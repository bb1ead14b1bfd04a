import { IllegalStateError, NotFoundError, ValidationError } from '../../../domain/shared/errors';
import { activeWith, booked, command, NOW, referred, spec, triaged, visitor } from './case.fixtures';

describe('booking the first visit', () => {
  const book = (visitorId: string, visitAt = '2026-03-09T10:00:00+01:00') => command('BookFirstVisit', { visitorId, visitAt });

  it('books a waiting case with a visitor who has a free place, handing over the visit card', () => {
    const v = visitor('volunteer', { activeCases: 2 });
    spec.given([referred(), triaged()]).when(book(v.visitorId), { visitor: v }).then([booked(v, '2026-03-09T09:00:00.000Z', NOW)]);
  });

  // Issue #17: a booking made weeks ago and entered today must replay as made then.
  it('records when the booking was made: back-dated, at most 24 hours ahead, not before the referral or the triage', () => {
    const v = visitor();
    const at = (when: string) => command('BookFirstVisit', { visitorId: v.visitorId, visitAt: '2026-03-09T10:00:00+01:00', at: when });
    spec.given([referred(), triaged()]).when(at('2026-03-04T11:00:00+01:00'), { visitor: v }).then([booked(v, '2026-03-09T09:00:00.000Z', '2026-03-04T10:00:00.000Z')]);
    spec.given([referred(), triaged()]).when(at('2026-11-26T12:00:00Z'), { visitor: v }).thenThrows(ValidationError);
    spec.given([referred(), triaged()]).when(at('2026-03-01T10:00:00+01:00'), { visitor: v }).thenThrows(IllegalStateError, 'before_referral');
    const triagedOn3March = { type: 'TriagedToVolunteer' as const, data: { reason: 'r', priority: 'normal' as const, by: 'c', at: '2026-03-03T09:00:00.000Z' } };
    spec.given([referred(), triagedOn3March]).when(at('2026-03-02T12:00:00+01:00'), { visitor: v }).thenThrows(IllegalStateError, 'before_triage');
    spec.given([referred(), triagedOn3March]).when(at('2026-03-03T10:00:00+01:00'), { visitor: v }).then([booked(v, '2026-03-09T09:00:00.000Z', '2026-03-03T09:00:00.000Z')]);
  });

  it('books only a waiting case', () => {
    const v = visitor();
    spec.given([referred()]).when(book(v.visitorId), { visitor: v }).thenThrows(IllegalStateError, 'case_not_waiting');
    spec.given(activeWith(visitor())).when(book(v.visitorId), { visitor: v }).thenThrows(IllegalStateError, 'case_not_waiting');
  });

  it('refuses a visitor at full capacity', () => {
    const v = visitor('employee', { capacity: 2, activeCases: 2 });
    spec.given([referred(), triaged()]).when(book(v.visitorId), { visitor: v }).thenThrows(IllegalStateError, 'visitor_at_capacity');
  });

  it('refuses an inactive visitor, and knows no unknown one', () => {
    const v = visitor('volunteer', { active: false });
    spec.given([referred(), triaged()]).when(book(v.visitorId), { visitor: v }).thenThrows(IllegalStateError, 'visitor_inactive');
    spec.given([referred(), triaged()]).when(book(v.visitorId)).thenThrows(NotFoundError);
  });

  it('refuses an unknown visitor as unknown before any rule about the case', () => {
    spec.given([referred()]).when(book(visitor().visitorId)).thenThrows(NotFoundError);
  });

  it('gives a professional case only to an employee or a volunteer with a professional background', () => {
    const given = [referred(), triaged('professional')];
    const plain = visitor('volunteer');
    spec.given(given).when(book(plain.visitorId), { visitor: plain }).thenThrows(IllegalStateError, 'professional_required');
    for (const kind of ['employee', 'volunteer_professional'] as const) {
      const v = visitor(kind);
      expect(spec.given(given).when(book(v.visitorId), { visitor: v }).events()).toHaveLength(1);
    }
  });

  it('takes a booking recorded after the fact, or far ahead: the time was agreed', () => {
    const v = visitor();
    expect(spec.given([referred(), triaged()]).when(book(v.visitorId, '2027-06-01T10:00:00+02:00'), { visitor: v }).events()).toHaveLength(1);
  });
});

describe('recording visits', () => {
  const v = visitor();
  const visit = (data: Partial<{ visitorId: string; visitedAt: string; nextVisitAt: string; themes: string[]; note: string }> = {}) =>
    command('RecordVisit', { visitorId: v.visitorId, visitedAt: '2026-03-09T10:05:00+01:00', ...data });

  it('records a visit with the next date for the visit card', () => {
    spec
      .given(activeWith(v))
      .when(visit({ nextVisitAt: '2026-03-16T10:00:00+01:00', themes: ['varmehjælp'], note: 'God samtale' }))
      .then([
        {
          type: 'VisitHeld',
          data: { visitorId: v.visitorId, visitedAt: '2026-03-09T09:05:00.000Z', nextVisitAt: '2026-03-16T09:00:00.000Z', themes: ['varmehjælp'], note: 'God samtale' },
        },
      ]);
  });

  it('takes visits only on an active case', () => {
    spec.given([referred(), triaged()]).when(visit()).thenThrows(IllegalStateError, 'case_not_active');
    spec.given([...activeWith(v), { type: 'CaseClosed', data: { reason: 'moved', at: '2026-04-01T10:00:00.000Z' } }]).when(visit()).thenThrows(IllegalStateError, 'case_closed');
  });

  it('takes visits from the assigned visitor only (continuity)', () => {
    spec.given(activeWith(v)).when(visit({ visitorId: visitor().visitorId })).thenThrows(IllegalStateError, 'not_assigned_visitor');
  });

  it('needs the next visit after the visit that sets it', () => {
    spec.given(activeWith(v)).when(visit({ nextVisitAt: '2026-03-09T10:05:00+01:00' })).thenThrows(ValidationError);
  });

  it('refuses a visit dated more than 24 hours ahead', () => {
    spec.given(activeWith(v)).when(visit({ visitedAt: '2026-11-26T12:00:01Z' })).thenThrows(ValidationError);
  });

  it('stops a plain volunteer once suicidal thoughts are flagged, until the case is reassigned', () => {
    const flagged = { type: 'RiskFlagged' as const, data: { risk: 'suicidal_thoughts' as const, note: 'n', at: '2026-03-09T10:00:00.000Z' } };
    spec.given([...activeWith(v), flagged]).when(visit()).thenThrows(IllegalStateError, 'professional_required');
    const nurse = visitor('volunteer_professional');
    const reassigned = spec.given([...activeWith(v), flagged]).when(command('ReassignVisitor', { toVisitorId: nurse.visitorId, reason: 'risiko' }), { visitor: nurse }).events();
    expect(spec.given([...activeWith(v), flagged, ...reassigned]).when(visit({ visitorId: nurse.visitorId })).events()).toHaveLength(1);
  });

  it('records "dismissed, but coming back" for the assigned visitor, with the next visit after it', () => {
    const dismissal = { visitorId: v.visitorId, at: '2026-03-16T10:02:00+01:00', nextVisitAt: '2026-03-23T10:00:00+01:00', assessment: 'Kommer igen' };
    spec.given(activeWith(v)).when(command('RecordDismissal', dismissal)).then([
      { type: 'VisitorDismissedButReturning', data: { ...dismissal, at: '2026-03-16T09:02:00.000Z', nextVisitAt: '2026-03-23T09:00:00.000Z' } },
    ]);
    spec.given(activeWith(v)).when(command('RecordDismissal', { ...dismissal, visitorId: visitor().visitorId })).thenThrows(IllegalStateError, 'not_assigned_visitor');
    spec.given(activeWith(v)).when(command('RecordDismissal', { ...dismissal, nextVisitAt: dismissal.at })).thenThrows(ValidationError);
  });
});

describe('rescheduling and cancelling the agreed visit', () => {
  const v = visitor();
  const agreed = '2026-03-09T09:00:00.000Z';

  it('moves the agreed visit only when the citizen was called first', () => {
    const move = (citizenNotified: boolean) => command('RescheduleVisit', { from: '2026-03-09T10:00:00+01:00', to: '2026-03-10T10:00:00+01:00', citizenNotified });
    spec.given(activeWith(v)).when(move(true)).then([{ type: 'VisitRescheduled', data: { from: agreed, to: '2026-03-10T09:00:00.000Z', citizenNotified: true } }]);
    spec.given(activeWith(v)).when(move(false)).thenThrows(IllegalStateError, 'citizen_not_notified');
  });

  it('refuses to move a visit that is not the agreed one', () => {
    spec
      .given(activeWith(v))
      .when(command('RescheduleVisit', { from: '2026-03-08T10:00:00+01:00', to: '2026-03-10T10:00:00+01:00', citizenNotified: true }))
      .thenThrows(IllegalStateError, 'no_such_visit');
  });

  it('cancels the agreed visit, which may lie in the future, and then there is none to cancel', () => {
    const cancel = command('CancelVisit', { at: agreed, by: 'citizen', reason: 'Hos lægen' });
    const events = spec.given(activeWith(v)).when(cancel).events();
    expect(events).toEqual([{ type: 'VisitCancelled', data: { at: agreed, by: 'citizen', reason: 'Hos lægen' } }]);
    spec.given([...activeWith(v), ...events]).when(cancel).thenThrows(IllegalStateError, 'no_such_visit');
  });
});

describe('reassigning the visitor', () => {
  const v = visitor();

  it('hands the case to another visitor who fits, with their visit card', () => {
    const next = visitor('employee', { name: 'Anne Ansat', phone: '+4540000000' });
    spec.given(activeWith(v)).when(command('ReassignVisitor', { toVisitorId: next.visitorId, reason: 'ferie' }), { visitor: next }).then([
      {
        type: 'VisitorReassigned',
        data: { fromVisitorId: v.visitorId, toVisitorId: next.visitorId, toVisitorKind: 'employee', toVisitorName: 'Anne Ansat', toVisitorPhone: '+4540000000', reason: 'ferie' },
      },
    ]);
  });

  it('refuses the same visitor, a full one and, on the professional track, a plain volunteer', () => {
    spec.given(activeWith(v)).when(command('ReassignVisitor', { toVisitorId: v.visitorId, reason: 'r' }), { visitor: v }).thenThrows(IllegalStateError, 'same_visitor');
    const full = visitor('employee', { capacity: 1, activeCases: 1 });
    spec.given(activeWith(v)).when(command('ReassignVisitor', { toVisitorId: full.visitorId, reason: 'r' }), { visitor: full }).thenThrows(IllegalStateError, 'visitor_at_capacity');
    const nurse = visitor('employee');
    const plain = visitor('volunteer');
    spec.given(activeWith(nurse, 'professional')).when(command('ReassignVisitor', { toVisitorId: plain.visitorId, reason: 'r' }), { visitor: plain }).thenThrows(IllegalStateError, 'professional_required');
  });
});
