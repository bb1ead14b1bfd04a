import type { Need, Priority, Programme, ReferrerRole, Track } from '../../domain/shared/codes';
import { caseEventOf, caseKeyOf, RISK_NEEDS } from '../shared/events';
import type { DocumentView, ProjectedEvent, Projection } from '../shared/projection';
import { calendarDaysBetween } from '../shared/time';

/** The waiting folder (ventemappe): referred and triaged cases that have no first visit yet. */
export interface WaitingCase {
  caseId: string;
  citizenId: string;
  programme: Programme;
  referredAt: string;
  referrerRole: ReferrerRole;
  referrerOrganisation?: string;
  /** Undefined until triaged: only triaged cases are listed. */
  track?: Track;
  priority?: Priority;
  riskFlags: Need[];
}

export const waitingListProjection: Projection<WaitingCase> = {
  name: 'waiting-list',
  version: 1,
  keysRead: caseKeyOf,
  eventTypes: new Set(['ReferralReceived', 'TriagedToVolunteer', 'TriagedToProfessional', 'RiskFlagged', 'FirstVisitBooked', 'ReferralDeclined', 'CaseClosed']),
  apply(stored: ProjectedEvent, view: DocumentView<WaitingCase>): void {
    const found = caseEventOf(stored);
    if (!found) return;
    const { caseId, event } = found;
    if (event.type === 'ReferralReceived') {
      const { data } = event;
      view.put(caseId, {
        caseId,
        citizenId: data.citizenId,
        programme: data.programme,
        referredAt: data.referredAt,
        referrerRole: data.referrer.role,
        ...(data.referrer.organisation !== undefined && { referrerOrganisation: data.referrer.organisation }),
        riskFlags: data.needs.filter((need) => RISK_NEEDS.includes(need)),
      });
      return;
    }
    const waiting = view.get(caseId);
    if (!waiting) return;
    switch (event.type) {
      case 'TriagedToVolunteer':
      case 'TriagedToProfessional':
        view.put(caseId, { ...waiting, track: event.type === 'TriagedToVolunteer' ? 'volunteer' : 'professional', priority: event.data.priority });
        return;
      case 'RiskFlagged': {
        const riskFlags = waiting.riskFlags.includes(event.data.risk) ? waiting.riskFlags : [...waiting.riskFlags, event.data.risk];
        const professional = RISK_NEEDS.includes(event.data.risk) && waiting.track !== undefined;
        view.put(caseId, { ...waiting, riskFlags, ...(professional && { track: 'professional' as const }) });
        return;
      }
      // Out of the waiting folder: booked, declined or closed.
      case 'FirstVisitBooked':
      case 'ReferralDeclined':
      case 'CaseClosed':
        view.delete(caseId);
        return;
    }
  },
};

export interface WaitingListFilter {
  track?: Track;
  programme?: Programme;
  limit: number;
}

export interface WaitingListEntry extends WaitingCase {
  track: Track;
  priority: Priority;
  /** Copenhagen calendar days since the referral. */
  daysWaiting: number;
}

const RANK: Record<Priority, number> = { high: 0, normal: 1, low: 2 };

/** High priority first, then the oldest referral; `now` only counts the days waiting. */
export function waitingList(cases: Iterable<WaitingCase>, filter: WaitingListFilter, now: string): WaitingListEntry[] {
  const entries: Array<WaitingCase & { track: Track; priority: Priority }> = [];
  for (const c of cases) {
    if (c.track === undefined || c.priority === undefined) continue;
    if (filter.track && c.track !== filter.track) continue;
    if (filter.programme && c.programme !== filter.programme) continue;
    entries.push({ ...c, track: c.track, priority: c.priority });
  }
  entries.sort((a, b) => RANK[a.priority] - RANK[b.priority] || a.referredAt.localeCompare(b.referredAt) || a.caseId.localeCompare(b.caseId));
  // The days (two Luxon calls) only for the cases answered, not for the whole folder.
  return entries.slice(0, filter.limit).map((c) => ({ ...c, daysWaiting: calendarDaysBetween(c.referredAt, now) }));
}
