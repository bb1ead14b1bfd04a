import type { ScreeningEvent } from '../../domain/screening/screening.events';
import type { FollowUpOutcome } from '../../domain/shared/course-codes';
import type { Programme } from '../../domain/shared/codes';
import { streamCategory, streamEntityId } from '../../domain/shared/ids';
import { caseEventOf } from '../shared/events';
import type { DocumentView, ProjectedEvent, Projection } from '../shared/projection';

/**
 * Issue 22: what the screenings led to, for the dashboard (GET /dashboard/screenings).
 * One `screening:<id>` document per screening (unit, time, score, consent: no
 * person) and one `case:<caseId>` per case a screening became, which notes
 * whether the case got under way, and (version 2) its programme, whether a
 * relation was established and the first follow-up's outcome. The answer
 * (./screening-figures.ts) sums them per unit and Copenhagen month; the
 * funnel from screening to relation (../outcomes/funnel.ts) counts them per stage.
 */

export const SCREENING_PREFIX = 'screening:';
export const REFERRED_CASE_PREFIX = 'case:';

export interface ScreeningDoc {
  kind: 'screening';
  screeningId: string;
  at: string;
  unit: string;
  score: number;
  lonely: boolean;
  consentToRefer: boolean;
}

/** A case made from a screening: `started` once a first visit was booked (the case was taken on). */
export interface ReferredCaseDoc {
  kind: 'case';
  caseId: string;
  screeningId: string;
  /** Version 2: the case's programme, whether a relation was established, and the first follow-up's outcome (the funnel, projections/outcomes/funnel.ts). */
  programme: Programme;
  referredAt: string;
  started: boolean;
  declined: boolean;
  relation: boolean;
  followUp?: FollowUpOutcome;
}

export type ScreeningsDoc = ScreeningDoc | ReferredCaseDoc;

const screeningKey = (screeningId: string) => `${SCREENING_PREFIX}${screeningId}`;
const caseKey = (caseId: string) => `${REFERRED_CASE_PREFIX}${caseId}`;

export const screeningsProjection: Projection<ScreeningsDoc> = {
  name: 'screenings',
  // 2: the case's programme, its first relation and its first follow-up's outcome, for the funnel from screening to relation.
  version: 2,
  eventTypes: new Set(['LonelinessScreened', 'ReferralReceived', 'FirstVisitBooked', 'ReferralDeclined', 'RelationEstablished', 'FollowUpHeld']),
  keysRead: (stored) => {
    if (streamCategory(stored.streamId) === 'screening') return [screeningKey(streamEntityId(stored.streamId))];
    const found = caseEventOf(stored);
    return found ? [caseKey(found.caseId)] : [];
  },
  apply(stored: ProjectedEvent, view: DocumentView<ScreeningsDoc>): void {
    if (streamCategory(stored.streamId) === 'screening') {
      const event = { type: stored.type, data: stored.data } as ScreeningEvent;
      if (event.type !== 'LonelinessScreened') return;
      const { screeningId, at, unit, score, lonely, consentToRefer } = event.data;
      view.put(screeningKey(screeningId), { kind: 'screening', screeningId, at, unit, score, lonely, consentToRefer });
      return;
    }
    const found = caseEventOf(stored);
    if (!found) return;
    const { caseId, event } = found;
    if (event.type === 'ReferralReceived') {
      if (event.data.screeningId === undefined) return;
      const { screeningId, programme, referredAt } = event.data;
      view.put(caseKey(caseId), { kind: 'case', caseId, screeningId, programme, referredAt, started: false, declined: false, relation: false });
      return;
    }
    const doc = view.get(caseKey(caseId));
    if (!doc || doc.kind !== 'case') return;
    if (event.type === 'FirstVisitBooked') view.put(caseKey(caseId), { ...doc, started: true });
    if (event.type === 'ReferralDeclined') view.put(caseKey(caseId), { ...doc, declined: true });
    if (event.type === 'RelationEstablished' && !doc.relation) view.put(caseKey(caseId), { ...doc, relation: true });
    // The first follow-up held after the end, as the outcomes read it (projections/outcomes/case-outcome.ts).
    if (event.type === 'FollowUpHeld' && doc.followUp === undefined) view.put(caseKey(caseId), { ...doc, followUp: event.data.outcome });
  },
};
