import { randomUUID } from 'node:crypto';
import { IllegalStateError, NotFoundError, ValidationError } from '../../../domain/shared/errors';
import { findNamesake, sameName } from '../../../domain/visitor/visitor.namesake';
import { visitorDecider } from '../../../domain/visitor/visitor.stream';
import { deciderSpec } from '../../support/decider-spec';
import { coordinator, NOW } from './case.fixtures';

/** Issue 17: the coordinator keeps the registry of visitors current. */
describe('keeping a visitor current', () => {
  const spec = deciderSpec(visitorDecider, () => ({ now: NOW, actor: coordinator }));
  const visitorId = randomUUID();
  const registered = { type: 'VisitorRegistered' as const, data: { visitorId, name: 'Birthe Madsen', kind: 'volunteer' as const, capacity: 3, phone: '+4540506070' } };
  const namesake = { visitorId: randomUUID(), name: 'Birthe Madsen' };

  describe('a new name or phone', () => {
    it('records only what changed, the phone normalised', () => {
      spec.given([registered]).when({ type: 'ChangeVisitorDetails', data: { name: 'Birthe Madsen', phone: '41 52 63 74' } }).then([{ type: 'VisitorDetailsChanged', data: { phone: '+4541526374' } }]);
      spec.given([registered]).when({ type: 'ChangeVisitorDetails', data: { name: 'Birthe Sonne Madsen' } }).then([{ type: 'VisitorDetailsChanged', data: { name: 'Birthe Sonne Madsen' } }]);
    });

    it('is folded into the state, so the next change compares with it', () => {
      const changed = { type: 'VisitorDetailsChanged' as const, data: { phone: '+4541526374' } };
      spec.given([registered, changed]).when({ type: 'ChangeVisitorDetails', data: { phone: '+4541526374' } }).thenThrows(IllegalStateError, 'visitor_unchanged');
    });

    it('refuses nothing given (400), a phone that is not Danish (400) and nothing new (409)', () => {
      spec.given([registered]).when({ type: 'ChangeVisitorDetails', data: {} }).thenThrows(ValidationError);
      spec.given([registered]).when({ type: 'ChangeVisitorDetails', data: { phone: '123' } }).thenThrows(ValidationError);
      spec.given([registered]).when({ type: 'ChangeVisitorDetails', data: { name: 'Birthe Madsen', phone: '40506070' } }).thenThrows(IllegalStateError, 'visitor_unchanged');
    });

    it('refuses to make an active visitor the double of another active one', () => {
      spec.given([registered]).when({ type: 'ChangeVisitorDetails', data: { name: 'Birthe Madsen ' } }, { namesake }).thenThrows(IllegalStateError, 'visitor_exists');
    });

    it('knows no visitor that was never registered', () => {
      spec.given([]).when({ type: 'ChangeVisitorDetails', data: { name: 'X' } }, { visitorId }).thenThrows(NotFoundError);
    });
  });

  describe('capacity', () => {
    it('may go below the cases the visitor has: they keep them ("det er altid den samme omsorgsmedarbejder der besøger borgeren")', () => {
      // The decider does not even ask for the caseload: continuity, not the number, decides.
      spec.given([registered]).when({ type: 'ChangeVisitorCapacity', data: { capacity: 1 } }).then([{ type: 'VisitorCapacityChanged', data: { capacity: 1 } }]);
    });

    it.each([0, 51, 1.5])('refuses a capacity of %d', (capacity) => {
      spec.given([registered]).when({ type: 'ChangeVisitorCapacity', data: { capacity } }).thenThrows(ValidationError);
    });
  });

  describe('a pause', () => {
    it('deactivates with the reason, once', () => {
      const deactivated = { type: 'VisitorDeactivated' as const, data: { reason: 'Holder pause til efteråret' } };
      spec.given([registered]).when({ type: 'DeactivateVisitor', data: { reason: 'Holder pause til efteråret' } }).then([deactivated]);
      spec.given([registered, deactivated]).when({ type: 'DeactivateVisitor', data: { reason: 'igen' } }).thenThrows(IllegalStateError, 'visitor_inactive');
    });

    it('reactivates, unless someone registered the same person meanwhile', () => {
      const inactive = [registered, { type: 'VisitorDeactivated' as const, data: {} }];
      spec.given(inactive).when({ type: 'ReactivateVisitor', data: {} }).then([{ type: 'VisitorReactivated', data: {} }]);
      spec.given(inactive).when({ type: 'ReactivateVisitor', data: {} }, { namesake }).thenThrows(IllegalStateError, 'visitor_exists');
      spec.given([registered]).when({ type: 'ReactivateVisitor', data: {} }).thenThrows(IllegalStateError, 'visitor_active');
    });
  });

  describe('one person, one entry', () => {
    it('refuses a registration with the name and phone of an active visitor, naming them', () => {
      let thrown: unknown;
      try {
        spec.given([]).when({ type: 'RegisterVisitor', data: { ...registered.data, visitorId: randomUUID() } }, { namesake }).events();
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(IllegalStateError);
      expect(thrown).toMatchObject({ code: 'visitor_exists', details: namesake });
    });

    const active = { visitorId: 'v1', name: 'Birthe Madsen', phone: '+4540506070', active: true };
    it.each([
      ['the same name and phone', { name: 'Birthe Madsen', phone: '+4540506070' }, true],
      ['the name typed otherwise, the phone with spaces', { name: '  birthe   MADSEN ', phone: '40 50 60 70' }, true],
      ['another phone', { name: 'Birthe Madsen', phone: '+4541526374' }, false],
      ['no phone', { name: 'Birthe Madsen' }, false],
      ['another name', { name: 'Birthe Mathiesen', phone: '+4540506070' }, false],
    ])('%s: a namesake %s', (_case, wanted, found) => {
      expect(findNamesake([active], { visitorId: 'v2', ...wanted })?.visitorId).toBe(found ? 'v1' : undefined);
    });

    it('never finds the visitor itself, nor an inactive one', () => {
      expect(findNamesake([active], { visitorId: 'v1', name: 'Birthe Madsen', phone: '+4540506070' })).toBeUndefined();
      expect(findNamesake([{ ...active, active: false }], { visitorId: 'v2', name: 'Birthe Madsen', phone: '+4540506070' })).toBeUndefined();
    });

    it('compares Danish letters in either Unicode form', () => {
      expect(sameName('Søren Ærø', 'SØREN ÆRØ')).toBe(true);
      expect(sameName('Åse', 'A\u030Ase')).toBe(true);
    });
  });
});
