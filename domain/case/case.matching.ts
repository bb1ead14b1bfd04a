import { wishesChecks } from '../matching/matching.checks';
import { IllegalStateError, NotFoundError } from '../shared/errors';
import { FieldChecks } from '../shared/time';
import type { CaseContext, IntroduceToOffer, RecordOfferOutcome, RecordWishes } from './case.commands';
import type { CaseEvent, IntroducedToOffer, OfferOutcomeRecorded, RelationEstablished, WishesRecorded } from './case.events';
import { requireActive, requireNotBefore, requireOpen } from './case.rules';
import type { CaseState, OpenCase } from './case.state';

/**
 * Matching on a case (issue #18): the citizen's wishes, and the offers of the
 * catalogue the citizen is introduced to. Seed 003: the guides "taler med
 * borgerne om deres ønsker og behov, matcher med lokale tilbud og tilbyder at
 * følges med borgerne de første gange og følger op".
 */

/** The wishes as they now stand, on any open case (also at intake). */
export function recordWishes({ data }: RecordWishes, state: CaseState, context: CaseContext): WishesRecorded[] {
  requireOpen(state, context.caseId);
  return [{ type: 'WishesRecorded', data: wishesChecks(data) }];
}

/** The citizen meets an offer; the visitor who goes along must be the case's own. */
export function introduceToOffer({ data }: IntroduceToOffer, state: CaseState, context: CaseContext): IntroducedToOffer[] {
  const open = requireOpen(state, context.caseId);
  const offer = context.offer;
  if (!offer || offer.offerId !== data.offerId) throw new NotFoundError('offer', data.offerId);
  const checks = new FieldChecks(context.now);
  const at = checks.happened('at', data.at);
  checks.check();
  requireNotBefore(at, open.referredAt, 'before_referral', 'the referral was received');
  if (!offer.active) throw new IllegalStateError('offer_inactive', `offer ${data.offerId} is retired`);
  if (data.accompaniedBy !== undefined) {
    const active = requireActive(open, context.caseId);
    if (active.visitorId !== data.accompaniedBy) throw new IllegalStateError('not_assigned_visitor', `visitor ${data.accompaniedBy} is not the case's visitor`);
  }
  return [
    {
      type: 'IntroducedToOffer',
      data: { offerId: offer.offerId, offerName: offer.name, offerKind: offer.kind, at, ...(data.accompaniedBy !== undefined && { accompaniedBy: data.accompaniedBy }) },
    },
  ];
}

/** How the introduction went; a joined offer may also be the relation the case works for. */
export function recordOfferOutcome({ data }: RecordOfferOutcome, state: CaseState, context: CaseContext): Array<OfferOutcomeRecorded | RelationEstablished> {
  const open = requireOpen(state, context.caseId);
  const introduction = lastIntroduction(open, data.offerId);
  if (!introduction) throw new IllegalStateError('not_introduced', `the citizen has not been introduced to offer ${data.offerId}`);
  const checks = new FieldChecks(context.now);
  const at = checks.happened('at', data.at);
  checks.check();
  if (Date.parse(at) < Date.parse(introduction.at)) throw new IllegalStateError('before_introduction', `${at} lies before the introduction (${introduction.at})`);
  const outcome: OfferOutcomeRecorded = {
    type: 'OfferOutcomeRecorded',
    data: { offerId: data.offerId, offerKind: introduction.offerKind, outcome: data.outcome, at, ...(data.note !== undefined && { note: data.note }) },
  };
  if (!data.relation) return [outcome];
  if (data.outcome !== 'joined') throw new IllegalStateError('relation_needs_joined', 'only an offer the citizen joined is a relation');
  requireActive(open, context.caseId);
  return [outcome, { type: 'RelationEstablished', data: { kind: 'community', description: introduction.offerName, at } }];
}

const lastIntroduction = (state: OpenCase, offerId: string) => [...(state.introductions ?? [])].reverse().find((i) => i.offerId === offerId);

/** The matching events' changes to any open case's state. */
export function evolveMatching<S extends Pick<OpenCase, 'introductions' | 'wishes'>>(state: S, event: CaseEvent): S {
  switch (event.type) {
    case 'WishesRecorded':
      return { ...state, wishes: event.data };
    case 'IntroducedToOffer': {
      const { offerId, offerName, offerKind, at, accompaniedBy } = event.data;
      return { ...state, introductions: [...(state.introductions ?? []), { offerId, offerName, offerKind, at, ...(accompaniedBy !== undefined && { accompaniedBy }) }] };
    }
    case 'OfferOutcomeRecorded': {
      const list = [...(state.introductions ?? [])];
      const i = list.map((intro) => intro.offerId).lastIndexOf(event.data.offerId);
      if (i < 0) return state;
      list[i] = { ...list[i]!, outcome: event.data.outcome, outcomeAt: event.data.at };
      return { ...state, introductions: list };
    }
    default:
      return state;
  }
}
