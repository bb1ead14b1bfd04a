import type { DeclineReason, FollowUpOutcome } from '../../domain/shared/course-codes';
import type { ClosureReason, Programme, ReferrerRole, RelationKind } from '../../domain/shared/codes';
import type { PartnerEvent } from '../../domain/partner/partner.events';
import type { PartnerKind } from '../../domain/partner/partner.codes';
import { streamCategory, streamEntityId } from '../../domain/shared/ids';
import { copenhagenMonthOf } from '../shared/copenhagen-day';
import { caseEventOf } from '../shared/events';
import type { DocumentView, ProjectedEvent, Projection } from '../shared/projection';

/**
 * What the outcomes (issue 22) need of one case: codes, times and scores
 * only, never a name, a citizen id or free text. The same facts feed
 * `GET /outcomes`, the period's report and the evaluation data set.
 */
export interface OutcomeFacts {
  /** The case's own id: the data set's pseudonym is made from it (never shown as it is). */
  caseId: string;
  programme: Programme;
  referrerRole: ReferrerRole;
  /** The partner of the register the referral names (`referrer.partnerId`), if any; its kind is read from `partner:<partnerId>` (version 2). */
  referrerPartnerId?: string;
  referredAt: string;
  /** From the CPR number, in clear on the referral; absent when no CPR was given. */
  birthYear?: number;
  /** The agreed time of the first visit (FirstVisitBooked), as the dashboard counts it. */
  firstVisitAt?: string;
  /** UCLA-3 scores during the case, in business-time order. */
  scores: Array<{ at: string; score: number }>;
  relations: Array<{ kind: RelationKind; at: string }>;
  /** "Fyret, men vi kommer igen" (seed 000): how many times. */
  dismissals: number;
  /** How the case ended: a closure, or a declined referral (`declined`). */
  closure?: { reason: ClosureReason | DeclineReason; at: string; declined: boolean };
  /** Follow-ups held after the end (FollowUpHeld), in the order recorded. */
  followUps: Array<{ at: string; outcome: FollowUpOutcome; score?: number }>;
}

/** `partner:<partnerId>`: a registered partner's kind as the register has it now (PartnerRegistered, PartnerUpdated), for the split by partner kind. */
export interface PartnerKindDoc {
  partnerId: string;
  kind: PartnerKind;
}
export const PARTNER_KIND_PREFIX = 'partner:';
export const partnerKindKey = (partnerId: string): string => `${PARTNER_KIND_PREFIX}${partnerId}`;

export type OutcomeFactsDoc = OutcomeFacts | PartnerKindDoc;

/** `case:<caseId>`: every case's facts. */
export const outcomeCaseKey = (caseId: string): string => `case:${caseId}`;
/** `closed:<YYYY-MM>:<caseId>`: a copy of a closed case's facts, under the Copenhagen month of its closure, so a period reads only its months. */
export const closedKey = (month: string, caseId: string): string => `closed:${month}:${caseId}`;
/** The prefix of a month's closed cases. */
export const closedMonthPrefix = (month: string): string => `closed:${month}:`;

const EVENT_TYPES = [
  'ReferralReceived',
  'FirstVisitBooked',
  'LonelinessAssessed',
  'RelationEstablished',
  'VisitorDismissedButReturning',
  'ReferralDeclined',
  'CaseClosed',
  'FollowUpHeld',
  'PartnerRegistered',
  'PartnerUpdated',
] as const;

/**
 * One document per case, and a copy of it under its closing month once it
 * is closed (rewritten when a later event, a follow-up held say, changes
 * it). Version 1 (issue 22); 2: the referral's partner (`referrerPartnerId`)
 * and each registered partner's kind (`partner:<partnerId>`).
 */
export const outcomeFactsProjection: Projection<OutcomeFactsDoc> = {
  name: 'outcome-facts',
  version: 2,
  eventTypes: new Set(EVENT_TYPES),
  keysRead: (stored) => {
    if (streamCategory(stored.streamId) === 'partner') return [partnerKindKey(streamEntityId(stored.streamId))];
    const found = caseEventOf(stored);
    return found ? [outcomeCaseKey(found.caseId)] : [];
  },
  apply(stored: ProjectedEvent, docs: DocumentView<OutcomeFactsDoc>): void {
    if (streamCategory(stored.streamId) === 'partner') return applyPartner(stored, docs as DocumentView<PartnerKindDoc>);
    const view = docs as DocumentView<OutcomeFacts>;
    const found = caseEventOf(stored);
    if (!found) return;
    const { caseId, event } = found;
    const key = outcomeCaseKey(caseId);
    let facts = view.get(key);
    if (event.type === 'ReferralReceived') {
      if (facts) return;
      const { programme, referrer, referredAt, birthYear } = event.data;
      facts = { caseId, programme, referrerRole: referrer.role, ...(referrer.partnerId !== undefined && { referrerPartnerId: referrer.partnerId }), referredAt, ...(birthYear !== undefined && { birthYear }), scores: [], relations: [], dismissals: 0, followUps: [] };
    } else {
      if (!facts) return;
      switch (event.type) {
        case 'FirstVisitBooked':
          facts.firstVisitAt = event.data.visitAt;
          break;
        case 'LonelinessAssessed': {
          // Business-time order: an assessment recorded late still counts as the earlier one.
          const at = facts.scores.findIndex((s) => s.at > event.data.at);
          facts.scores.splice(at === -1 ? facts.scores.length : at, 0, { at: event.data.at, score: event.data.score });
          break;
        }
        case 'RelationEstablished':
          facts.relations.push({ kind: event.data.kind, at: event.data.at });
          break;
        case 'VisitorDismissedButReturning':
          facts.dismissals += 1;
          break;
        case 'ReferralDeclined':
        case 'CaseClosed':
          facts.closure = { reason: event.data.reason, at: event.data.at, declined: event.type === 'ReferralDeclined' };
          break;
        case 'FollowUpHeld':
          facts.followUps.push({ at: event.data.at, outcome: event.data.outcome, ...(event.data.score !== undefined && { score: event.data.score }) });
          break;
        default:
          return;
      }
    }
    view.put(key, facts);
    if (facts.closure) view.put(closedKey(copenhagenMonthOf(facts.closure.at), caseId), facts);
  },
};

/** A partner's kind: as registered, then as updated (an update names the kind only when it changed). */
function applyPartner(stored: ProjectedEvent, view: DocumentView<PartnerKindDoc>): void {
  const partnerId = streamEntityId(stored.streamId);
  const event = { type: stored.type, data: stored.data } as PartnerEvent;
  if (event.type === 'PartnerRegistered') view.put(partnerKindKey(partnerId), { partnerId, kind: event.data.kind });
  else if (event.type === 'PartnerUpdated' && event.data.kind !== undefined && view.get(partnerKindKey(partnerId))) view.put(partnerKindKey(partnerId), { partnerId, kind: event.data.kind });
}
