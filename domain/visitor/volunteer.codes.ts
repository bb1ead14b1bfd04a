import type { Programme } from '../shared/codes';

/**
 * The volunteer's lifecycle (issue 20): codes and the programme settings.
 * Seed 001: "Frivillighedstovholderne matches med frivillige"; seed 002:
 * "Hvordan er de udvalgt? … Hvordan er de klædt på til opgaven?".
 */

/** Where a visitor stands: `applicant` until approved (or declined); a visitor registered directly starts `active`. */
export const VOLUNTEER_STATUSES = ['applicant', 'active', 'paused', 'declined', 'left'] as const;
export type VolunteerStatus = (typeof VOLUNTEER_STATUSES)[number];

/** Danish vetting: the criminal record (straffeattest) and the child-protection record (børneattest). */
export const VETTING_KINDS = ['straffeattest', 'børneattest'] as const;
export type VettingKind = (typeof VETTING_KINDS)[number];

export const VETTING_RESULTS = ['clear', 'remark'] as const;
export type VettingResult = (typeof VETTING_RESULTS)[number];

export const INTERVIEW_OUTCOMES = ['approve', 'decline', 'wait'] as const;
export type InterviewOutcome = (typeof INTERVIEW_OUTCOMES)[number];

export const SUPERVISION_KINDS = ['individual', 'group'] as const;
export type SupervisionKind = (typeof SUPERVISION_KINDS)[number];

/** What a programme asks of a volunteer who came through an application. */
export interface ProgrammeRequirements {
  /** Vettings that must be on record, clear and unexpired, before the volunteer is booked. */
  vetting: readonly VettingKind[];
  /** Courses the volunteer should have (unexpired); missing ones show on the attention list. */
  courses: readonly string[];
  /** Supervision at least this often (default 12 weeks: at least four times a year). */
  supervisionEveryWeeks: number;
}

export const DEFAULT_SUPERVISION_EVERY_WEEKS = 12;

/**
 * The programme settings' defaults (an admin may change them per programme:
 * domain/programme/programme.settings.ts). Default: a straffeattest for every volunteer who
 * visits in homes (care visits, visiting friends, companions); community
 * guides meet citizens in communities (seed 003) and need none. Bisiddere take
 * the course on conversations about suicidal thoughts (seed 002).
 */
export const PROGRAMME_REQUIREMENTS: Readonly<Record<Programme, ProgrammeRequirements>> = {
  care_visits: { vetting: ['straffeattest'], courses: ['Introduktion'], supervisionEveryWeeks: DEFAULT_SUPERVISION_EVERY_WEEKS },
  visiting_friend: { vetting: ['straffeattest'], courses: ['Introduktion'], supervisionEveryWeeks: DEFAULT_SUPERVISION_EVERY_WEEKS },
  community_guide: { vetting: [], courses: ['Introduktion'], supervisionEveryWeeks: DEFAULT_SUPERVISION_EVERY_WEEKS },
  companion: { vetting: ['straffeattest'], courses: ['Introduktion', 'Samtale om selvmordstanker'], supervisionEveryWeeks: DEFAULT_SUPERVISION_EVERY_WEEKS },
};
