import type { DeclineReason, FollowUpOutcome } from '../../domain/shared/course-codes';
import type { ClosureReason, Programme, ReferrerRole, RelationKind } from '../../domain/shared/codes';
import { normaliseOrganisation } from '../../domain/partner/partner.stream';
import { streamCategory } from '../../domain/shared/ids';
import { copenhagenMonthOf } from '../shared/copenhagen-day';
import { caseEventOf } from '../shared/events';
import type { DocumentView, ProjectedEvent, Projection } from '../shared/projection';
import { applyPartner, partnerKeysRead, PartnerAliasDoc, PartnerKindDoc } from './partner-kinds';

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
  /** The partner of the register the referral names (`referrer.partnerId`), if any (version 2; ./partner-kinds.ts). */
  referrerPartnerId?: string;
  /**
   * Without a partner id, a professional's `referrer.organisation` as the
   * register compares names (trimmed, one space, lower case): the partner it
   * counts for once the name is linked (version 2). An organisation's name,
   * in clear on the referral; never a person's.
   */
  referrerOrganisation?: string;
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

export type OutcomeFactsDoc = OutcomeFacts | PartnerKindDoc | PartnerAliasDoc;

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
  'PartnerAliasLinked',
] as const;

/**
 * One document per case, and a copy of it under its closing month once it
 * is closed (rewritten when a later event, a follow-up held say, changes
 * it). Version 1 (issue 22); 2: the referral's partner (`referrerPartnerId`,
 * or `referrerOrganisation`), each registered partner's kind
 * (`partner:<partnerId>`) and its linked names (`alias:<name>`).
 */
export const outcomeFactsProjection: Projection<OutcomeFactsDoc> = {
  name: 'outcome-facts',
  version: 2,
  eventTypes: new Set(EVENT_TYPES),
  keysRead: (stored) => {
    if (streamCategory(stored.streamId) === 'partner') return partnerKeysRead(stored);
    const found = caseEventOf(stored);
    return found ? [outcomeCaseKey(found.caseId)] : [];
  },
  apply(stored: ProjectedEvent, docs: DocumentView<OutcomeFactsDoc>): void {
    if (streamCategory(stored.streamId) === 'partner') return applyPartner(stored, docs as DocumentView<PartnerKindDoc | PartnerAliasDoc>);
    const view = docs as DocumentView<OutcomeFacts>;
    const found = caseEventOf(stored);
    if (!found) return;
    const { caseId, event } = found;
    const key = outcomeCaseKey(caseId);
    let facts = view.get(key);
    if (event.type === 'ReferralReceived') {
      if (facts) return;
      const { programme, referrer, referredAt, birthYear } = event.data;
      const channel = referrer.role === 'self' || referrer.role === 'relative';
      const organisation = !channel && referrer.partnerId === undefined && referrer.organisation ? normaliseOrganisation(referrer.organisation) : undefined;
      facts = {
        caseId,
        programme,
        referrerRole: referrer.role,
        ...(referrer.partnerId !== undefined && { referrerPartnerId: referrer.partnerId }),
        ...(organisation && { referrerOrganisation: organisation }),
        referredAt, ...(birthYear !== undefined && { birthYear }), scores: [], relations: [], dismissals: 0, followUps: [] };
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

