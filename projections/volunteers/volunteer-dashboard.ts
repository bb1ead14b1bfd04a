import { copenhagenMonthOf } from '../shared/copenhagen-day';
import type { VolunteerSource } from './volunteer-view';
import { volunteerView } from './volunteer-view';
import { DEFAULT_PROGRAMME_SETTINGS, ProgrammeSettingsTable } from '../../domain/programme/programme.settings';

/** `GET /dashboard/volunteers` (issue 20): aggregates only, no names. */
export interface VolunteerDashboard {
  /** Every visitor by status; `registered` are staff and volunteers registered directly who have no lifecycle. */
  byStatus: Record<string, number>;
  /** Of those who applied: how many were interviewed, approved, declined. */
  funnel: { applied: number; interviewed: number; approved: number; declined: number };
  /** Months from approval to leaving (or to now, for those still with us), of every approved volunteer. */
  retention: { volunteers: number; averageMonths: number; medianMonths: number; left: number };
  /** Active volunteers with a lifecycle whose supervision is not overdue. */
  supervision: { due: number; onTime: number };
  /** Visits and hours given per Copenhagen month, the last 12 months, oldest first. */
  hoursByMonth: Array<{ month: string; visits: number; hours: number }>;
}

const MONTH = 30.4375 * 86_400_000;
const round1 = (n: number) => Math.round(n * 10) / 10;

export function volunteerDashboard(visitors: Iterable<VolunteerSource>, now: string, settings: ProgrammeSettingsTable = DEFAULT_PROGRAMME_SETTINGS): VolunteerDashboard {
  const byStatus: Record<string, number> = {};
  const funnel = { applied: 0, interviewed: 0, approved: 0, declined: 0 };
  const months: number[] = [];
  let left = 0;
  const supervision = { due: 0, onTime: 0 };
  const byMonth = new Map<string, { visits: number; minutes: number }>();
  for (const v of visitors) {
    const s = v.standing;
    const status = s?.status ?? 'registered';
    byStatus[status] = (byStatus[status] ?? 0) + 1;
    if (s && s.appliedAt !== '') {
      funnel.applied += 1;
      if (s.interviewedAt !== undefined) funnel.interviewed += 1;
      if (s.approvedAt !== undefined) funnel.approved += 1;
      if (s.status === 'declined') funnel.declined += 1;
    }
    if (s?.approvedAt !== undefined) {
      const end = s.leftAt ?? now;
      months.push(Math.max(0, (Date.parse(end) - Date.parse(s.approvedAt)) / MONTH));
      if (s.status === 'left') left += 1;
    }
    if (s?.status === 'active') {
      const view = volunteerView(v, now, settings);
      if (view.supervision.nextDue !== null) {
        supervision.due += 1;
        if (!view.supervision.overdue) supervision.onTime += 1;
      }
    }
    for (const [month, counted] of Object.entries(v.visitsByMonth ?? {})) {
      const sum = byMonth.get(month) ?? { visits: 0, minutes: 0 };
      byMonth.set(month, { visits: sum.visits + counted.visits, minutes: sum.minutes + counted.minutes });
    }
  }
  const sorted = [...months].sort((a, b) => a - b);
  const median = sorted.length === 0 ? 0 : sorted.length % 2 === 1 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
  return {
    byStatus,
    funnel,
    retention: { volunteers: months.length, averageMonths: months.length === 0 ? 0 : round1(months.reduce((a, b) => a + b, 0) / months.length), medianMonths: round1(median), left },
    supervision,
    hoursByMonth: lastTwelveMonths(now).map((month) => {
      const sum = byMonth.get(month) ?? { visits: 0, minutes: 0 };
      return { month, visits: sum.visits, hours: round1(sum.minutes / 60) };
    }),
  };
}

/** `YYYY-MM` of this Copenhagen month and the eleven before it, oldest first. */
function lastTwelveMonths(now: string): string[] {
  const [year, month] = copenhagenMonthOf(now).split('-').map(Number) as [number, number];
  return Array.from({ length: 12 }, (_, i) => {
    const index = year * 12 + (month - 1) - (11 - i);
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}
