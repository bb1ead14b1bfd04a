import { randomUUID } from 'node:crypto';
import { IllegalStateError, NotFoundError, ValidationError } from '../../../domain/shared/errors';
import { intakeDecider } from '../../../domain/intake/intake.stream';
import type { IntakeEvent, ReferralCardSubmitted } from '../../../domain/intake/intake.events';
import type { SubmitReferralCard } from '../../../domain/intake/intake.commands';
import { referralFromCard } from '../../../domain/intake/intake.referral';
import { partnerCodeOf, readPartnerCode } from '../../../domain/intake/partner-code';
import { deciderSpec } from '../../support/decider-spec';
import { coordinator, NOW } from './case.fixtures';

/**
 * Issue 21, the referral card and self-referral. Seed 003 (Frida): "Hun
 * udfylder et henvisningskort i Center for Sundhed, hvorefter en frivillig
 * fællesskabsguide tager kontakt"; and "Borgere kan også selv række ud til en
 * fællesskabsguide".
 */
describe('the referral card', () => {
  const cardId = randomUUID();
  const spec = deciderSpec(intakeDecider, () => ({ now: NOW, actor: { id: 'public', role: 'system' as const }, cardId }));
  const fromMother: SubmitReferralCard['data'] = {
    cardId,
    receipt: 'K7M-4QX',
    channel: 'relative',
    programme: 'community_guide',
    citizen: { name: 'Frida Holm', phone: '20 30 40 50', address: 'Algade 12', postcode: '4180' },
    sender: { name: 'Inge Holm', phone: '40506070' },
    message: 'Min datter har været syg længe og kommer ikke ud.',
    consent: true,
  };
  const submitted: ReferralCardSubmitted = {
    type: 'ReferralCardSubmitted',
    data: {
      cardId,
      receipt: 'K7M-4QX',
      channel: 'relative',
      programme: 'community_guide',
      citizen: { name: 'Frida Holm', phone: '+4520304050', address: 'Algade 12', postcode: '4180' },
      sender: { name: 'Inge Holm', phone: '+4540506070' },
      message: 'Min datter har været syg længe og kommer ikke ud.',
      submittedAt: NOW,
    },
  };

  describe('submitted from /henvis', () => {
    it("records the mother's card for Frida, phones normalised, at the moment it came in", () => {
      spec.given([]).when({ type: 'SubmitReferralCard', data: fromMother }).then([submitted]);
    });

    it('counts a card with a known partner code for that partner', () => {
      const partnerId = randomUUID();
      const [event] = spec.given([]).when({ type: 'SubmitReferralCard', data: { ...fromMother, channel: 'partner', partnerCode: partnerCodeOf(partnerId) } }, { partnerId }).events();
      expect(event).toMatchObject({ type: 'ReferralCardSubmitted', data: { partnerId, partnerCode: partnerCodeOf(partnerId) } });
    });

    it('takes a citizen who reaches out herself ("Borgere kan også selv række ud"), with no sender', () => {
      const { sender: _sender, ...self } = fromMother;
      const [event] = spec.given([]).when({ type: 'SubmitReferralCard', data: { ...self, channel: 'self' } }).events();
      expect(event).toMatchObject({ data: { channel: 'self', citizen: { phone: '+4520304050' } } });
      expect('sender' in event!.data).toBe(false);
    });

    it('refuses, in Danish and naming each field, a card without consent, a foreign phone, an empty message, a relative who gives no name', () => {
      const { sender: _sender, ...noSender } = fromMother;
      let thrown: unknown;
      try {
        intakeDecider.decide({ type: 'SubmitReferralCard', data: { ...noSender, consent: false, citizen: { name: 'Frida', phone: '123' }, message: '  ' } }, intakeDecider.initialState(), { now: NOW, actor: coordinator, cardId });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ValidationError);
      expect((thrown as ValidationError).errors.map((e) => e.field)).toEqual(['consent', 'citizen.phone', 'message', 'sender']);
      expect((thrown as ValidationError).errors[0]!.message).toMatch(/samtykke/);
    });

    it('refuses a sender on a self-referral, and the same card twice', () => {
      spec.given([]).when({ type: 'SubmitReferralCard', data: { ...fromMother, channel: 'self' } }).thenThrows(ValidationError);
      spec.given([submitted]).when({ type: 'SubmitReferralCard', data: fromMother }).thenThrows(IllegalStateError, 'card_exists');
    });
  });

  describe('in the inbox', () => {
    const caseId = randomUUID();
    const citizenId = randomUUID();
    const accepted: IntakeEvent = { type: 'ReferralCardAccepted', data: { caseId, citizenId, knownCitizen: false, at: NOW } };

    it('is accepted once, naming the case it became', () => {
      spec.given([submitted]).when({ type: 'AcceptReferralCard', data: { caseId, citizenId, knownCitizen: false } }).then([accepted]);
      spec.given([submitted, accepted]).when({ type: 'AcceptReferralCard', data: { caseId, citizenId, knownCitizen: false } }).thenThrows(IllegalStateError, 'card_decided');
    });

    it('is rejected with a reason, and then neither accepted nor rejected again', () => {
      const rejected: IntakeEvent = { type: 'ReferralCardRejected', data: { reason: 'Dobbelt: samme borger ringede i går', at: NOW } };
      spec.given([submitted]).when({ type: 'RejectReferralCard', data: { reason: 'Dobbelt: samme borger ringede i går' } }).then([rejected]);
      spec.given([submitted, rejected]).when({ type: 'AcceptReferralCard', data: { caseId, citizenId, knownCitizen: false } }).thenThrows(IllegalStateError, 'card_decided');
      spec.given([submitted, rejected]).when({ type: 'RejectReferralCard', data: { reason: 'igen' } }).thenThrows(IllegalStateError, 'card_decided');
    });

    it('knows no card that never came in', () => {
      spec.given([]).when({ type: 'RejectReferralCard', data: { reason: 'x' } }).thenThrows(NotFoundError);
    });
  });

  describe('as an ordinary referral', () => {
    const ids = { caseId: randomUUID(), citizenId: randomUUID() };

    it("becomes a relative's referral with the consent the card's tick gave, the address joined with the postcode, the message as the social situation", () => {
      expect(referralFromCard(submitted.data, { programme: 'community_guide' }, ids)).toEqual({
        ...ids,
        programme: 'community_guide',
        referredAt: NOW,
        referrer: { name: 'Inge Holm', role: 'relative', phone: '+4540506070' },
        citizen: { name: 'Frida Holm', address: 'Algade 12, 4180', phone: '+4520304050' },
        situation: { social: 'Min datter har været syg længe og kommer ikke ud.' },
        needs: [],
        requestedTasks: [],
        consent: { given: true, at: NOW, recordedBy: 'Inge Holm' },
      });
    });

    it('a self-referral is the citizen as referrer, consent implied; a known citizen is joined by id without details', () => {
      const { sender: _s, ...self } = submitted.data;
      const referral = referralFromCard({ ...self, channel: 'self' }, { programme: 'visiting_friend', citizenId: ids.citizenId }, { ...ids, citizenId: randomUUID() });
      expect(referral.referrer).toEqual({ name: 'Frida Holm', role: 'self', phone: '+4520304050' });
      expect(referral.citizenId).toBe(ids.citizenId);
      expect(referral.citizen).toBeUndefined();
      expect(referral.consent).toBeUndefined();
    });

    it("a partner's card names the partner by id, and the coordinator's role for the sender", () => {
      const partnerId = randomUUID();
      const card = { ...submitted.data, channel: 'partner' as const, partnerId, sender: { name: 'Mette Sørensen', organisation: 'Hjemmeplejen Syd' } };
      expect(referralFromCard(card, { programme: 'care_visits', referrerRole: 'home_nurse' }, ids).referrer).toEqual({ name: 'Mette Sørensen', role: 'home_nurse', organisation: 'Hjemmeplejen Syd', partnerId });
    });

    it('asks for an address when the card has none', () => {
      const { address: _a, ...citizen } = submitted.data.citizen;
      expect(() => referralFromCard({ ...submitted.data, citizen }, { programme: 'care_visits' }, ids)).toThrow(ValidationError);
      expect(referralFromCard({ ...submitted.data, citizen }, { programme: 'care_visits', address: 'Storgade 3, 4180 Sorø' }, ids).citizen?.address).toBe('Storgade 3, 4180 Sorø');
    });
  });

  it("reads a partner's code as people type it", () => {
    const code = partnerCodeOf('1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed');
    expect(code).toBe('1B9D6BCD');
    expect(readPartnerCode('1b9d 6bcd')).toBe(code);
    expect(readPartnerCode('1b9d-6bc')).toBeUndefined();
  });
});
