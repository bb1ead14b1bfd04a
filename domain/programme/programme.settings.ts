import { ASSESSMENT_SETTINGS } from '../shared/assessment-schedule';
import { PROGRAMMES, Programme } from '../shared/codes';
import { FOLLOW_UP_AFTER_MONTHS } from '../shared/course-codes';
import { PROGRAMME_REQUIREMENTS, VettingKind } from '../visitor/volunteer.codes';

/**
 * A programme's settings (issues 19, 20, 22): what an admin may change per
 * programme (`POST /programmes/:programme/settings`, the `programme-<code>`
 * stream). Until a programme's first ProgrammeSettingsChanged its settings are
 * the defaults below, the constants the issues named.
 */
export interface ProgrammeSettings {
  /** Issue 19: a closed case's follow-up falls due this many months after the end. */
  followUpMonths: number;
  /** Issue 20: vettings on record, clear and unexpired, before an applicant volunteer is booked. */
  requiredVetting: VettingKind[];
  /** Issue 20: courses a volunteer should have (unexpired); missing ones show on the attention list. */
  requiredCourses: string[];
  /** Issue 20: supervision at least this often. */
  supervisionEveryWeeks: number;
  /** Issue 22: while a case is active, UCLA-3 again this many weeks after the last one. */
  reassessEveryWeeks: number;
}

/** Every programme's settings, as in force. */
export type ProgrammeSettingsTable = Readonly<Record<Programme, ProgrammeSettings>>;

/** The ranges a setting must lie in (whole numbers, both ends included). */
export const SETTING_RANGES = {
  followUpMonths: { min: 1, max: 24 },
  supervisionEveryWeeks: { min: 1, max: 52 },
  reassessEveryWeeks: { min: 2, max: 52 },
} as const;

/** At most this many required courses, each at most this long. */
export const MAX_REQUIRED_COURSES = 10;
export const MAX_COURSE_LENGTH = 80;

/**
 * The defaults: 3 months to the follow-up (issue 19), a straffeattest for every
 * volunteer who visits in homes, the introduction course (and for bisiddere the
 * one on suicidal thoughts, seed 002), supervision every 12 weeks, UCLA-3 every
 * 12 weeks (issues 20 and 22).
 */
export const DEFAULT_PROGRAMME_SETTINGS: ProgrammeSettingsTable = Object.fromEntries(
  PROGRAMMES.map((p) => [
    p,
    {
      followUpMonths: FOLLOW_UP_AFTER_MONTHS[p],
      requiredVetting: [...PROGRAMME_REQUIREMENTS[p].vetting],
      requiredCourses: [...PROGRAMME_REQUIREMENTS[p].courses],
      supervisionEveryWeeks: PROGRAMME_REQUIREMENTS[p].supervisionEveryWeeks,
      reassessEveryWeeks: ASSESSMENT_SETTINGS[p].reassessEveryWeeks,
    },
  ]),
) as unknown as ProgrammeSettingsTable;

/** The table with the changed programmes' settings in place of the defaults. */
export function settingsTable(changed: ReadonlyMap<Programme, ProgrammeSettings> | undefined): ProgrammeSettingsTable {
  if (!changed || changed.size === 0) return DEFAULT_PROGRAMME_SETTINGS;
  return Object.fromEntries(PROGRAMMES.map((p) => [p, changed.get(p) ?? DEFAULT_PROGRAMME_SETTINGS[p]])) as unknown as ProgrammeSettingsTable;
}

export const isProgramme = (code: unknown): code is Programme => typeof code === 'string' && (PROGRAMMES as readonly string[]).includes(code);
