import { randomUUID } from 'node:crypto';
import type { CaseEvent } from '../../../../domain/case/case.events';
import type { CitizenWishes } from '../../../../domain/matching/matching.profile';
import { IllegalStateError, NotFoundError, ValidationError } from '../../../../domain/shared/errors';
import { activeWith, referral, referred, spec, visitor } from '../case.fixtures';

/**
 * Seed 003: "Fællesskabsguiden mødes med Frida og hendes mor, og Frida
 * tilknyttes en selvhjælpsgruppe" … "De frivillige fællesskabsguider taler med
 * borgerne om deres ønsker og behov, matcher med lokale tilbud og tilbyder at
 * følges med borgerne de første gange og følger op."
 */
const fridasWishes: CitizenWishes = {
  interests: ['self_help_group', 'social_cafe'],
  languages: ['da'],
  availability: [{ weekday: 3, from: '13:00', to: '17:00' }],
  mobility: 'walks',
  note: 'Bliver overvældet i store grupper; moren kører hende gerne',
};

describe("a citizen's wishes", () => {
  it('records the wishes on an open case', () => {
    spec.given([referred()]).when({ type: 'RecordWishes', data: fridasWishes }).then([{ type: 'WishesRecorded', data: fridasWishes }]);
  });

  it('records the wishes a referral carries as their own event, right after it', () => {
    const events = spec.given([]).when(referral({ wishes: fridasWishes })).events();
    expect(events.map((e) => e.type)).toEqual(['ReferralReceived', 'WishesRecorded']);
    expect(events[1]!.data).toEqual(fridasWishes);
  });

  it('names the referral field of a span that ends before it starts', () => {
    let thrown: ValidationError | undefined;
    try {
      spec.given([]).when(referral({ wishes: { ...fridasWishes, availability: [{ weekday: 1, from: '15:00', to: '09:00' }] } })).events();
    } catch (error) {
      thrown = error as ValidationError;
    }
    expect(thrown!.errors).toEqual([{ field: 'wishes.availability.0.to', message: 'to must lie after from' }]);
  });

  it('keeps the last wishes in the state', () => {
    const state = spec.given([referred(), { type: 'WishesRecorded', data: fridasWishes }]).when({ type: 'RecordWishes', data: { ...fridasWishes, mobility: 'walker' } }).events();
    expect(state).toEqual([{ type: 'WishesRecorded', data: { ...fridasWishes, mobility: 'walker' } }]);
  });
});

describe('introductions to offers and their outcome', () => {
  const guide = visitor('volunteer');
  const active = activeWith(guide);
  const offerId = randomUUID();
  const cafe = { offerId, name: 'Café Nygade', kind: 'practice_community' as const, active: true };
  const introduced: CaseEvent = { type: 'IntroducedToOffer', data: { offerId, offerName: 'Café Nygade', offerKind: 'practice_community', at: '2026-04-22T12:00:00.000Z', accompaniedBy: guide.visitorId } };

  it('introduces the citizen to an active offer, with the case\'s visitor along', () => {
    spec.given(active).when({ type: 'IntroduceToOffer', data: { offerId, at: '2026-04-22T14:00:00+02:00', accompaniedBy: guide.visitorId } }, { offer: cafe }).then([introduced]);
  });

  it('refuses an unknown offer (404), a retired one (409 offer_inactive) and another visitor along (409 not_assigned_visitor)', () => {
    const when = (accompaniedBy?: string) => ({ type: 'IntroduceToOffer' as const, data: { offerId, at: '2026-04-22T14:00:00+02:00', ...(accompaniedBy && { accompaniedBy }) } });
    spec.given(active).when(when(), {}).thenThrows(NotFoundError);
    spec.given(active).when(when(), { offer: { ...cafe, active: false } }).thenThrows(IllegalStateError, 'offer_inactive');
    spec.given(active).when(when(randomUUID()), { offer: cafe }).thenThrows(IllegalStateError, 'not_assigned_visitor');
  });

  it('records that she joined, and with `relation` also the relation of kind community the case works for', () => {
    spec.given([...active, introduced]).when({ type: 'RecordOfferOutcome', data: { offerId, outcome: 'joined', at: '2026-05-20T14:00:00+02:00', relation: true } }).then([
      { type: 'OfferOutcomeRecorded', data: { offerId, offerKind: 'practice_community', outcome: 'joined', at: '2026-05-20T12:00:00.000Z' } },
      { type: 'RelationEstablished', data: { kind: 'community', description: 'Café Nygade', at: '2026-05-20T12:00:00.000Z' } },
    ]);
  });

  it('refuses an outcome for an offer she was not introduced to, one before the introduction, and a relation for an offer not joined', () => {
    spec.given(active).when({ type: 'RecordOfferOutcome', data: { offerId, outcome: 'joined', at: '2026-05-20T14:00:00+02:00' } }).thenThrows(IllegalStateError, 'not_introduced');
    spec.given([...active, introduced]).when({ type: 'RecordOfferOutcome', data: { offerId, outcome: 'dropped_out', at: '2026-04-01T14:00:00+02:00' } }).thenThrows(IllegalStateError, 'before_introduction');
    spec.given([...active, introduced]).when({ type: 'RecordOfferOutcome', data: { offerId, outcome: 'tried_not_for_me', at: '2026-05-20T14:00:00+02:00', relation: true } }).thenThrows(IllegalStateError, 'relation_needs_joined');
  });
});
