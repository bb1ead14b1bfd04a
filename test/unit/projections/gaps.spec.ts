import { gaps, OfferInReach } from '../../../projections/matching/gaps';
import { MatchFacts, matchFactsProjection } from '../../../projections/matching/match-facts';
import { MapView, ProjectedEvent } from '../../../projections/shared/projection';

/** Seed 003: "Med koordinering mellem aktører bliver det synligt, hvor der mangler tilbud, som kan iværksættes." */
describe('where offers are missing', () => {
  let position = 0;
  const event = (caseId: string, type: string, data: object): ProjectedEvent => ({
    streamId: `case-${caseId}`,
    type,
    data,
    metadata: { occurredAt: '2026-04-01T10:00:00.000Z', actor: { id: 'c', role: 'coordinator' } },
    revision: 0,
    position: ++position,
    recordedAt: '2026-04-01T10:00:00.000Z',
  });
  const referral = (caseId: string, postcode: string, programme = 'community_guide', referredAt = '2026-04-10T08:00:00.000Z') =>
    event(caseId, 'ReferralReceived', { caseId, programme, referredAt, postcode, citizen: { name: 'enc:v2:sealed' } });
  const wishes = (caseId: string, interests: string[]) => event(caseId, 'WishesRecorded', { interests, languages: [], availability: [], mobility: 'walks', note: 'enc:v2:sealed' });

  const project = (events: ProjectedEvent[]): MatchFacts[] => {
    const view = new MapView<MatchFacts>();
    for (const e of events) if (matchFactsProjection.eventTypes!.has(e.type)) matchFactsProjection.apply(e, view);
    return [...view.docs.values()];
  };

  const cafe: OfferInReach = { postcode: '7500', interests: ['social_cafe'], kind: 'practice_community', active: true };

  it('counts per interest and postcode the cases that found no active offer in their area', () => {
    const facts = project([
      referral('frida', '7500'), wishes('frida', ['social_cafe', 'self_help_group']),
      referral('kaj', '7490'), wishes('kaj', ['social_cafe']),
      referral('karen', '4180', 'care_visits'), wishes('karen', ['social_cafe', 'gardening']),
      referral('nowishes', '4180'),
    ]);
    const answer = gaps(facts, [cafe, { ...cafe, postcode: '4180', active: false }], {});
    expect(answer.casesWithWishes).toBe(3);
    expect(answer.interests).toEqual([
      { interest: 'social_cafe', label: 'social café', cases: 3, withoutOffer: 1 },
      { interest: 'self_help_group', label: 'selvhjælpsgruppe', cases: 1, withoutOffer: 1 },
      { interest: 'gardening', label: 'havearbejde', cases: 1, withoutOffer: 1 },
    ]);
    expect(answer.postcodes).toEqual([
      { postcode: '4180', cases: 1, withoutOffer: 1 },
      { postcode: '7490', cases: 1, withoutOffer: 0 },
      { postcode: '7500', cases: 1, withoutOffer: 0 },
    ]);
    expect(gaps(facts, [cafe], { programme: 'care_visits' }).casesWithWishes).toBe(1);
    expect(gaps(facts, [cafe], { from: '2026-05-01' }).casesWithWishes).toBe(0);
  });

  it('counts introductions by offer kind and how they went, and keeps no personal data', () => {
    const facts = project([
      referral('frida', '7500'),
      event('frida', 'IntroducedToOffer', { offerId: 'o1', offerName: 'Café Nygade', offerKind: 'practice_community', at: '2026-04-22T12:00:00.000Z' }),
      event('frida', 'OfferOutcomeRecorded', { offerId: 'o1', offerKind: 'practice_community', outcome: 'joined', at: '2026-05-20T12:00:00.000Z', note: 'enc:v2:sealed' }),
      referral('kaj', '7490'),
      event('kaj', 'IntroducedToOffer', { offerId: 'o1', offerName: 'Café Nygade', offerKind: 'practice_community', at: '2026-04-22T12:00:00.000Z' }),
      event('kaj', 'OfferOutcomeRecorded', { offerId: 'o1', offerKind: 'practice_community', outcome: 'dropped_out', at: '2026-05-20T12:00:00.000Z' }),
    ]);
    expect(gaps(facts, [], {}).introductions).toEqual([{ kind: 'practice_community', label: 'øvefællesskab', introduced: 2, joined: 1, triedNotForMe: 0, droppedOut: 1 }]);
    expect(JSON.stringify(facts)).not.toContain('enc:');
  });
});
