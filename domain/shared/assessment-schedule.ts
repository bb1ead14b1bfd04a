import type { Programme } from './codes';

/**
 * Issue 22: when UCLA-3 is due. Seed 001 asks for "registrering af og
 * opfølgning på ensomhed"; a before/after comparison needs the measurement at
 * intake, along the way, at the end and at the follow-up.
 */
export interface ProgrammeAssessmentSettings {
  /** While a case is active, UCLA-3 again this many weeks after the last one. */
  reassessEveryWeeks: number;
}

/** The defaults; an admin may change `reassessEveryWeeks` per programme (domain/programme/programme.settings.ts). */
export const ASSESSMENT_SETTINGS: Readonly<Record<Programme, ProgrammeAssessmentSettings>> = {
  care_visits: { reassessEveryWeeks: 12 },
  visiting_friend: { reassessEveryWeeks: 12 },
  community_guide: { reassessEveryWeeks: 12 },
  companion: { reassessEveryWeeks: 12 },
};

/** The intake measurement is due within this many days of the first visit. */
export const INTAKE_WITHIN_DAYS = 14;
/** A measurement this many days before the expected end (or later) counts as the one at the close. */
export const CLOSE_WITHIN_DAYS = 14;

export type AssessmentKind = 'intake' | 'periodic' | 'close' | 'follow_up';

/** What a case's timeline says about its measurements, as the assessments read model keeps it. */
export interface AssessmentFacts {
  programme: Programme;
  status: 'open' | 'active' | 'paused' | 'closed';
  /** The first visit held (or, before one is recorded, the booked first visit). */
  firstVisitAt?: string;
  /** UCLA-3 taken on the case (LonelinessAssessed), the latest. */
  lastAssessedAt?: string;
  /** The agreement's expected end, if it names one. */
  expectedEnd?: string;
  /** Follow-ups scheduled and not yet held. */
  followUps: Array<{ followUpId: string; dueAt: string }>;
}

export interface AssessmentDue {
  kind: AssessmentKind;
  dueAt: string;
  followUpId?: string;
}

const DAY_MS = 86_400_000;
const plusDays = (instant: string, days: number) => new Date(Date.parse(instant) + days * DAY_MS).toISOString();

/**
 * The measurements a case owes, each with the instant it is due by; the list
 * shows those already due or due soon. Nothing for a case not yet visited;
 * along the way nothing while paused; after the close only the follow-ups
 * (UCLA-3 is taken then with the follow-up, FollowUpHeld's `ucla3`).
 *
 * - intake: none taken yet, due 14 days after the first visit;
 * - periodic: every `reassessEveryWeeks` after the last one;
 * - close: an expected end agreed and no measurement from 14 days before it;
 * - follow_up: each follow-up scheduled and not yet held, due on its day.
 */
export function assessmentsOwed(facts: AssessmentFacts, settings: ProgrammeAssessmentSettings = ASSESSMENT_SETTINGS[facts.programme]): AssessmentDue[] {
  const owed: AssessmentDue[] = facts.followUps.map(({ followUpId, dueAt }) => ({ kind: 'follow_up', dueAt, followUpId }));
  if (facts.status !== 'active' || facts.firstVisitAt === undefined) return owed;
  if (facts.lastAssessedAt === undefined) owed.push({ kind: 'intake', dueAt: plusDays(facts.firstVisitAt, INTAKE_WITHIN_DAYS) });
  else owed.push({ kind: 'periodic', dueAt: plusDays(facts.lastAssessedAt, settings.reassessEveryWeeks * 7) });
  if (facts.expectedEnd !== undefined && (facts.lastAssessedAt === undefined || facts.lastAssessedAt < plusDays(facts.expectedEnd, -CLOSE_WITHIN_DAYS))) {
    owed.push({ kind: 'close', dueAt: facts.expectedEnd });
  }
  return owed;
}
