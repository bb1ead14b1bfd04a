import { AssessmentKind, assessmentsOwed } from '../../domain/shared/assessment-schedule';
import type { Programme } from '../../domain/shared/codes';
import { DEFAULT_PROGRAMME_SETTINGS, ProgrammeSettingsTable } from '../../domain/programme/programme.settings';
import { calendarDaysBetween } from '../shared/time';
import type { AssessmentCase } from './assessments';

export interface AssessmentItem {
  caseId: string;
  citizenId: string;
  programme: Programme;
  visitorId?: string;
  kind: AssessmentKind;
  dueAt: string;
  followUpId?: string;
  overdue: boolean;
  /** Copenhagen calendar days since the due day (0: today; negative: days still to go). */
  daysOverdue: number;
}

export interface AssessmentsFilter {
  /** Also list what falls due within this many days from now. */
  withinDays: number;
  programme?: Programme;
  /** A visitor: only their own active cases (the follow-ups after the end are the coordinator's). */
  visitorId?: string;
}

/**
 * `GET /assessments/due`: what is overdue, and due within `withinDays`, oldest
 * first. Computed when asked, with the programmes' settings in force then
 * (`reassessEveryWeeks`): a changed setting moves every periodic due date.
 */
export function assessmentsDue(cases: Iterable<AssessmentCase>, filter: AssessmentsFilter, now: string, settings: ProgrammeSettingsTable = DEFAULT_PROGRAMME_SETTINGS): AssessmentItem[] {
  const nowMs = Date.parse(now);
  const horizon = nowMs + filter.withinDays * 86_400_000;
  const items: AssessmentItem[] = [];
  for (const c of cases) {
    if (filter.programme && c.programme !== filter.programme) continue;
    if (filter.visitorId !== undefined && (c.visitorId !== filter.visitorId || c.status === 'closed')) continue;
    for (const owed of assessmentsOwed(c, settings[c.programme])) {
      if (Date.parse(owed.dueAt) > horizon) continue;
      items.push({
        caseId: c.caseId,
        citizenId: c.citizenId,
        programme: c.programme,
        ...(c.visitorId !== undefined && { visitorId: c.visitorId }),
        ...owed,
        overdue: Date.parse(owed.dueAt) < nowMs,
        daysOverdue: calendarDaysBetween(owed.dueAt, now),
      });
    }
  }
  return items.sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.caseId.localeCompare(b.caseId));
}
