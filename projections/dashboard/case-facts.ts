import type { ClosureReason, Programme, ReferrerRole, RelationKind } from '../../domain/shared/codes';
import { caseEventOf, caseKeyOf } from '../shared/events';
import type { DocumentView, ProjectedEvent, Projection } from '../shared/projection';

/**
 * What the manager's figures need of one case: codes and times only, never a
 * name or a citizen id, so the dashboard cannot leak a person.
 */
export interface CaseFacts {
  programme: Programme;
  referrerRole: ReferrerRole;
  referredAt: string;
  /** Business time of the triage. */
  triagedAt?: string;
  /** Business time of the booking: when the case left the waiting folder. */
  bookedAt?: string;
  /** The agreed time of the first visit. */
  firstVisitAt?: string;
  relations: Array<{ kind: RelationKind; at: string }>;
  closure?: { reason: ClosureReason; at: string; declined: boolean };
  /** UCLA-3 scores in business-time order. */
  scores: Array<{ at: string; score: number }>;
}

export const caseFactsProjection: Projection<CaseFacts> = {
  name: 'dashboard',
  version: 1,
  keysRead: caseKeyOf,
  eventTypes: new Set(['ReferralReceived', 'TriagedToVolunteer', 'TriagedToProfessional', 'FirstVisitBooked', 'RelationEstablished', 'LonelinessAssessed', 'ReferralDeclined', 'CaseClosed']),
  apply(stored: ProjectedEvent, view: DocumentView<CaseFacts>): void {
    const found = caseEventOf(stored);
    if (!found) return;
    const { caseId, event } = found;
    if (event.type === 'ReferralReceived') {
      const { programme, referrer, referredAt } = event.data;
      view.put(caseId, { programme, referrerRole: referrer.role, referredAt, relations: [], scores: [] });
      return;
    }
    const facts = view.get(caseId);
    if (!facts) return;
    const put = (changes: Partial<CaseFacts>) => view.put(caseId, { ...facts, ...changes });
    switch (event.type) {
      case 'TriagedToVolunteer':
      case 'TriagedToProfessional':
        return put({ triagedAt: stored.metadata.occurredAt });
      case 'FirstVisitBooked':
        return put({ bookedAt: stored.metadata.occurredAt, firstVisitAt: event.data.visitAt });
      case 'RelationEstablished':
        return put({ relations: [...facts.relations, { kind: event.data.kind, at: event.data.at }] });
      case 'LonelinessAssessed': {
        // Kept in business-time order, so an assessment recorded late still counts as the earlier one.
        const scores = [...facts.scores, { at: event.data.at, score: event.data.score }].sort((a, b) => a.at.localeCompare(b.at));
        return put({ scores });
      }
      case 'ReferralDeclined':
      case 'CaseClosed':
        return put({ closure: { reason: event.data.reason, at: event.data.at, declined: event.type === 'ReferralDeclined' } });
    }
  },
};
