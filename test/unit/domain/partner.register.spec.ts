import { randomUUID } from 'node:crypto';
import { IllegalStateError, NotFoundError, ValidationError } from '../../../domain/shared/errors';
import { partnerDecider } from '../../../domain/partner/partner.stream';
import type { PartnerEvent } from '../../../domain/partner/partner.events';
import { deciderSpec } from '../../support/decider-spec';
import { coordinator, NOW } from './case.fixtures';

/**
 * Issue 21, the partner register. Seed 002 ("Bliv husket og brugt"): "Den
 * første kontakt går altid via ledelseslaget", and "Husk også efter et stykke
 * tid at gentage møderne med personalet".
 */
describe('the partner register', () => {
  const spec = deciderSpec(partnerDecider, () => ({ now: NOW, actor: coordinator }));
  const partnerId = randomUUID();
  const contactId = randomUUID();
  const leader = { name: 'Lene Juhl', phone: '+4557871234' };
  const contact = { contactId, name: 'Mette Sørensen', role: 'SoSu-assistent', phone: '+4520304050', email: 'mese@soroe.dk' };
  const registered: PartnerEvent = { type: 'PartnerRegistered', data: { partnerId, name: 'Hjemmeplejen Syd', kind: 'hjemmepleje', leader, contacts: [contact] } };

  describe('registering', () => {
    it('records the partner with its leader first ("Et godt samarbejde begynder derfor med ledelsen") and its contacts, phones normalised', () => {
      spec
        .given([])
        .when({ type: 'RegisterPartner', data: { partnerId, name: 'Hjemmeplejen Syd', kind: 'hjemmepleje', leader: { name: 'Lene Juhl', phone: '57 87 12 34' }, contacts: [{ ...contact, phone: '20304050' }] } })
        .then([registered]);
    });

    it('refuses a phone that is not Danish, naming the field, and a partner registered twice', () => {
      spec.given([]).when({ type: 'RegisterPartner', data: { partnerId, name: 'X', kind: 'andet', leader: { name: 'Y', phone: '123' } } }).thenThrows(ValidationError);
      spec.given([registered]).when({ type: 'RegisterPartner', data: { partnerId, name: 'X', kind: 'andet', leader } }).thenThrows(IllegalStateError, 'partner_exists');
    });

    it('knows no partner that was never registered', () => {
      spec.given([]).when({ type: 'RetirePartner', data: {} }, { partnerId }).thenThrows(NotFoundError);
    });
  });

  describe('keeping it current', () => {
    it('records only what changed, and refuses nothing new', () => {
      spec.given([registered]).when({ type: 'UpdatePartner', data: { name: 'Hjemmeplejen Syd', kind: 'visitation' } }).then([{ type: 'PartnerUpdated', data: { kind: 'visitation' } }]);
      spec.given([registered]).when({ type: 'UpdatePartner', data: { name: 'Hjemmeplejen Syd', leader } }).thenThrows(IllegalStateError, 'partner_unchanged');
      spec.given([registered]).when({ type: 'UpdatePartner', data: {} }).thenThrows(ValidationError);
    });

    it('adds a contact and removes it; a contact not there is not found', () => {
      const other = { contactId: randomUUID(), name: 'Per Holm', role: 'Visitator' };
      spec.given([registered]).when({ type: 'AddPartnerContact', data: other }).then([{ type: 'PartnerContactAdded', data: other }]);
      spec.given([registered]).when({ type: 'RemovePartnerContact', data: { contactId } }).then([{ type: 'PartnerContactRemoved', data: { contactId } }]);
      spec.given([registered, { type: 'PartnerContactRemoved', data: { contactId } }]).when({ type: 'RemovePartnerContact', data: { contactId } }).thenThrows(NotFoundError);
    });

    it('retires a partner once; a retired one takes no meeting', () => {
      const retired: PartnerEvent = { type: 'PartnerRetired', data: { reason: 'Lukket' } };
      spec.given([registered]).when({ type: 'RetirePartner', data: { reason: 'Lukket' } }).then([retired]);
      spec.given([registered, retired]).when({ type: 'RetirePartner', data: {} }).thenThrows(IllegalStateError, 'partner_retired');
      spec
        .given([registered, retired])
        .when({ type: 'RecordOutreachMeeting', data: { meetingId: randomUUID(), at: '2026-11-03T13:00:00+01:00', kind: 'telefon', attendees: 1 } })
        .thenThrows(IllegalStateError, 'partner_retired');
    });
  });

  describe('outreach', () => {
    const meetingId = randomUUID();

    it('records a staff meeting with the materials left ("Husk at tage foldere og postkort med") and when to come back', () => {
      spec
        .given([registered])
        .when({
          type: 'RecordOutreachMeeting',
          data: { meetingId, at: '2026-11-03T13:00:00+01:00', kind: 'personalemøde', attendees: 14, materials: ['folder', 'henvisningskort', 'folder'], nextContactAt: '2027-03-01T09:00:00+01:00' },
        })
        .then([
          {
            type: 'OutreachMeetingHeld',
            data: { meetingId, at: '2026-11-03T13:00:00+01:00', kind: 'personalemøde', attendees: 14, materials: ['folder', 'henvisningskort'], nextContactAt: '2027-03-01T09:00:00+01:00' },
          },
        ]);
    });

    it('refuses a meeting not yet held, and a next contact before the meeting', () => {
      spec.given([registered]).when({ type: 'RecordOutreachMeeting', data: { meetingId, at: '2026-12-24T10:00:00+01:00', kind: 'ledelse', attendees: 2 } }).thenThrows(ValidationError);
      spec
        .given([registered])
        .when({ type: 'RecordOutreachMeeting', data: { meetingId, at: '2026-11-03T13:00:00+01:00', kind: 'ledelse', attendees: 2, nextContactAt: '2026-11-01T09:00:00+01:00' } })
        .thenThrows(ValidationError);
    });

    it('assesses the partner: "Ved de overhovedet, at vi findes?", "Neutrale, positive, negative, skeptiske?", "Hvem skal vi tale med"', () => {
      spec
        .given([registered])
        .when({ type: 'AssessPartner', data: { knowsUs: 'heard', attitude: 'sceptical', contactPerson: 'Afdelingsleder Lene Juhl' } })
        .then([{ type: 'PartnerAssessed', data: { assessedAt: NOW, knowsUs: 'heard', attitude: 'sceptical', contactPerson: 'Afdelingsleder Lene Juhl' } }]);
    });
  });

  describe('aliases', () => {
    it('links a free-text organisation once, to one partner only', () => {
      const linked: PartnerEvent = { type: 'PartnerAliasLinked', data: { organisation: 'Hjemmeplejen Sorø Syd' } };
      spec.given([registered]).when({ type: 'LinkPartnerAlias', data: { organisation: '  Hjemmeplejen   Sorø Syd ' } }, { partnerId }).then([linked]);
      spec.given([registered, linked]).when({ type: 'LinkPartnerAlias', data: { organisation: 'hjemmeplejen sorø syd' } }, { partnerId }).thenThrows(IllegalStateError, 'alias_exists');
      spec
        .given([registered])
        .when({ type: 'LinkPartnerAlias', data: { organisation: 'Hjemmeplejen Sorø Syd' } }, { partnerId, aliasOwner: { partnerId: randomUUID(), name: 'Hjemmeplejen Nord' } })
        .thenThrows(IllegalStateError, 'alias_linked_elsewhere');
    });
  });
});
