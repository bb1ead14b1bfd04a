import type { VisitorKind } from '../shared/codes';
import type { Message } from '../shared/decider';
import type { PersonalParts } from '../shared/personal';
import type { VisitorProfile } from '../matching/matching.profile';
import { VOLUNTEER_PERSONAL_DATA, VolunteerEvent } from './volunteer.events';

/** The visitor stream `visitor-<visitorId>`: the registry entry of one volunteer or employee. */

export type VisitorRegistered = Message<
  'VisitorRegistered',
  {
    visitorId: string;
    /** The visitor's own (staff data): printed on the visit card. */
    name: string;
    kind: VisitorKind;
    /** How many active cases the visitor can take. */
    capacity: number;
    /** The visitor's own: `+45` and 8 digits, printed on the visit card. */
    phone?: string;
  }
>;
export type VisitorCapacityChanged = Message<'VisitorCapacityChanged', { capacity: number }>;
/** The visitor takes no new cases (a break, or leaving); the cases they have stay theirs until reassigned. */
export type VisitorDeactivated = Message<'VisitorDeactivated', { reason?: string }>;
/** The visitor takes new cases again; `reason` (optional, added with its route) says why, e.g. back from a break. */
export type VisitorReactivated = Message<'VisitorReactivated', { reason?: string }>;
/** The visitor's name or phone changed (a typo, a new number): only the fields that changed. Later visit cards print the new ones. */
export type VisitorDetailsChanged = Message<'VisitorDetailsChanged', { name?: string; phone?: string }>;

/** Matching (issue #18): the visitor's whole profile as it now stands (staff data). */
export type VisitorProfileUpdated = Message<'VisitorProfileUpdated', VisitorProfile>;

export type VisitorEvent = VisitorRegistered | VisitorCapacityChanged | VisitorDeactivated | VisitorReactivated | VisitorDetailsChanged | VisitorProfileUpdated | VolunteerEvent;

/**
 * No citizen's data: a visitor's stream has no citizen. The visitor's name,
 * phone and a deactivation's reason are staff data; the lifecycle's notes about
 * a volunteer (issue 20) are the volunteer's personal data, sealed under the
 * visitor's own key (volunteer.events.ts).
 */
export const VISITOR_PERSONAL_DATA: PersonalParts<VisitorEvent> = {
  VisitorRegistered: { visitorId: 'clear', name: 'clear', kind: 'clear', capacity: 'clear', phone: 'clear' },
  VisitorCapacityChanged: { capacity: 'clear' },
  VisitorDeactivated: { reason: 'clear' },
  VisitorReactivated: { reason: 'clear' },
  VisitorDetailsChanged: { name: 'clear', phone: 'clear' },
  VisitorProfileUpdated: {
    programmes: 'clear', interests: 'clear', otherInterests: 'clear', languages: 'clear', postcodes: 'clear',
    availability: 'clear', gender: 'clear', birthYear: 'clear', note: 'clear',
  },
  ...VOLUNTEER_PERSONAL_DATA,
};
