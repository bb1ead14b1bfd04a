import { randomUUID } from 'node:crypto';
import type { RegisterOffer } from '../../../../domain/offer/offer.commands';
import type { OfferRegistered } from '../../../../domain/offer/offer.events';
import { offerDecider } from '../../../../domain/offer/offer.stream';
import { IllegalStateError, NotFoundError, ValidationError } from '../../../../domain/shared/errors';
import { deciderSpec } from '../../../support/decider-spec';
import { coordinator, NOW } from '../case.fixtures';

/**
 * The catalogue of offers. Seed 003: "I samarbejde med frivilligcenteret
 * opstartes Café Nygade, en social café hvor voksne kan mødes til samvær og
 * hygge. Cafétilbuddet fungerer også som et øvefællesskab for socialt sårbare."
 */
describe('the catalogue of offers', () => {
  const offerId = randomUUID();
  const spec = deciderSpec(offerDecider, () => ({ now: NOW, actor: coordinator, offerId }));
  const cafe: RegisterOffer['data'] = {
    offerId,
    name: 'Café Nygade',
    kind: 'practice_community',
    organisation: 'Frivilligcenter Holstebro',
    address: 'Nygade 10, 7500 Holstebro',
    postcode: '7500',
    schedule: [{ weekday: 3, time: '14:00' }],
    interests: ['social_cafe', 'coffee_and_talk'],
    targetGroup: 'Voksne, der vil øve sig i at være sammen med andre',
    accessible: true,
    contact: { name: 'Lone Bech', phone: '97 42 12 34' },
  };
  const registered: OfferRegistered = { type: 'OfferRegistered', data: { ...cafe, contact: { name: 'Lone Bech', phone: '+4597421234' } } };

  it('registers an offer with its meetings, interests and contact (phone normalised)', () => {
    spec.given([]).when({ type: 'RegisterOffer', data: cafe }).then([registered]);
  });

  it('refuses a postcode that is not four digits, a meeting time that is not HH:MM and a foreign phone, with each field named', () => {
    let thrown: ValidationError | undefined;
    try {
      spec.given([]).when({ type: 'RegisterOffer', data: { ...cafe, postcode: '0750', schedule: [{ weekday: 1, time: '25:00' }], contact: { name: 'L', phone: '123' } } }).events();
    } catch (error) {
      thrown = error as ValidationError;
    }
    expect(thrown).toBeInstanceOf(ValidationError);
    expect(thrown!.errors.map((e) => e.field)).toEqual(['postcode', 'schedule.0.time', 'contact.phone']);
  });

  it('registers an offer once', () => {
    spec.given([registered]).when({ type: 'RegisterOffer', data: cafe }).thenThrows(IllegalStateError, 'offer_exists');
  });

  it('records only what an update changes', () => {
    spec
      .given([registered])
      .when({ type: 'UpdateOffer', data: { name: 'Café Nygade', schedule: [{ weekday: 3, time: '14:00' }, { weekday: 5, time: '10:00' }], accessible: true } })
      .then([{ type: 'OfferUpdated', data: { changes: { schedule: [{ weekday: 3, time: '14:00' }, { weekday: 5, time: '10:00' }] } } }]);
    spec.given([registered]).when({ type: 'UpdateOffer', data: { targetGroup: null } }).then([{ type: 'OfferUpdated', data: { changes: { targetGroup: null } } }]);
  });

  it('refuses an update that changes nothing', () => {
    spec.given([registered]).when({ type: 'UpdateOffer', data: { name: 'Café Nygade', postcode: '7500' } }).thenThrows(IllegalStateError, 'offer_unchanged');
  });

  it('folds updates into the offer: a removed target group is gone', () => {
    const state = [registered, { type: 'OfferUpdated' as const, data: { changes: { targetGroup: null, postcode: '7400' } } }].reduce(offerDecider.evolve, offerDecider.initialState());
    expect(state).toMatchObject({ status: 'Registered', postcode: '7400', active: true });
    expect(state).not.toHaveProperty('targetGroup');
  });

  it('retires an offer once; a retired offer takes no update', () => {
    spec.given([registered]).when({ type: 'RetireOffer', data: { at: '2026-11-01T10:00:00+01:00', reason: 'Caféen er lukket' } }).then([
      { type: 'OfferRetired', data: { at: '2026-11-01T09:00:00.000Z', reason: 'Caféen er lukket' } },
    ]);
    const retired = [registered, { type: 'OfferRetired' as const, data: { at: NOW } }];
    spec.given(retired).when({ type: 'RetireOffer', data: {} }).thenThrows(IllegalStateError, 'offer_retired');
    spec.given(retired).when({ type: 'UpdateOffer', data: { name: 'Ny café' } }).thenThrows(IllegalStateError, 'offer_retired');
  });

  it('knows no offer that was never registered', () => {
    spec.given([]).when({ type: 'RetireOffer', data: {} }).thenThrows(NotFoundError);
  });
});
