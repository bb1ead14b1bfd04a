import type { AfterCloseEvent } from './case.events.after-close';
import { AFTER_CLOSE_PERSONAL_DATA } from './case.events.after-close';
import type { CourseEvent } from './case.events.course';
import { COURSE_PERSONAL_DATA } from './case.events.course';
import type { IntakeEvent } from './case.events.intake';
import { INTAKE_PERSONAL_DATA } from './case.events.intake';
import type { VisitEvent } from './case.events.visits';
import { VISIT_PERSONAL_DATA } from './case.events.visits';
import type { PersonalParts } from '../shared/personal';

export * from './case.events.after-close';
export * from './case.events.course';
export * from './case.events.intake';
export * from './case.events.visits';

/**
 * The case stream's events (v1). Type names are stable, past tense, and the
 * contract with every stored event: never rename one, add a new version instead.
 * They are declared by topic beside this file (intake, visits, course,
 * after-close), each with the personal part of its data.
 *
 * Personal data lives only in the fields classified `personal` in
 * CASE_PERSONAL_DATA below, so that the privacy layer seals exactly those and
 * leaves the statistics in clear.
 */
export type CaseEvent = IntakeEvent | VisitEvent | CourseEvent | AfterCloseEvent;

export type CaseEventType = CaseEvent['type'];

/**
 * The personal part of every case event, field by field (docs/event-catalogue.md):
 * the compiler asks for each new event and each new field. A `reason` that is a
 * closure code is clear; every other reason is free text about the person. The
 * visitor's name and phone on the visit card are staff data, kept in clear.
 */
export const CASE_PERSONAL_DATA: PersonalParts<CaseEvent> = {
  ...INTAKE_PERSONAL_DATA,
  ...VISIT_PERSONAL_DATA,
  ...COURSE_PERSONAL_DATA,
  ...AFTER_CLOSE_PERSONAL_DATA,
};

/** Every case event type (each one is declared in CASE_PERSONAL_DATA, which the compiler holds complete). */
export const CASE_EVENT_TYPES = Object.keys(CASE_PERSONAL_DATA) as readonly CaseEventType[];

/**
 * Business time of an event: when it happened in the world. Events that record
 * a decision (a task, a reassignment) happened when they were decided;
 * the agreed time of a cancelled visit is data, not the time of the event.
 */
export function occurredAtOf(event: CaseEvent, now: string): string {
  switch (event.type) {
    case 'ReferralReceived':
      return event.data.referredAt;
    case 'VisitHeld':
      return event.data.visitedAt;
    case 'VisitorDismissedButReturning':
    case 'RiskFlagged':
    case 'LonelinessAssessed':
    case 'RelationEstablished':
    case 'ReferralDeclined':
    case 'CaseClosed':
    case 'CasePaused':
    case 'CaseResumed':
    case 'IntroducedToOffer':
    case 'OfferOutcomeRecorded':
    case 'CitizenAccompanied':
    case 'CitizenWentAlone':
    case 'FollowUpHeld':
    case 'ReferredOnward':
    case 'CaseReassessed':
      return event.data.at;
    // A triage or booking says when it happened since issue #17; an older one happened when it was recorded.
    case 'TriagedToVolunteer':
    case 'TriagedToProfessional':
    case 'FirstVisitBooked':
      return event.data.at ?? now;
    default:
      return now;
  }
}

/** The schema version each event type is written with now (1 unless its shape has changed). */
export const CASE_EVENT_SCHEMA_VERSIONS: Readonly<Partial<Record<CaseEventType, number>>> = { LonelinessAssessed: 2, ReferralDeclined: 2 };

export const caseEventSchemaVersion = (event: { type: string }): number => CASE_EVENT_SCHEMA_VERSIONS[event.type as CaseEventType] ?? 1;
