import type { Need, Priority, Programme, ReferrerRole, Track } from '../../domain/shared/codes';
import type { CasePause } from '../../domain/case/case.state';
import { trackAfterRisk } from '../../domain/case/case.track';
import { caseEventOf, caseKeyOf, RISK_NEEDS } from '../shared/events';
import type { DocumentView, ProjectedEvent, Projection } from '../shared/projection';
import { calendarDaysBetween } from '../shared/time';

/** Where a case is in the waiting folder: referred and not yet triaged, or triaged and waiting for a visitor. */
export const WAITING_STAGES = ['referred', 'waiting'] as const;
export type WaitingStage = (typeof WAITING_STAGES)[number];

/** The waiting folder (ventemappe): referred and triaged cases that have no first visit yet. */
export interface WaitingCase {
  caseId: string;
  stage: WaitingStage;
  citizenId: string;
  programme: Programme;
  referredAt: string;
  referrerRole: ReferrerRole;
  referrerOrganisation?: string;
  /** Undefined until triaged. */
  track?: Track;
  priority?: Priority;
  riskFlags: Need[];
  /** While paused (a hospital stay): since when, until when expected, why (sealed, opened in the answer). Not called for a first visit meanwhile. */
  pause?: CasePause;
  /** Booked and active: kept (not listed), so a case handed back to the folder (CaseReassessed, issue #19) returns as it stands. */
  booked?: true;
}

export const waitingListProjection: Projection<WaitingCase> = {
  name: 'waiting-list',
  // 2: documents carry their `stage` (referrals not yet triaged are listed too).
  // 3: a paused case carries its `pause`; a corrected referral (ReferralCorrected) changes the referrer and the risks among the needs (issue #17).
  // 4: a booked case's document is kept (`booked`, not listed) until it closes, and returns to the folder when handed back (issue #19).
  version: 4,
  keysRead: caseKeyOf,
  eventTypes: new Set(['ReferralReceived', 'ReferralCorrected', 'TriagedToVolunteer', 'TriagedToProfessional', 'RiskFlagged', 'FirstVisitBooked', 'ReferralDeclined', 'CaseClosed', 'CasePaused', 'CaseResumed', 'CaseReassessed']),
  apply(stored: ProjectedEvent, view: DocumentView<WaitingCase>): void {
    const found = caseEventOf(stored);
    if (!found) return;
    const { caseId, event } = found;
    if (event.type === 'ReferralReceived') {
      const { data } = event;
      view.put(caseId, {
        caseId,
        stage: 'referred',
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
      case 'ReferralCorrected': {
        const { referrer, needs } = event.data;
        const risks = (needs ?? []).filter((need) => RISK_NEEDS.includes(need) && !waiting.riskFlags.includes(need));
        const next: WaitingCase = { ...waiting, riskFlags: [...waiting.riskFlags, ...risks] };
        if (referrer) {
          delete next.referrerOrganisation;
          Object.assign(next, { referrerRole: referrer.role }, referrer.organisation !== undefined && { referrerOrganisation: referrer.organisation });
        }
        view.put(caseId, next);
        return;
      }
      case 'TriagedToVolunteer':
      case 'TriagedToProfessional':
        view.put(caseId, { ...waiting, stage: 'waiting', track: event.type === 'TriagedToVolunteer' ? 'volunteer' : 'professional', priority: event.data.priority });
        return;
      case 'RiskFlagged': {
        const riskFlags = waiting.riskFlags.includes(event.data.risk) ? waiting.riskFlags : [...waiting.riskFlags, event.data.risk];
        const track = trackAfterRisk(waiting.track, event.data.risk);
        view.put(caseId, { ...waiting, riskFlags, ...(track && { track }) });
        return;
      }
      case 'CasePaused': {
        const { reason, at, until } = event.data;
        view.put(caseId, { ...waiting, pause: { reason, at, ...(until !== undefined && { until }) } });
        return;
      }
      case 'CaseResumed': {
        const { pause: _ended, ...rest } = waiting;
        view.put(caseId, rest);
        return;
      }
      // Out of the waiting folder: booked (kept, not listed), declined or closed.
      case 'FirstVisitBooked':
        view.put(caseId, { ...waiting, booked: true });
        return;
      case 'CaseReassessed': {
        if (waiting.stage === 'referred') return;
        const { booked: _booked, ...rest } = waiting;
        const back = event.data.handedBackFrom !== undefined ? rest : waiting;
        view.put(caseId, { ...back, track: event.data.track });
        return;
      }
      case 'ReferralDeclined':
      case 'CaseClosed':
        view.delete(caseId);
        return;
    }
  },
};

export interface WaitingListFilter {
  stage?: WaitingStage;
  /** A referral not yet triaged has no track: a track filter leaves it out. */
  track?: Track;
  programme?: Programme;
  limit: number;
}

export interface WaitingListEntry extends WaitingCase {
  /** Copenhagen calendar days since the referral. */
  daysWaiting: number;
}

const RANK: Record<Priority, number> = { high: 0, normal: 1, low: 2 };

/**
 * Referrals to triage first, the oldest first (nothing can happen to them
 * before a coordinator has looked); then the triaged cases, high priority
 * first, then the oldest referral. `now` only counts the days waiting.
 */
export function waitingList(cases: Iterable<WaitingCase>, filter: WaitingListFilter, now: string): WaitingListEntry[] {
  const entries: WaitingCase[] = [];
  for (const c of cases) {
    if (c.booked) continue;
    if (filter.stage && c.stage !== filter.stage) continue;
    if (filter.track && c.track !== filter.track) continue;
    if (filter.programme && c.programme !== filter.programme) continue;
    entries.push(c);
  }
  entries.sort((a, b) => stageRank(a) - stageRank(b) || a.referredAt.localeCompare(b.referredAt) || a.caseId.localeCompare(b.caseId));
  // The days (two Luxon calls) only for the cases answered, not for the whole folder.
  return entries.slice(0, filter.limit).map((c) => ({ ...c, daysWaiting: calendarDaysBetween(c.referredAt, now) }));
}

/** Referred before waiting; among the waiting, high priority before normal before low. */
const stageRank = (entry: WaitingCase): number => (entry.stage === 'referred' || entry.priority === undefined ? -1 : RANK[entry.priority]);
