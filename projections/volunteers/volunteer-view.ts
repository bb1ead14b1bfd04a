import type { Programme, VisitorKind } from '../../domain/shared/codes';
import type { VolunteerStatus } from '../../domain/visitor/volunteer.codes';
import { holds, nextSupervisionDue, trainingGaps, vettingGaps, VolunteerStanding } from '../../domain/visitor/volunteer.standing';
import { copenhagenMonthOf } from '../shared/copenhagen-day';
import { DEFAULT_PROGRAMME_SETTINGS, ProgrammeSettingsTable } from '../../domain/programme/programme.settings';

/** What the views read of a Directory entry (projections/directory). */
export interface VolunteerSource {
  visitorId: string;
  name: string;
  kind: VisitorKind;
  phone?: string;
  capacity: number;
  active: boolean;
  activeCaseIds: ReadonlySet<string>;
  profile?: { programmes: Programme[] };
  standing?: VolunteerStanding;
  visitsByMonth?: Record<string, { visits: number; minutes: number }>;
}

/** `GET /visitors/:visitorId` (issue 20): the volunteer's page, no citizen's data. */
export interface VolunteerView {
  visitorId: string;
  name: string;
  kind: VisitorKind;
  phone: string | null;
  /** `active` for a visitor registered directly and active; `inactive` for one deactivated. */
  status: VolunteerStatus | 'inactive';
  programmes: Programme[] | null;
  provisos: string[];
  appliedAt: string | null;
  approvedAt: string | null;
  coordinatorSub: string | null;
  vetting: Array<{ kind: string; checkedAt: string; expiresAt: string | null; result: string; valid: boolean }>;
  training: Array<{ course: string; at: string; expiresAt: string | null; valid: boolean }>;
  missingVetting: string[];
  missingTraining: string[];
  supervision: { last: string | null; count: number; nextDue: string | null; overdue: boolean };
  pausedUntil: string | null;
  capacity: number;
  activeCases: number;
  visits: { thisMonth: { visits: number; hours: number }; thisYear: { visits: number; hours: number } };
}

const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

/** With the programmes' settings in force (required vetting and courses, supervision's interval), as the Directory holds them. */
export function volunteerView(v: VolunteerSource, now: string, settings: ProgrammeSettingsTable = DEFAULT_PROGRAMME_SETTINGS): VolunteerView {
  const s = v.standing;
  const programmes = v.profile?.programmes ?? (s?.approvedAt !== undefined || s?.status === 'applicant' ? s.programmes : null);
  const month = copenhagenMonthOf(now);
  const year = month.slice(0, 4);
  const sum = (keep: (m: string) => boolean) =>
    Object.entries(v.visitsByMonth ?? {})
      .filter(([m]) => keep(m))
      .reduce((acc, [, c]) => ({ visits: acc.visits + c.visits, minutes: acc.minutes + c.minutes }), { visits: 0, minutes: 0 });
  const thisMonth = sum((m) => m === month);
  const thisYear = sum((m) => m.startsWith(year));
  const nextDue = s && s.status !== 'applicant' ? (nextSupervisionDue(s, settings) ?? null) : null;
  const servesFor = programmes ?? [];
  return {
    visitorId: v.visitorId,
    name: v.name,
    kind: v.kind,
    phone: v.phone ?? null,
    status: s?.status ?? (v.active ? 'active' : 'inactive'),
    programmes,
    provisos: s?.provisos ?? [],
    appliedAt: s?.appliedAt ? s.appliedAt : null,
    approvedAt: s?.approvedAt ?? null,
    coordinatorSub: s?.coordinatorSub ?? null,
    vetting: (s?.vettings ?? []).map((x) => ({ kind: x.kind, checkedAt: x.checkedAt, expiresAt: x.expiresAt ?? null, result: x.result, valid: x.result === 'clear' && holds(x, now) })),
    training: (s?.training ?? []).map((x) => ({ course: x.course, at: x.at, expiresAt: x.expiresAt ?? null, valid: holds(x, now) })),
    missingVetting: [...new Set(servesFor.flatMap((p) => vettingGaps(s, p, now, settings)))],
    missingTraining: s ? [...new Set(servesFor.flatMap((p) => trainingGaps(s, p, now, settings)))] : [],
    supervision: { last: s?.lastSupervisionAt ?? null, count: s?.supervisions ?? 0, nextDue, overdue: nextDue !== null && s?.status === 'active' && Date.parse(nextDue) < Date.parse(now) },
    pausedUntil: s?.pausedUntil ?? null,
    capacity: v.capacity,
    activeCases: v.activeCaseIds.size,
    visits: { thisMonth: { visits: thisMonth.visits, hours: hours(thisMonth.minutes) }, thisYear: { visits: thisYear.visits, hours: hours(thisYear.minutes) } },
  };
}

export const ATTENTION_REASONS = ['interview_waiting', 'vetting_missing', 'vetting_expiring', 'vetting_expired', 'supervision_overdue', 'training_missing', 'pause_overrun'] as const;
export type AttentionReason = (typeof ATTENTION_REASONS)[number];

/** `GET /visitors/attention`: one row per volunteer who needs something, with every reason. */
export interface AttentionRow {
  visitorId: string;
  name: string;
  status: VolunteerStatus;
  reasons: Array<{ reason: AttentionReason; since?: string; detail?: string }>;
}

const DAY = 86_400_000;

/**
 * Who needs something (issue 20): applicants waiting for an interview more than
 * 14 days, a required vetting expiring within 30 days or expired, supervision
 * overdue, a required course missing, a pause past its `until`.
 */
export function attention(visitors: Iterable<VolunteerSource>, now: string, settings: ProgrammeSettingsTable = DEFAULT_PROGRAMME_SETTINGS): AttentionRow[] {
  const t = Date.parse(now);
  const rows: AttentionRow[] = [];
  for (const v of visitors) {
    const s = v.standing;
    if (!s || s.status === 'left' || s.status === 'declined' || s.erased) continue;
    const reasons: AttentionRow['reasons'] = [];
    if (s.status === 'applicant' && s.interviewedAt === undefined && t - Date.parse(s.appliedAt) > 14 * DAY) reasons.push({ reason: 'interview_waiting', since: s.appliedAt });
    if (s.status !== 'applicant') {
      const view = volunteerView(v, now, settings);
      for (const vetting of s.vettings) {
        if (vetting.expiresAt === undefined) continue;
        const left = Date.parse(vetting.expiresAt) - t;
        if (left <= 0) reasons.push({ reason: 'vetting_expired', since: vetting.expiresAt, detail: vetting.kind });
        else if (left <= 30 * DAY) reasons.push({ reason: 'vetting_expiring', since: vetting.expiresAt, detail: vetting.kind });
      }
      for (const kind of view.missingVetting) if (!reasons.some((r) => r.detail === kind)) reasons.push({ reason: 'vetting_missing', detail: kind });
      if (view.supervision.overdue && view.supervision.nextDue) reasons.push({ reason: 'supervision_overdue', since: view.supervision.nextDue });
      for (const course of view.missingTraining) reasons.push({ reason: 'training_missing', detail: course });
      if (s.status === 'paused' && s.pausedUntil !== undefined && Date.parse(s.pausedUntil) < t) reasons.push({ reason: 'pause_overrun', since: s.pausedUntil });
    }
    if (reasons.length > 0) rows.push({ visitorId: v.visitorId, name: v.name, status: s.status, reasons });
  }
  return rows.sort((a, b) => a.name.localeCompare(b.name, 'da'));
}
