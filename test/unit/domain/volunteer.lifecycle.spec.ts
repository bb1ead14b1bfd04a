import { randomUUID } from 'node:crypto';
import { IllegalStateError, NotFoundError, ValidationError } from '../../../domain/shared/errors';
import type { VisitorEvent } from '../../../domain/visitor/visitor.events';
import { visitorDecider } from '../../../domain/visitor/visitor.stream';
import { visitorOccurredAt } from '../../../domain/visitor/volunteer.events';
import { deciderSpec } from '../../support/decider-spec';
import { coordinator, NOW } from './case.fixtures';

/**
 * Issue 20: a volunteer from application to supervision. Seed 002: "Hvordan er de udvalgt? … Hvordan er de
 * klædt på til opgaven?"; seed 001: "Frivillighedstovholderne matches med frivillige".
 */
describe('a volunteer from application to supervision', () => {
  const spec = deciderSpec(visitorDecider, () => ({ now: NOW, actor: coordinator }));
  const visitorId = randomUUID();
  const TWO_YEARS_AGO = '2024-11-20T10:00:00.000Z';
  const applied: VisitorEvent = {
    type: 'VisitorApplied',
    data: { visitorId, name: 'Birthe Madsen', phone: '+4540506070', programmes: ['visiting_friend'], motivation: 'Savner at gøre nytte', at: TWO_YEARS_AGO },
  };
  const interviewed: VisitorEvent = { type: 'VisitorInterviewed', data: { at: '2024-12-01T10:00:00.000Z', by: 'Jette Holm', outcome: 'approve' } };
  const approved: VisitorEvent = { type: 'VisitorApproved', data: { programmes: ['visiting_friend'], provisos: ['Ikke hos nyligt efterladte'], capacity: 2, at: '2024-12-10T10:00:00.000Z' } };
  const applicant = [applied];
  const active = [applied, interviewed, approved];

  describe('the application', () => {
    it('makes an applicant, back-dated two years, the phone normalised', () => {
      spec
        .given([])
        .when({ type: 'ApplyAsVolunteer', data: { visitorId, name: 'Birthe Madsen', phone: '40 50 60 70', programmes: ['visiting_friend', 'visiting_friend'], motivation: 'Savner at gøre nytte', at: '2024-11-20T11:00:00+01:00' } })
        .then([applied]);
    });

    it('takes its time as now when none is given, and refuses one more than 24 hours ahead, a bad phone and no programme (400)', () => {
      const [event] = spec.given([]).when({ type: 'ApplyAsVolunteer', data: { visitorId, name: 'B', phone: '+4540506070', programmes: ['companion'] } }).events();
      expect(event).toMatchObject({ type: 'VisitorApplied', data: { at: NOW } });
      spec.given([]).when({ type: 'ApplyAsVolunteer', data: { visitorId, name: 'B', phone: '+4540506070', programmes: ['companion'], at: '2026-11-26T12:00:00Z' } }).thenThrows(ValidationError);
      spec.given([]).when({ type: 'ApplyAsVolunteer', data: { visitorId, name: 'B', phone: '123', programmes: ['companion'] } }).thenThrows(ValidationError);
      spec.given([]).when({ type: 'ApplyAsVolunteer', data: { visitorId, name: 'B', phone: '+4540506070', programmes: [] } }).thenThrows(ValidationError);
    });

    it('is made once', () => {
      spec.given(applicant).when({ type: 'ApplyAsVolunteer', data: { visitorId, name: 'B', phone: '+4540506070', programmes: ['companion'] } }).thenThrows(IllegalStateError, 'visitor_exists');
    });
  });

  describe('interview, approval and decline', () => {
    it('records the interview, not before the application', () => {
      spec.given(applicant).when({ type: 'RecordInterview', data: { at: '2024-12-01T11:00:00+01:00', by: 'Jette Holm', outcome: 'approve' } }).then([interviewed]);
      spec.given(applicant).when({ type: 'RecordInterview', data: { at: '2024-11-01T10:00:00Z', by: 'Jette Holm', outcome: 'wait' } }).thenThrows(IllegalStateError, 'before_application');
    });

    it('approves only after an interview, with provisos trimmed and capacity checked', () => {
      spec.given(applicant).when({ type: 'ApproveVolunteer', data: { programmes: ['visiting_friend'], capacity: 2 } }).thenThrows(IllegalStateError, 'interview_required');
      spec
        .given([applied, interviewed])
        .when({ type: 'ApproveVolunteer', data: { programmes: ['visiting_friend'], provisos: [' Ikke hos nyligt efterladte ', ''], capacity: 2, at: '2024-12-10T10:00:00Z' } })
        .then([approved]);
      spec.given([applied, interviewed]).when({ type: 'ApproveVolunteer', data: { programmes: ['visiting_friend'], capacity: 0 } }).thenThrows(ValidationError);
    });

    it('declines an applicant, and nobody else', () => {
      spec.given(applicant).when({ type: 'DeclineVolunteer', data: { reason: 'Passer bedre i genbrugsbutikken' } }).then([{ type: 'VisitorDeclined', data: { reason: 'Passer bedre i genbrugsbutikken', at: NOW } }]);
      spec.given(active).when({ type: 'DeclineVolunteer', data: { reason: 'r' } }).thenThrows(IllegalStateError, 'visitor_not_applicant');
    });

    it('holds no interview for a visitor registered directly (employed staff)', () => {
      const registered: VisitorEvent = { type: 'VisitorRegistered', data: { visitorId, name: 'Ole', kind: 'employee', capacity: 5 } };
      spec.given([registered]).when({ type: 'RecordInterview', data: { by: 'J', outcome: 'approve' } }).thenThrows(IllegalStateError, 'visitor_not_applicant');
    });

    it('knows no visitor that never applied', () => {
      spec.given([]).when({ type: 'RecordInterview', data: { by: 'J', outcome: 'approve' } }, { visitorId }).thenThrows(NotFoundError);
    });
  });

  describe('vetting and training', () => {
    it('records a straffeattest checked before the application, with its expiry', () => {
      spec
        .given(applicant)
        .when({ type: 'RecordVetting', data: { kind: 'straffeattest', checkedAt: '2024-06-01T10:00:00Z', expiresAt: '2027-06-01T10:00:00Z', result: 'clear' } })
        .then([{ type: 'VettingRecorded', data: { kind: 'straffeattest', checkedAt: '2024-06-01T10:00:00.000Z', expiresAt: '2027-06-01T10:00:00.000Z', result: 'clear' } }]);
    });

    it('refuses an expiry before the check (400)', () => {
      spec.given(applicant).when({ type: 'RecordVetting', data: { kind: 'straffeattest', checkedAt: '2024-06-01T10:00:00Z', expiresAt: '2024-05-01T10:00:00Z', result: 'clear' } }).thenThrows(ValidationError);
    });

    it('records a course; a blank name is refused', () => {
      spec.given(active).when({ type: 'RecordTraining', data: { course: 'Introduktion', at: '2025-01-10T10:00:00Z' } }).then([{ type: 'TrainingCompleted', data: { course: 'Introduktion', at: '2025-01-10T10:00:00.000Z' } }]);
      spec.given(active).when({ type: 'RecordTraining', data: { course: '  ' } }).thenThrows(ValidationError);
    });
  });

  describe('supervision, pause and leaving', () => {
    it('holds supervision for an approved volunteer, not an applicant', () => {
      spec.given(active).when({ type: 'RecordSupervision', data: { kind: 'group', by: 'Jette Holm', note: 'Svært med en borger' } }).then([{ type: 'SupervisionHeld', data: { at: NOW, kind: 'group', by: 'Jette Holm', note: 'Svært med en borger' } }]);
      spec.given(applicant).when({ type: 'RecordSupervision', data: { kind: 'group', by: 'J' } }).thenThrows(IllegalStateError, 'visitor_not_approved');
    });

    it('pauses until a date, once, and resumes only a paused volunteer', () => {
      const paused: VisitorEvent = { type: 'VisitorPaused', data: { from: NOW, until: '2027-01-01T00:00:00.000Z', reason: 'Sygdom' } };
      spec.given(active).when({ type: 'PauseVolunteer', data: { reason: 'Sygdom', until: '2027-01-01T00:00:00Z' } }).then([paused]);
      spec.given([...active, paused]).when({ type: 'PauseVolunteer', data: { reason: 'igen' } }).thenThrows(IllegalStateError, 'visitor_paused');
      spec.given(active).when({ type: 'PauseVolunteer', data: { reason: 'r', until: '2020-01-01T00:00:00Z' } }).thenThrows(ValidationError);
      spec.given([...active, paused]).when({ type: 'ResumeVolunteer', data: {} }).then([{ type: 'VisitorResumed', data: { at: NOW } }]);
      spec.given(active).when({ type: 'ResumeVolunteer', data: {} }).thenThrows(IllegalStateError, 'visitor_not_paused');
    });

    it('does not let a paused volunteer be reactivated around the pause', () => {
      const paused: VisitorEvent = { type: 'VisitorPaused', data: { from: NOW, reason: 'Sygdom' } };
      spec.given([...active, paused]).when({ type: 'ReactivateVisitor', data: {} }).thenThrows(IllegalStateError, 'visitor_paused');
    });

    it('leaves only with no open case, naming the cases to reassign', () => {
      spec.given(active).when({ type: 'VolunteerLeaves', data: { reason: 'Flytter' } }, { openCaseIds: [] }).then([{ type: 'VisitorLeft', data: { at: NOW, reason: 'Flytter' } }]);
      let refusal: unknown;
      try {
        visitorDecider.decide({ type: 'VolunteerLeaves', data: { reason: 'Flytter' } }, active.reduce(visitorDecider.evolve, visitorDecider.initialState()), { now: NOW, actor: coordinator, openCaseIds: ['c1', 'c2'] });
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toMatchObject({ code: 'visitor_has_cases', details: { caseIds: ['c1', 'c2'] } });
    });

    it('takes nothing more once left, but may be erased; an active one may not', () => {
      const left: VisitorEvent = { type: 'VisitorLeft', data: { at: NOW, reason: 'Flytter' } };
      spec.given([...active, left]).when({ type: 'RecordSupervision', data: { kind: 'group', by: 'J' } }).thenThrows(IllegalStateError, 'visitor_left');
      spec.given([...active, left]).when({ type: 'EraseVisitor', data: {} }).then([{ type: 'VisitorErased', data: { at: NOW } }]);
      spec.given(active).when({ type: 'EraseVisitor', data: {} }).thenThrows(IllegalStateError, 'visitor_not_left');
      spec.given([...active, left, { type: 'VisitorErased', data: { at: NOW } }]).when({ type: 'EraseVisitor', data: {} }).thenThrows(IllegalStateError, 'visitor_erased');
      spec.given([...active, left, { type: 'VisitorErased', data: { at: NOW } }]).when({ type: 'ChangeVisitorDetails', data: { name: 'Ny' } }).thenThrows(IllegalStateError, 'visitor_erased');
    });
  });

  it('assigns the frivillighedstovholder as contact person, once', () => {
    const assigned: VisitorEvent = { type: 'VolunteerCoordinatorAssigned', data: { coordinatorSub: 'lone', at: NOW } };
    spec.given(active).when({ type: 'AssignVolunteerCoordinator', data: { coordinatorSub: ' lone ' } }).then([assigned]);
    spec.given([...active, assigned]).when({ type: 'AssignVolunteerCoordinator', data: { coordinatorSub: 'lone' } }).thenThrows(IllegalStateError, 'coordinator_unchanged');
  });

  it('folds an application into an inactive visitor with no places, and approval into an active one with the approved capacity', () => {
    const state = (events: VisitorEvent[]) => events.reduce(visitorDecider.evolve, visitorDecider.initialState());
    expect(state(applicant)).toMatchObject({ status: 'Registered', kind: 'volunteer', capacity: 0, active: false, standing: { status: 'applicant' } });
    expect(state(active)).toMatchObject({ capacity: 2, active: true, standing: { status: 'active', provisos: ['Ikke hos nyligt efterladte'] } });
  });

  it('dates each lifecycle event by its business time (a straffeattest by when it was checked), the registry\'s own by when recorded', () => {
    expect(visitorOccurredAt(applied, NOW)).toBe(TWO_YEARS_AGO);
    expect(visitorOccurredAt({ type: 'VettingRecorded', data: { kind: 'straffeattest', checkedAt: '2024-06-01T10:00:00.000Z', result: 'clear' } }, NOW)).toBe('2024-06-01T10:00:00.000Z');
    expect(visitorOccurredAt({ type: 'VisitorPaused', data: { from: '2026-11-01T10:00:00.000Z', reason: 'r' } }, NOW)).toBe('2026-11-01T10:00:00.000Z');
    expect(visitorOccurredAt({ type: 'VisitorCapacityChanged', data: { capacity: 2 } }, NOW)).toBe(NOW);
  });
});
