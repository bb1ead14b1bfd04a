import type { CaseEvent } from '../../domain/case/case.events';
import { caseEventOf } from '../shared/events';
import type { DocumentView, ProjectedEvent, Projection } from '../shared/projection';
import { DashboardSummary, monthKey, MonthDoc, MonthTotals, SUMMARY_KEY, totalKey } from './aggregate-docs';
import { ALL_PARTS, monthKeysOf, moveContribution, Part } from './aggregates';
import { copenhagenMonthOf } from '../shared/copenhagen-day';
import type { CaseFacts } from './facts';

export type { CaseFacts } from './facts';

/** `case:<caseId>`: one case's facts (the month documents and the summary are ./aggregates.ts's). */
export const caseFactsKey = (caseId: string): string => `case:${caseId}`;

/** The instant in an event that may put a figure in a month of its own (the referral, a relation, a score, a closure). */
function instantOf(event: CaseEvent, stored: ProjectedEvent): string | undefined {
  switch (event.type) {
    // A relative added carries no time of their own: the business time in the metadata (when recorded).
    case 'RelativeAdded':
      return event.data.needsRelief ? stored.metadata.occurredAt : undefined;
    case 'ReferralReceived':
      return event.data.referredAt;
    case 'RelationEstablished':
    case 'LonelinessAssessed':
    case 'ReferralDeclined':
    case 'CaseClosed':
    case 'CitizenAccompanied':
    case 'CitizenWentAlone':
    case 'ReferredOnward':
    case 'FollowUpHeld':
      return event.data.at;
    default:
      return undefined;
  }
}

/**
 * What each event can change: the parts of the case's figures, and whether
 * the waiting folder (or the referral range) too, which only the summary
 * document holds. What it cannot change is neither read nor written.
 */
const CHANGES: Record<string, { parts: readonly Part[]; waiting: boolean }> = {
  ReferralReceived: { parts: ALL_PARTS, waiting: true },
  TriagedToVolunteer: { parts: ['triage'], waiting: true },
  TriagedToProfessional: { parts: ['triage'], waiting: true },
  FirstVisitBooked: { parts: ['firstVisit'], waiting: true },
  RelationEstablished: { parts: ['relations'], waiting: false },
  LonelinessAssessed: { parts: ['loneliness'], waiting: false },
  ReferralDeclined: { parts: ['closure'], waiting: true },
  CaseClosed: { parts: ['closure'], waiting: true },
  CitizenAccompanied: { parts: ['goingAlong'], waiting: false },
  CitizenWentAlone: { parts: ['goingAlong'], waiting: false },
  RelativeAdded: { parts: ['relief'], waiting: false },
  RelativeRemoved: { parts: ['relief'], waiting: false },
  ReferredOnward: { parts: ['onward'], waiting: false },
  FollowUpHeld: { parts: ['followUps'], waiting: false },
};

/**
 * The per-case facts, and the figures summed per day and month from them
 * (./aggregates.ts). Version 2: the month documents and the summary; 3: the month totals; 4: going along vs alone (issue #19);
 * 5: declines counted by their decline reason (ReferralDeclined v2, issue #19), old ones as upcast;
 * 6: relatives needing relief, referrals onward by destination, follow-ups by outcome (issue #19).
 */
export const caseFactsProjection: Projection<CaseFacts | MonthDoc | MonthTotals | DashboardSummary> = {
  name: 'dashboard',
  version: 6,
  keysRead: (stored) => {
    const found = caseEventOf(stored);
    if (!found) return [];
    const at = instantOf(found.event, stored);
    const keys = CHANGES[found.event.type]?.waiting ? [caseFactsKey(found.caseId), SUMMARY_KEY] : [caseFactsKey(found.caseId)];
    if (at === undefined) return keys;
    const month = copenhagenMonthOf(at);
    return [...keys, monthKey(month), totalKey(month)];
  },
  // A triage or a booking counts in the month of the referral, a new score moves the last one's: only the case's facts know those months.
  keysReadThrough: (doc, stored) => {
    const changes = CHANGES[stored.type];
    return 'referredAt' in doc && changes ? monthKeysOf(doc, changes.parts) : [];
  },
  eventTypes: new Set(Object.keys(CHANGES)),
  apply(stored: ProjectedEvent, view: DocumentView<CaseFacts | MonthDoc | MonthTotals | DashboardSummary>): void {
    const found = caseEventOf(stored);
    if (!found) return;
    const key = caseFactsKey(found.caseId);
    const before = view.get(key) as CaseFacts | undefined;
    const after = nextFacts(before, stored, found.event);
    if (!after) return;
    // Before the facts are put: the months it reads are those the facts led to before this event, or this event's own.
    const { parts, waiting } = CHANGES[found.event.type]!;
    moveContribution(view, before, after, parts, waiting);
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
      return { ...facts, scores: inOrder(facts.scores, { at: event.data.at, score: event.data.score }) };
    case 'CitizenAccompanied':
    case 'CitizenWentAlone':
      return { ...facts, goingAlong: [...(facts.goingAlong ?? []), { at: event.data.at, alone: event.type === 'CitizenWentAlone' }] };
    case 'RelativeAdded':
      if (!event.data.needsRelief) return undefined;
      return { ...facts, relief: [...(facts.relief ?? []), { relativeId: event.data.relativeId, at: stored.metadata.occurredAt }] };
    case 'RelativeRemoved':
      if (!(facts.relief ?? []).some(({ relativeId }) => relativeId === event.data.relativeId)) return undefined;
      return { ...facts, relief: facts.relief!.filter(({ relativeId }) => relativeId !== event.data.relativeId) };
    case 'ReferredOnward':
      return { ...facts, onward: [...(facts.onward ?? []), { to: event.data.to, at: event.data.at }] };
    case 'FollowUpHeld':
      return { ...facts, followUps: [...(facts.followUps ?? []), { outcome: event.data.outcome, at: event.data.at }] };
    case 'ReferralDeclined':
    case 'CaseClosed':
      return { ...facts, closure: { reason: event.data.reason, at: event.data.at, declined: event.type === 'ReferralDeclined' } };
    default:
      return undefined;
  }
}

/**
 * The scores with one more, where a stable sort by time would put it (after
 * those at the same time), found from the end: a new score is nearly always
 * the latest. Sorting the whole list again at every assessment cost ~70 µs an
 * event for a case with thirty scores (a comparison by locale each time).
 */
function inOrder(scores: CaseFacts['scores'], score: CaseFacts['scores'][number]): CaseFacts['scores'] {
  let at = scores.length;
  while (at > 0 && scores[at - 1]!.at.localeCompare(score.at) > 0) at--;
  return [...scores.slice(0, at), score, ...scores.slice(at)];
}
