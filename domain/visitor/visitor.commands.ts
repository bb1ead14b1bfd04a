import type { VisitorKind } from '../shared/codes';
import type { BaseContext, Message } from '../shared/decider';

export type RegisterVisitor = Message<'RegisterVisitor', { visitorId: string; name: string; kind: VisitorKind; capacity: number; phone?: string }>;
export type ChangeVisitorCapacity = Message<'ChangeVisitorCapacity', { capacity: number }>;
export type DeactivateVisitor = Message<'DeactivateVisitor', { reason?: string }>;
export type ReactivateVisitor = Message<'ReactivateVisitor', Record<string, never>>;

export type VisitorCommand = RegisterVisitor | ChangeVisitorCapacity | DeactivateVisitor | ReactivateVisitor;

export interface VisitorContext extends BaseContext {
  /** The visitor the command is for, so a refusal can name it. */
  visitorId?: string;
}
