import type { OfferOutcome } from '../../domain/case/case.events';
import type { Interest, OfferKind } from '../../domain/matching/matching.codes';
import type { Programme } from '../../domain/shared/codes';
import { caseEventOf, caseKeyOf } from '../shared/events';
import type { DocumentView, ProjectedEvent, Projection } from '../shared/projection';

/**
 * What the gaps view counts, one document per case (issue #18): the case's
 * programme, referral time and postcode, the interests wished for (codes, in
 * clear), and the introductions to offers with their outcome. No personal
 * data: the wishes' note and the outcome's note are left out.
 */
export interface MatchFacts {
  programme: Programme;
  referredAt: string;
  postcode?: string;
  /** The interests of the last WishesRecorded; absent: no wishes recorded. */
  interests?: Interest[];
  introductions: Array<{ offerId: string; offerKind: OfferKind; at: string; outcome?: OfferOutcome }>;
}

export const matchFactsProjection: Projection<MatchFacts> = {
  name: 'match-facts',
  version: 1,
  eventTypes: new Set(['ReferralReceived', 'WishesRecorded', 'IntroducedToOffer', 'OfferOutcomeRecorded']),
  keysRead: caseKeyOf,
  apply(stored: ProjectedEvent, view: DocumentView<MatchFacts>): void {
    const found = caseEventOf(stored);
    if (!found) return;
    const { caseId, event } = found;
    if (event.type === 'ReferralReceived') {
      const { programme, referredAt, postcode } = event.data;
      if (!view.get(caseId)) view.put(caseId, { programme, referredAt, ...(postcode !== undefined && { postcode }), introductions: [] });
      return;
    }
    const facts = view.get(caseId);
    if (!facts) return;
    switch (event.type) {
      case 'WishesRecorded':
        facts.interests = [...event.data.interests];
        break;
      case 'IntroducedToOffer':
        facts.introductions.push({ offerId: event.data.offerId, offerKind: event.data.offerKind, at: event.data.at });
        break;
      case 'OfferOutcomeRecorded': {
        const last = [...facts.introductions].reverse().find((i) => i.offerId === event.data.offerId);
        if (last) last.outcome = event.data.outcome;
        break;
      }
      default:
        return;
    }
    view.put(caseId, facts);
  },
};
