import { normalisePhone } from '../shared/danish';
import { assertNever, Decider } from '../shared/decider';
import { IllegalStateError, NotFoundError, ValidationError } from '../shared/errors';
import type { ChangeVisitorCapacity, ChangeVisitorDetails, Namesake, RegisterVisitor, VisitorCommand, VisitorContext } from './visitor.commands';
import type { VisitorEvent } from './visitor.events';
import { profileChecks } from '../matching/matching.checks';
import { decideVolunteer } from './volunteer.decide';
import { VOLUNTEER_COMMAND_TYPES, VolunteerCommand } from './volunteer.commands';
import { VOLUNTEER_EVENT_TYPES, VolunteerEvent } from './volunteer.events';
import { applyStanding } from './volunteer.standing';
import type { VisitorState } from './visitor.state';

export type { VisitorState } from './visitor.state';

/** A visitor takes 1 to 50 active cases; more is not a visiting friendship. */
export const CAPACITY = { min: 1, max: 50 } as const;

function evolve(state: VisitorState, event: VisitorEvent): VisitorState {
  if (event.type === 'VisitorRegistered') return state.status === 'None' ? { status: 'Registered', ...event.data, active: true } : state;
  if (isVolunteerEvent(event)) return evolveVolunteer(state, event);
  if (state.status === 'None') return state;
  switch (event.type) {
    case 'VisitorCapacityChanged':
      return { ...state, capacity: event.data.capacity };
    case 'VisitorDeactivated':
      return { ...state, active: false };
    case 'VisitorReactivated':
      return { ...state, active: true };
    case 'VisitorDetailsChanged':
      return { ...state, ...event.data };
    case 'VisitorProfileUpdated':
      return { ...state, profile: event.data };
    default:
      return assertNever(event);
  }
}

/** An application makes the visitor (an applicant: no places, takes no case); approval, pause, resume and leaving move `active`. */
function evolveVolunteer(state: VisitorState, event: VolunteerEvent): VisitorState {
  if (event.type === 'VisitorApplied') {
    if (state.status !== 'None') return state;
    const { visitorId, name, phone } = event.data;
    return { status: 'Registered', visitorId, name, phone, kind: 'volunteer', capacity: 0, active: false, standing: applyStanding(undefined, event)! };
  }
  if (state.status === 'None') return state;
  const standing = applyStanding(state.standing, event);
  switch (event.type) {
    case 'VisitorApproved':
      return { ...state, standing, capacity: event.data.capacity, active: true };
    case 'VisitorPaused':
    case 'VisitorLeft':
    case 'VisitorDeclined':
      return { ...state, standing, active: false };
    case 'VisitorResumed':
      return { ...state, standing, active: true };
    default:
      return { ...state, standing };
  }
}

const isVolunteerEvent = (event: VisitorEvent): event is VolunteerEvent => VOLUNTEER_EVENT_TYPES.has(event.type);
const isVolunteerCommand = (command: VisitorCommand): command is VolunteerCommand => VOLUNTEER_COMMAND_TYPES.has(command.type);

function decide(command: VisitorCommand, state: VisitorState, context: VisitorContext): VisitorEvent[] {
  if (command.type === 'RegisterVisitor') return register(command, state, context.namesake);
  if (isVolunteerCommand(command)) return decideVolunteer(command, state, context);
  if (state.status === 'None') throw new NotFoundError('visitor', context.visitorId ?? 'unknown');
  // Issue 20: an erased volunteer's stream takes no more commands.
  if (state.standing?.erased) throw new IllegalStateError('visitor_erased', 'the visitor has been erased and takes no more commands');
  switch (command.type) {
    case 'ChangeVisitorCapacity':
      // Allowed below the visitor's open cases: they keep those (the same visitor always comes) and take no new one.
      return [{ type: 'VisitorCapacityChanged', data: { capacity: capacity(command) } }];
    case 'DeactivateVisitor':
      if (!state.active) throw new IllegalStateError('visitor_inactive', 'the visitor is already inactive');
      return [{ type: 'VisitorDeactivated', data: command.data.reason === undefined ? {} : { reason: command.data.reason } }];
    case 'ReactivateVisitor':
      if (state.active) throw new IllegalStateError('visitor_active', 'the visitor is already active');
      // The lifecycle's own steps bring a volunteer back (resume) or in (approve); a reactivation does not skip them.
      if (state.standing !== undefined && state.standing.status !== 'active') {
        throw new IllegalStateError(state.standing.status === 'paused' ? 'visitor_paused' : state.standing.status === 'left' ? 'visitor_left' : 'visitor_not_approved', `the volunteer is ${state.standing.status}: use their own step`);
      }
      refuseNamesake(context.namesake);
      return [{ type: 'VisitorReactivated', data: command.data.reason === undefined ? {} : { reason: command.data.reason } }];
    case 'ChangeVisitorDetails':
      return details(command, state, context.namesake);
    case 'UpdateVisitorProfile':
      return [{ type: 'VisitorProfileUpdated', data: profileChecks(command.data, context.now) }];
    default:
      return assertNever(command);
  }
}

function register({ data }: RegisterVisitor, state: VisitorState, namesake: Namesake | undefined): VisitorEvent[] {
  if (state.status !== 'None') throw new IllegalStateError('visitor_exists', `visitor ${data.visitorId} is already registered`);
  const errors = capacityErrors(data.capacity);
  const phone = data.phone === undefined ? undefined : normalisePhone(data.phone);
  if (data.phone !== undefined && !phone) errors.push(PHONE_ERROR);
  if (errors.length > 0) throw new ValidationError(errors);
  refuseNamesake(namesake);
  const { visitorId, name, kind } = data;
  return [{ type: 'VisitorRegistered', data: { visitorId, name, kind, capacity: data.capacity, ...(phone && { phone }) } }];
}

const PHONE_ERROR = { field: 'phone', message: 'phone must be a Danish phone number: +45 and 8 digits' };

/** Only what changed is recorded; nothing given, or nothing new, changes nothing. */
function details({ data }: ChangeVisitorDetails, state: Extract<VisitorState, { status: 'Registered' }>, namesake: Namesake | undefined): VisitorEvent[] {
  if (data.name === undefined && data.phone === undefined) throw new ValidationError([{ field: 'name', message: 'give name, phone or both' }]);
  const phone = data.phone === undefined ? undefined : normalisePhone(data.phone);
  if (data.phone !== undefined && !phone) throw new ValidationError([PHONE_ERROR]);
  const changed = {
    ...(data.name !== undefined && data.name !== state.name && { name: data.name }),
    ...(phone !== undefined && phone !== state.phone && { phone }),
  };
  if (Object.keys(changed).length === 0) throw new IllegalStateError('visitor_unchanged', 'the visitor already has this name and phone');
  if (state.active) refuseNamesake(namesake);
  return [{ type: 'VisitorDetailsChanged', data: changed }];
}

/** The same person registered twice: refused, naming the one already there. */
function refuseNamesake(namesake: Namesake | undefined): void {
  if (!namesake) return;
  throw new IllegalStateError('visitor_exists', `an active visitor with this name and phone is already registered: ${namesake.name} (${namesake.visitorId})`, {
    visitorId: namesake.visitorId,
    name: namesake.name,
  });
}

function capacity({ data }: ChangeVisitorCapacity): number {
  const errors = capacityErrors(data.capacity);
  if (errors.length > 0) throw new ValidationError(errors);
  return data.capacity;
}

function capacityErrors(value: number): Array<{ field: string; message: string }> {
  const fits = Number.isInteger(value) && value >= CAPACITY.min && value <= CAPACITY.max;
  return fits ? [] : [{ field: 'capacity', message: `capacity must be a whole number from ${CAPACITY.min} to ${CAPACITY.max}` }];
}

/** The visitor stream `visitor-<visitorId>` as a decider. */
export const visitorDecider: Decider<VisitorCommand, VisitorEvent, VisitorState, VisitorContext> = {
  initialState: () => ({ status: 'None' }),
  evolve,
  decide,
};
