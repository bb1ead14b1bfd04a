import { normalisePhone } from '../shared/danish';
import { IllegalStateError, NotFoundError } from '../shared/errors';
import { FieldChecks } from '../shared/time';
import type { Programme } from '../shared/codes';
import type { VisitorContext } from './visitor.commands';
import type { VolunteerCommand } from './volunteer.commands';
import type { VolunteerEvent } from './volunteer.events';
import type { VolunteerStanding } from './volunteer.standing';
import type { VisitorState } from './visitor.state';

type Registered = Extract<VisitorState, { status: 'Registered' }>;

/** A visitor takes 1 to 50 active cases (as at registration). */
const CAPACITY = { min: 1, max: 50 } as const;

/** The lifecycle's commands (issue 20). Each business time may be back-dated and lie at most 24 hours ahead. */
export function decideVolunteer(command: VolunteerCommand, state: VisitorState, context: VisitorContext): VolunteerEvent[] {
  const checks = new FieldChecks(context.now);
  if (command.type === 'ApplyAsVolunteer') return apply(command.data, state, checks, context.now);
  if (state.status === 'None') throw new NotFoundError('visitor', context.visitorId ?? 'unknown');
  if (state.standing?.erased) throw new IllegalStateError('visitor_erased', 'the visitor has been erased and takes no more commands');
  const s = state.standing;
  switch (command.type) {
    case 'RecordInterview': {
      const at = checks.happened('at', command.data.at ?? context.now);
      checks.check();
      const applicant = requireApplicant(s);
      requireNotBefore(at, applicant.appliedAt);
      return [{ type: 'VisitorInterviewed', data: { at, by: command.data.by, outcome: command.data.outcome, ...(command.data.note !== undefined && { note: command.data.note }) } }];
    }
    case 'ApproveVolunteer': {
      const at = checks.happened('at', command.data.at ?? context.now);
      if (!Number.isInteger(command.data.capacity) || command.data.capacity < CAPACITY.min || command.data.capacity > CAPACITY.max) {
        checks.fail('capacity', `capacity must be a whole number from ${CAPACITY.min} to ${CAPACITY.max}`);
      }
      programmesChecked(checks, command.data.programmes);
      checks.check();
      const applicant = requireApplicant(s);
      if (applicant.interviewedAt === undefined) throw new IllegalStateError('interview_required', 'a volunteer is approved after an interview: record it first');
      requireNotBefore(at, applicant.interviewedAt, 'the interview');
      refuseNamesake(context);
      const provisos = [...new Set((command.data.provisos ?? []).map((p) => p.trim()).filter((p) => p !== ''))];
      return [{ type: 'VisitorApproved', data: { programmes: [...new Set(command.data.programmes)], provisos, capacity: command.data.capacity, at } }];
    }
    case 'DeclineVolunteer': {
      const at = checks.happened('at', command.data.at ?? context.now);
      checks.check();
      requireNotBefore(at, requireApplicant(s).appliedAt);
      return [{ type: 'VisitorDeclined', data: { reason: command.data.reason, at } }];
    }
    case 'RecordVetting': {
      const checkedAt = checks.happened('checkedAt', command.data.checkedAt);
      const expiresAt = command.data.expiresAt === undefined ? undefined : checks.agreed('expiresAt', command.data.expiresAt);
      if (expiresAt !== undefined) checks.after('expiresAt', expiresAt, 'checkedAt', checkedAt);
      checks.check();
      requireStaying(state);
      return [{ type: 'VettingRecorded', data: { kind: command.data.kind, checkedAt, ...(expiresAt !== undefined && { expiresAt }), result: command.data.result } }];
    }
    case 'RecordTraining': {
      const at = checks.happened('at', command.data.at ?? context.now);
      const expiresAt = command.data.expiresAt === undefined ? undefined : checks.agreed('expiresAt', command.data.expiresAt);
      if (expiresAt !== undefined) checks.after('expiresAt', expiresAt, 'at', at);
      if (command.data.course.trim() === '') checks.fail('course', 'course must name the course');
      checks.check();
      requireStaying(state);
      return [{ type: 'TrainingCompleted', data: { course: command.data.course.trim(), at, ...(expiresAt !== undefined && { expiresAt }) } }];
    }
    case 'RecordSupervision': {
      const at = checks.happened('at', command.data.at ?? context.now);
      checks.check();
      requireServing(state);
      return [{ type: 'SupervisionHeld', data: { at, kind: command.data.kind, by: command.data.by, ...(command.data.note !== undefined && { note: command.data.note }) } }];
    }
    case 'PauseVolunteer': {
      const from = checks.happened('from', command.data.from ?? context.now);
      const until = command.data.until === undefined ? undefined : checks.agreed('until', command.data.until);
      if (until !== undefined) checks.after('until', until, 'from', from);
      checks.check();
      requireServing(state);
      if (s?.status === 'paused') throw new IllegalStateError('visitor_paused', 'the visitor is already paused');
      if (!state.active) throw new IllegalStateError('visitor_inactive', 'the visitor is inactive');
      return [{ type: 'VisitorPaused', data: { from, ...(until !== undefined && { until }), reason: command.data.reason } }];
    }
    case 'ResumeVolunteer': {
      const at = checks.happened('at', command.data.at ?? context.now);
      checks.check();
      if (s?.status !== 'paused') throw new IllegalStateError('visitor_not_paused', 'only a paused visitor resumes');
      if (s.pausedFrom !== undefined) requireNotBefore(at, s.pausedFrom, 'the pause');
      refuseNamesake(context);
      return [{ type: 'VisitorResumed', data: { at } }];
    }
    case 'VolunteerLeaves': {
      const at = checks.happened('at', command.data.at ?? context.now);
      checks.check();
      if (s?.status === 'left') throw new IllegalStateError('visitor_left', 'the visitor has already left');
      if (s?.status === 'applicant' || s?.status === 'declined') throw new IllegalStateError('visitor_not_approved', 'an applicant is declined, not left');
      const open = context.openCaseIds ?? [];
      if (open.length > 0) {
        throw new IllegalStateError('visitor_has_cases', `the visitor still has ${open.length} open case(s): reassign them first (${open.join(', ')})`, { caseIds: open });
      }
      return [{ type: 'VisitorLeft', data: { at, reason: command.data.reason } }];
    }
    case 'AssignVolunteerCoordinator': {
      const at = checks.happened('at', command.data.at ?? context.now);
      if (command.data.coordinatorSub.trim() === '') checks.fail('coordinatorSub', 'coordinatorSub must name the volunteer lead');
      checks.check();
      requireStaying(state);
      if (s?.coordinatorSub === command.data.coordinatorSub.trim()) throw new IllegalStateError('coordinator_unchanged', 'the volunteer already has this contact person');
      return [{ type: 'VolunteerCoordinatorAssigned', data: { coordinatorSub: command.data.coordinatorSub.trim(), at } }];
    }
    case 'EraseVisitor':
      if (s?.status !== 'left' && s?.status !== 'declined') throw new IllegalStateError('visitor_not_left', 'a volunteer is erased after they have left (or were declined)');
      return [{ type: 'VisitorErased', data: { at: context.now } }];
  }
}

function apply(data: Extract<VolunteerCommand, { type: 'ApplyAsVolunteer' }>['data'], state: VisitorState, checks: FieldChecks, now: string): VolunteerEvent[] {
  const at = checks.happened('at', data.at ?? now);
  const phone = normalisePhone(data.phone);
  if (!phone) checks.fail('phone', 'phone must be a Danish phone number: +45 and 8 digits');
  programmesChecked(checks, data.programmes);
  checks.check();
  if (state.status !== 'None') throw new IllegalStateError('visitor_exists', `visitor ${data.visitorId} is already registered`);
  const { visitorId, name, email, motivation, howHeard } = data;
  return [
    {
      type: 'VisitorApplied',
      data: {
        visitorId,
        name,
        phone: phone!,
        ...(email !== undefined && { email }),
        programmes: [...new Set(data.programmes)],
        ...(motivation !== undefined && { motivation }),
        ...(howHeard !== undefined && { howHeard }),
        at,
      },
    },
  ];
}

function programmesChecked(checks: FieldChecks, programmes: readonly Programme[]): void {
  if (programmes.length === 0) checks.fail('programmes', 'name at least one programme');
}

/** Interviews, approval and declining are for applicants only. */
function requireApplicant(standing: VolunteerStanding | undefined): VolunteerStanding {
  if (standing?.status !== 'applicant') {
    throw new IllegalStateError('visitor_not_applicant', standing ? `the volunteer is ${standing.status}, not an applicant` : 'the visitor was registered directly, not through an application');
  }
  return standing;
}

/** Not for someone who has left or was declined. */
function requireStaying(state: Registered): void {
  const status = state.standing?.status;
  if (status === 'left') throw new IllegalStateError('visitor_left', 'the visitor has left');
  if (status === 'declined') throw new IllegalStateError('visitor_not_approved', 'the applicant was declined');
}

/** Supervision and pauses are for a visitor who serves: approved (or registered directly), not gone. */
function requireServing(state: Registered): void {
  requireStaying(state);
  if (state.standing?.status === 'applicant') throw new IllegalStateError('visitor_not_approved', 'the applicant is not approved yet');
}

/** Becoming active beside an active visitor with the same name and phone: the same person twice. */
function refuseNamesake({ namesake }: VisitorContext): void {
  if (namesake) throw new IllegalStateError('visitor_exists', `an active visitor with this name and phone is already registered: ${namesake.name} (${namesake.visitorId})`, { ...namesake });
}

function requireNotBefore(at: string, earlier: string, what = 'the application'): void {
  if (Date.parse(at) < Date.parse(earlier)) throw new IllegalStateError('before_application', `${at} lies before ${what} (${earlier})`);
}

