import type { Programme } from '../shared/codes';
import type { Message } from '../shared/decider';
import type { InterviewOutcome, SupervisionKind, VettingKind, VettingResult } from './volunteer.codes';

/** The volunteer's lifecycle (issue 20): one command per route of POST /visitors/…. `at` absent: now. */
export type ApplyAsVolunteer = Message<
  'ApplyAsVolunteer',
  { visitorId: string; name: string; phone: string; email?: string; programmes: Programme[]; motivation?: string; howHeard?: string; at?: string }
>;
export type RecordInterview = Message<'RecordInterview', { at?: string; by: string; outcome: InterviewOutcome; note?: string }>;
export type ApproveVolunteer = Message<'ApproveVolunteer', { programmes: Programme[]; provisos?: string[]; capacity: number; at?: string }>;
export type DeclineVolunteer = Message<'DeclineVolunteer', { reason: string; at?: string }>;
export type RecordVetting = Message<'RecordVetting', { kind: VettingKind; checkedAt: string; expiresAt?: string; result: VettingResult }>;
export type RecordTraining = Message<'RecordTraining', { course: string; at?: string; expiresAt?: string }>;
export type RecordSupervision = Message<'RecordSupervision', { at?: string; kind: SupervisionKind; by: string; note?: string }>;
export type PauseVolunteer = Message<'PauseVolunteer', { from?: string; until?: string; reason: string }>;
export type ResumeVolunteer = Message<'ResumeVolunteer', { at?: string }>;
export type VolunteerLeaves = Message<'VolunteerLeaves', { at?: string; reason: string }>;
export type AssignVolunteerCoordinator = Message<'AssignVolunteerCoordinator', { coordinatorSub: string; at?: string }>;
export type EraseVisitor = Message<'EraseVisitor', Record<string, never>>;

export type VolunteerCommand =
  | ApplyAsVolunteer
  | RecordInterview
  | ApproveVolunteer
  | DeclineVolunteer
  | RecordVetting
  | RecordTraining
  | RecordSupervision
  | PauseVolunteer
  | ResumeVolunteer
  | VolunteerLeaves
  | AssignVolunteerCoordinator
  | EraseVisitor;

export const VOLUNTEER_COMMAND_TYPES: ReadonlySet<string> = new Set<VolunteerCommand['type']>([
  'ApplyAsVolunteer',
  'RecordInterview',
  'ApproveVolunteer',
  'DeclineVolunteer',
  'RecordVetting',
  'RecordTraining',
  'RecordSupervision',
  'PauseVolunteer',
  'ResumeVolunteer',
  'VolunteerLeaves',
  'AssignVolunteerCoordinator',
  'EraseVisitor',
]);
