import type { VisitorKind } from '../shared/codes';
import type { BaseContext, Message } from '../shared/decider';
import type { VisitorProfile } from '../matching/matching.profile';

export type RegisterVisitor = Message<'RegisterVisitor', { visitorId: string; name: string; kind: VisitorKind; capacity: number; phone?: string }>;
export type ChangeVisitorCapacity = Message<'ChangeVisitorCapacity', { capacity: number }>;
export type DeactivateVisitor = Message<'DeactivateVisitor', { reason?: string }>;
export type ReactivateVisitor = Message<'ReactivateVisitor', Record<string, never>>;

// Matching (issue #18): the whole profile each time, as the form shows it.
export type UpdateVisitorProfile = Message<'UpdateVisitorProfile', VisitorProfile>;

export type VisitorCommand = RegisterVisitor | ChangeVisitorCapacity | DeactivateVisitor | ReactivateVisitor | UpdateVisitorProfile;

export interface VisitorContext extends BaseContext {
  /** The visitor the command is for, so a refusal can name it. */
  visitorId?: string;
}
