import type { VisitorKind } from '../shared/codes';
import type { BaseContext, Message } from '../shared/decider';
import type { VisitorProfile } from '../matching/matching.profile';
import type { VolunteerCommand } from './volunteer.commands';

export type RegisterVisitor = Message<'RegisterVisitor', { visitorId: string; name: string; kind: VisitorKind; capacity: number; phone?: string }>;
export type ChangeVisitorCapacity = Message<'ChangeVisitorCapacity', { capacity: number }>;
export type DeactivateVisitor = Message<'DeactivateVisitor', { reason?: string }>;
export type ReactivateVisitor = Message<'ReactivateVisitor', { reason?: string }>;
/** A new name or phone for the visit card; only what is given changes. */
export type ChangeVisitorDetails = Message<'ChangeVisitorDetails', { name?: string; phone?: string }>;

// Matching (issue #18): the whole profile each time, as the form shows it.
export type UpdateVisitorProfile = Message<'UpdateVisitorProfile', VisitorProfile>;

export type VisitorCommand = RegisterVisitor | ChangeVisitorCapacity | DeactivateVisitor | ReactivateVisitor | ChangeVisitorDetails | UpdateVisitorProfile | VolunteerCommand;

/** Another active visitor who would carry the same name and phone (looked up before deciding). */
export interface Namesake {
  visitorId: string;
  name: string;
}

export interface VisitorContext extends BaseContext {
  /** The visitor the command is for, so a refusal can name it. */
  visitorId?: string;
  /** An active visitor with the same name and phone as this one would have after the command: a registration made twice. */
  namesake?: Namesake;
  /** For VolunteerLeaves: the visitor's open cases (the Directory's), which must be reassigned first. */
  openCaseIds?: string[];
}
