import type { CaseEvent } from '../../domain/case/case.events';
import { caseEventOf } from '../shared/events';
import type { DocumentView, ProjectedEvent, Projection } from '../shared/projection';
import { DashboardSummary, monthKey, monthKeysOf, MonthDoc, MonthTotals, moveContribution, SUMMARY_KEY, totalKey } from './aggregates';
import { copenhagenMonthOf } from '../shared/copenhagen-day';
import type { CaseFacts } from './facts';

export type { CaseFacts } from './facts';

/** `case:<caseId>`: one case's facts (the month documents and the summary are ./aggregates.ts's). */
export const caseFactsKey = (caseId: string): string => `case:${caseId}`;

/** The instant in an event that may put a figure in a month of its own (the referral, a relation, a score, a closure). */
function instantOf(event: CaseEvent): string | undefined {
  switch (event.type) {
    case 'ReferralReceived':
      return event.data.referredAt;
    case 'RelationEstablished':
    case 'LonelinessAssessed':
    case 'ReferralDeclined':
    case 'CaseClosed':
      return event.data.at;
    default:
      return undefined;
  }
}

/**
 * The per-case facts, and the figures summed per day and month from them
 * (./aggregates.ts). Version 2: the month documents and the summary; 3: the month totals;
 * 4: declines counted by their decline reason (ReferralDeclined v2, issue #19), old ones as upcast.
 */
export const caseFactsProjection: Projection<CaseFacts | MonthDoc | MonthTotals | DashboardSummary> = {
  name: 'dashboard',
  version: 4,
  keysRead: (stored) => {
    const found = caseEventOf(stored);
    if (!found) return [];
    const at = instantOf(found.event);
    const keys = [caseFactsKey(found.caseId), SUMMARY_KEY];
    if (at === undefined) return keys;
    const month = copenhagenMonthOf(at);
    return [...keys, monthKey(month), totalKey(month)];
  },
  // A triage or a booking counts in the month of the referral, which only the case's facts know.
  keysReadThrough: (doc) => ('referredAt' in doc ? monthKeysOf(doc) : []),
  eventTypes: new Set(['ReferralReceived', 'TriagedToVolunteer', 'TriagedToProfessional', 'FirstVisitBooked', 'RelationEstablished', 'LonelinessAssessed', 'ReferralDeclined', 'CaseClosed']),
  apply(stored: ProjectedEvent, view: DocumentView<CaseFacts | MonthDoc | MonthTotals | DashboardSummary>): void {
    const found = caseEventOf(stored);
    if (!found) return;
    const key = caseFactsKey(found.caseId);
    const before = view.get(key) as CaseFacts | undefined;
    const after = nextFacts(before, stored, found.event);
    if (!after) return;
    // Before the facts are put: the months it reads are those the facts led to before this event, or this event's own.
    moveContribution(view, before, after);
    view.put(key, after);
  },
};

/** The case's facts after the event (a new object: `before` is still needed), or undefined when it changes nothing. */
function nextFacts(facts: CaseFacts | undefined, stored: ProjectedEvent, event: CaseEvent): CaseFacts | undefined {
  if (event.type === 'ReferralReceived') {
    const { programme, referrer, referredAt } = event.data;
    return { programme, referrerRole: referrer.role, referredAt, relations: [], scores: [] };
  }
  if (!facts) return undefined;
  switch (event.type) {
    case 'TriagedToVolunteer':
    case 'TriagedToProfessional':
      return { ...facts, triagedAt: stored.metadata.occurredAt };
    case 'FirstVisitBooked':
      return { ...facts, bookedAt: stored.metadata.occurredAt, firstVisitAt: event.data.visitAt };
    case 'RelationEstablished':
      return { ...facts, relations: [...facts.relations, { kind: event.data.kind, at: event.data.at }] };
    case 'LonelinessAssessed':
      // Kept in business-time order, so an assessment recorded late still counts as the earlier one.
      return { ...facts, scores: [...facts.scores, { at: event.data.at, score: event.data.score }].sort((a, b) => a.at.localeCompare(b.at)) };
    case 'ReferralDeclined':
    case 'CaseClosed':
      return { ...facts, closure: { reason: event.data.reason, at: event.data.at, declined: event.type === 'ReferralDeclined' } };
    default:
      return undefined;
  }
}
