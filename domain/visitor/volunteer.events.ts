import type { Programme } from '../shared/codes';
import type { Message } from '../shared/decider';
import type { PersonalParts } from '../shared/personal';
import type { InterviewOutcome, SupervisionKind, VettingKind, VettingResult } from './volunteer.codes';

/**
 * The volunteer's lifecycle on the visitor stream (issue 20). Business times
 * (`at`, `checkedAt`, `from`) may be back-dated, at most 24 hours ahead.
 * Notes about the volunteer (motivation, interview and supervision notes,
 * reasons for a decline, a pause or leaving) are the volunteer's personal
 * data: sealed under a key of the visitor's own, destroyed by the erasure.
 */

export type VisitorApplied = Message<
  'VisitorApplied',
  { visitorId: string; name: string; phone: string; email?: string; programmes: Programme[]; motivation?: string; howHeard?: string; at: string }
>;
export type VisitorInterviewed = Message<'VisitorInterviewed', { at: string; by: string; outcome: InterviewOutcome; note?: string }>;
export type VisitorApproved = Message<'VisitorApproved', { programmes: Programme[]; provisos: string[]; capacity: number; at: string }>;
export type VisitorDeclined = Message<'VisitorDeclined', { reason: string; at: string }>;
export type VettingRecorded = Message<'VettingRecorded', { kind: VettingKind; checkedAt: string; expiresAt?: string; result: VettingResult }>;
export type TrainingCompleted = Message<'TrainingCompleted', { course: string; at: string; expiresAt?: string }>;
export type SupervisionHeld = Message<'SupervisionHeld', { at: string; kind: SupervisionKind; by: string; note?: string }>;
export type VisitorPaused = Message<'VisitorPaused', { from: string; until?: string; reason: string }>;
export type VisitorResumed = Message<'VisitorResumed', { at: string }>;
export type VisitorLeft = Message<'VisitorLeft', { at: string; reason: string }>;
export type VolunteerCoordinatorAssigned = Message<'VolunteerCoordinatorAssigned', { coordinatorSub: string; at: string }>;
/** The volunteer's notes are erased (their key destroyed); what stays is staff data in clear. */
export type VisitorErased = Message<'VisitorErased', { at: string }>;

export type VolunteerEvent =
  | VisitorApplied
  | VisitorInterviewed
  | VisitorApproved
  | VisitorDeclined
  | VettingRecorded
  | TrainingCompleted
  | SupervisionHeld
  | VisitorPaused
  | VisitorResumed
  | VisitorLeft
  | VolunteerCoordinatorAssigned
  | VisitorErased;

export const VOLUNTEER_EVENT_TYPES: ReadonlySet<string> = new Set<VolunteerEvent['type']>([
  'VisitorApplied',
  'VisitorInterviewed',
  'VisitorApproved',
  'VisitorDeclined',
  'VettingRecorded',
  'TrainingCompleted',
  'SupervisionHeld',
  'VisitorPaused',
  'VisitorResumed',
  'VisitorLeft',
  'VolunteerCoordinatorAssigned',
  'VisitorErased',
]);

/**
 * Name, phone and e-mail are staff data as for a registered visitor (the visit
 * card prints them); everything a coordinator writes about the volunteer is
 * personal, sealed under the visitor's key.
 */
export const VOLUNTEER_PERSONAL_DATA: PersonalParts<VolunteerEvent> = {
  VisitorApplied: { visitorId: 'clear', name: 'clear', phone: 'clear', email: 'clear', programmes: 'clear', motivation: 'personal', howHeard: 'clear', at: 'clear' },
  VisitorInterviewed: { at: 'clear', by: 'clear', outcome: 'clear', note: 'personal' },
  VisitorApproved: { programmes: 'clear', provisos: 'clear', capacity: 'clear', at: 'clear' },
  VisitorDeclined: { reason: 'personal', at: 'clear' },
  VettingRecorded: { kind: 'clear', checkedAt: 'clear', expiresAt: 'clear', result: 'clear' },
  TrainingCompleted: { course: 'clear', at: 'clear', expiresAt: 'clear' },
  SupervisionHeld: { at: 'clear', kind: 'clear', by: 'clear', note: 'personal' },
  VisitorPaused: { from: 'clear', until: 'clear', reason: 'personal' },
  VisitorResumed: { at: 'clear' },
  VisitorLeft: { at: 'clear', reason: 'personal' },
  VolunteerCoordinatorAssigned: { coordinatorSub: 'clear', at: 'clear' },
  VisitorErased: { at: 'clear' },
};

/**
 * The business time of a visitor event (its metadata's occurredAt): the
 * lifecycle's `at`, a vetting's `checkedAt`, a pause's `from`; when recorded
 * for the registry's own events and an erasure.
 */
export const visitorOccurredAt = (event: { type: string; data: unknown }, now: string): string => {
  if (!VOLUNTEER_EVENT_TYPES.has(event.type) || event.type === 'VisitorErased') return now;
  const data = event.data as { at?: unknown; checkedAt?: unknown; from?: unknown };
  const business = [data.at, data.checkedAt, data.from].find((value): value is string => typeof value === 'string');
  return business ?? now;
};
