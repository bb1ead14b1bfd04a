import { randomUUID } from 'node:crypto';
import { citizenDecider } from '../../../domain/citizen/citizen.stream';
import { IllegalStateError, NotFoundError, ValidationError } from '../../../domain/shared/errors';
import { visitorDecider } from '../../../domain/visitor/visitor.stream';
import { deciderSpec } from '../../support/decider-spec';
import { coordinator, NOW } from './case.fixtures';

describe('the visitor registry', () => {
  const spec = deciderSpec(visitorDecider, () => ({ now: NOW, actor: coordinator }));
  const visitorId = randomUUID();
  const registered = { type: 'VisitorRegistered' as const, data: { visitorId, name: 'Birthe Madsen', kind: 'volunteer' as const, capacity: 3, phone: '+4540506070' } };

  it('registers a visitor with kind, capacity and a normalised phone', () => {
    spec.given([]).when({ type: 'RegisterVisitor', data: { ...registered.data, phone: '40 50 60 70' } }).then([registered]);
  });

  it.each([0, 51, 2.5])('refuses a capacity of %d', (capacity) => {
    spec.given([]).when({ type: 'RegisterVisitor', data: { ...registered.data, capacity } }).thenThrows(ValidationError);
  });

  it('registers a visitor once', () => {
    spec.given([registered]).when({ type: 'RegisterVisitor', data: registered.data }).thenThrows(IllegalStateError, 'visitor_exists');
  });

  it('changes capacity, deactivates and reactivates a known visitor', () => {
    spec.given([registered]).when({ type: 'ChangeVisitorCapacity', data: { capacity: 5 } }).then([{ type: 'VisitorCapacityChanged', data: { capacity: 5 } }]);
    spec.given([registered]).when({ type: 'DeactivateVisitor', data: {} }).then([{ type: 'VisitorDeactivated', data: {} }]);
    const inactive = [registered, { type: 'VisitorDeactivated' as const, data: {} }];
    spec.given(inactive).when({ type: 'DeactivateVisitor', data: {} }).thenThrows(IllegalStateError, 'visitor_inactive');
    spec.given(inactive).when({ type: 'ReactivateVisitor', data: {} }).then([{ type: 'VisitorReactivated', data: {} }]);
    spec.given([]).when({ type: 'ChangeVisitorCapacity', data: { capacity: 5 } }, { visitorId }).thenThrows(NotFoundError);
  });
});

describe('the citizen stream', () => {
  const citizenId = randomUUID();
  const spec = deciderSpec(citizenDecider, () => ({ now: NOW, actor: coordinator, citizenId, known: true }));
  const withdrawn = { type: 'ConsentWithdrawn' as const, data: { at: '2026-05-01T08:00:00.000Z', by: coordinator.id } };

  it('records a withdrawal of consent once', () => {
    spec.given([]).when({ type: 'WithdrawConsent', data: { at: '2026-05-01T10:00:00+02:00' } }).then([withdrawn]);
    spec.given([withdrawn]).when({ type: 'WithdrawConsent', data: { at: '2026-05-02T10:00:00+02:00' } }).thenThrows(IllegalStateError, 'consent_already_withdrawn');
  });

  it('erases a citizen, after which the stream takes nothing', () => {
    const erased = { type: 'CitizenErased' as const, data: { at: NOW, by: coordinator.id } };
    spec.given([]).when({ type: 'EraseCitizen', data: {} }).then([erased]);
    spec.given([erased]).when({ type: 'WithdrawConsent', data: { at: NOW } }).thenThrows(IllegalStateError, 'citizen_erased');
  });

  it('knows no citizen that no referral ever named', () => {
    spec.given([]).when({ type: 'EraseCitizen', data: {} }, { known: false }).thenThrows(NotFoundError);
  });
});
