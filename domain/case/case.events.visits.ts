import type { CancelledBy, VisitorKind } from '../shared/codes';
import type { Message } from '../shared/decider';
import type { PersonalParts } from '../shared/personal';

// The case stream's events, the first visit and the visit card, visits held or not, and the visit plan
// (issue #17). Their contract: domain/case/case.events.ts.

/**
 * The visit card (besøgskort) is handed over: it carries the visitor's name and phone.
 * `visitAt` is the agreed visit; `at` when it was booked (absent in events written before it was recorded).
 */
export type FirstVisitBooked = Message<
  'FirstVisitBooked',
  { visitorId: string; visitorKind: VisitorKind; visitorName: string; visitorPhone?: string; visitAt: string; at?: string }
>;

/** `participants`: the relatives (relativeIds) who took part (issue #19; absent in older events and when none did). `durationMinutes`: how long (issue 20: the volunteer's hours). */
export type VisitHeld = Message<
  'VisitHeld',
  { visitorId: string; visitedAt: string; nextVisitAt?: string; themes: string[]; note?: string; participants?: string[]; durationMinutes?: number }
>;

/** "Fyret, men vi kommer igen": the citizen sent the visitor away; the visitor judges it right to return. */
export type VisitorDismissedButReturning = Message<
  'VisitorDismissedButReturning',
  { visitorId: string; at: string; nextVisitAt: string; assessment: string }
>;

/** "Vi ringer altid inden": only recorded when the citizen was called first. */
export type VisitRescheduled = Message<'VisitRescheduled', { from: string; to: string; citizenNotified: true }>;

/** `citizenNotified`: the citizen was told (always so when the visitor cancels; absent in events written before issue #17). */
export type VisitCancelled = Message<'VisitCancelled', { at: string; by: CancelledBy; reason: string; citizenNotified?: true }>;

export type VisitorReassigned = Message<
  'VisitorReassigned',
  {
    fromVisitorId: string;
    toVisitorId: string;
    toVisitorKind: VisitorKind;
    toVisitorName: string;
    toVisitorPhone?: string;
    reason: string;
  }
>;

/** A next visit agreed when none was (after a cancellation, or when the visitor could not say); the citizen was told. */
export type NextVisitBooked = Message<'NextVisitBooked', { visitAt: string; citizenNotified: true }>;

/** The fixed time: weekday 1 (Monday) … 7 (Sunday), Copenhagen `HH:mm`, every 1–4 weeks. */
export type VisitSlotAgreed = Message<'VisitSlotAgreed', { weekday: number; time: string; everyWeeks: number }>;

/**
 * Visits stop for a while (a hospital stay, a holiday): `until` is when it is
 * expected to end; an agreed visit falls out with it (`droppedVisitAt`).
 */
export type CasePaused = Message<'CasePaused', { reason: string; at: string; until?: string; droppedVisitAt?: string }>;

export type CaseResumed = Message<'CaseResumed', { at: string }>;

export type VisitEvent =
  | FirstVisitBooked
  | VisitHeld
  | VisitorDismissedButReturning
  | VisitRescheduled
  | VisitCancelled
  | VisitorReassigned
  | NextVisitBooked
  | VisitSlotAgreed
  | CasePaused
  | CaseResumed;

/** The personal part of each event above, field by field (see CASE_PERSONAL_DATA). */
export const VISIT_PERSONAL_DATA: PersonalParts<VisitEvent> = {
  FirstVisitBooked: { visitorId: 'clear', visitorKind: 'clear', visitorName: 'clear', visitorPhone: 'clear', visitAt: 'clear', at: 'clear' },
  VisitHeld: { visitorId: 'clear', visitedAt: 'clear', nextVisitAt: 'clear', themes: 'personal', note: 'personal', participants: 'clear', durationMinutes: 'clear' },
  VisitorDismissedButReturning: { visitorId: 'clear', at: 'clear', nextVisitAt: 'clear', assessment: 'personal' },
  VisitRescheduled: { from: 'clear', to: 'clear', citizenNotified: 'clear' },
  VisitCancelled: { at: 'clear', by: 'clear', reason: 'personal', citizenNotified: 'clear' },
  VisitorReassigned: { fromVisitorId: 'clear', toVisitorId: 'clear', toVisitorKind: 'clear', toVisitorName: 'clear', toVisitorPhone: 'clear', reason: 'personal' },
  NextVisitBooked: { visitAt: 'clear', citizenNotified: 'clear' },
  VisitSlotAgreed: { weekday: 'clear', time: 'clear', everyWeeks: 'clear' },
  // Why visits stop (a hospital stay) is health information about the person.
  CasePaused: { reason: 'personal', at: 'clear', until: 'clear', droppedVisitAt: 'clear' },
  CaseResumed: { at: 'clear' },
};
