import type { VisitorKind } from '../shared/codes';
import type { Message } from '../shared/decider';

/** The visitor stream `visitor-<visitorId>`: the registry entry of one volunteer or employee. */

export type VisitorRegistered = Message<
  'VisitorRegistered',
  {
    visitorId: string;
    /** personal: printed on the visit card */
    name: string;
    kind: VisitorKind;
    /** How many active cases the visitor can take. */
    capacity: number;
    /** personal: `+45` and 8 digits, printed on the visit card */
    phone?: string;
  }
>;
export type VisitorCapacityChanged = Message<'VisitorCapacityChanged', { capacity: number }>;
/** The visitor takes no new cases (a break, or leaving); the cases they have stay theirs until reassigned. */
export type VisitorDeactivated = Message<'VisitorDeactivated', { reason?: string }>;
export type VisitorReactivated = Message<'VisitorReactivated', Record<string, never>>;

export type VisitorEvent = VisitorRegistered | VisitorCapacityChanged | VisitorDeactivated | VisitorReactivated;
