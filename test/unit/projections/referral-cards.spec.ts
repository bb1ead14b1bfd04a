import { randomUUID } from 'node:crypto';
import type { IntakeEvent, ReferralCardSubmitted } from '../../../domain/intake/intake.events';
import { partnerCodeOf } from '../../../domain/intake/partner-code';
import type { PartnerEvent } from '../../../domain/partner/partner.events';
import type { PartnersDoc } from '../../../projections/partners/partner-docs';
import { partnerPage } from '../../../projections/partners/partner-page';
import { partners, partnersProjection } from '../../../projections/partners/partners';
import { newCardCount, ReferralCardDoc, referralCards, referralCardsProjection } from '../../../projections/referral-cards/referral-cards';
import { Log } from './events.fixture';

/** Issue 21: the coordinator's inbox of referral cards, and the cards a partner's code counts for it. */
describe('the referral card inbox', () => {
  const NOW = '2026-09-01T12:00:00.000Z';
  const card = (cardId: string, submittedAt: string, partnerId?: string): ReferralCardSubmitted => ({
    type: 'ReferralCardSubmitted',
    data: {
      cardId,
      receipt: 'K7M-4QX',
      channel: partnerId ? 'partner' : 'self',
      ...(partnerId && { partnerId, partnerCode: partnerCodeOf(partnerId), sender: { name: 'Mette', organisation: 'Hjemmeplejen Syd' } }),
      citizen: { name: 'Frida Holm', phone: '+4520304050', postcode: '4180' },
      message: 'Alene',
      submittedAt,
    },
  });
  const docs = (log: Log) => [...log.project(referralCardsProjection).docs.values()] as ReferralCardDoc[];

  it('lists new cards oldest first, moves a decided one out of "new", and remembers what it became', () => {
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    const caseId = randomUUID();
    const citizenId = randomUUID();
    const accepted: IntakeEvent = { type: 'ReferralCardAccepted', data: { caseId, citizenId, knownCitizen: false, at: '2026-08-03T09:00:00.000Z' } };
    const rejected: IntakeEvent = { type: 'ReferralCardRejected', data: { reason: 'Prøve', at: '2026-08-03T10:00:00.000Z' } };
    const log = new Log()
      .intake(b, [card(b, '2026-08-02T08:00:00.000Z')], '2026-08-02T08:00:00.000Z')
      .intake(a, [card(a, '2026-08-01T08:00:00.000Z')], '2026-08-01T08:00:00.000Z')
      .intake(c, [card(c, '2026-08-03T08:00:00.000Z')], '2026-08-03T08:00:00.000Z')
      .intake(b, [accepted], '2026-08-03T09:00:00.000Z')
      .intake(c, [rejected], '2026-08-03T10:00:00.000Z');
    expect(referralCards(docs(log), 'new').map((d) => d.cardId)).toEqual([a]);
    expect(referralCards(docs(log)).map((d) => d.cardId)).toEqual([a, b, c]);
    expect(newCardCount(docs(log))).toBe(1);
    expect(referralCards(docs(log), 'accepted')).toEqual([
      expect.objectContaining({ cardId: b, status: 'accepted', caseId, citizenId, knownCitizen: false, history: [{ at: '2026-08-02T08:00:00.000Z', label: 'Henvisningskort modtaget' }, { at: '2026-08-03T09:00:00.000Z', label: 'Henvisningskort taget ind som sag' }] }),
    ]);
    expect(referralCards(docs(log), 'rejected')).toEqual([expect.objectContaining({ cardId: c, reason: 'Prøve', decidedAt: '2026-08-03T10:00:00.000Z' })]);
  });

  it("counts a card with a partner's code for that partner in the register and on its page, in the period asked for", () => {
    const partnerId = randomUUID();
    const registered: PartnerEvent = { type: 'PartnerRegistered', data: { partnerId, name: 'Hjemmeplejen Syd', kind: 'hjemmepleje', leader: { name: 'Lene Juhl' }, contacts: [] } };
    const [one, two, three] = [randomUUID(), randomUUID(), randomUUID()];
    const log = new Log()
      .partner(partnerId, [registered])
      .intake(one, [card(one, '2026-07-01T08:00:00.000Z', partnerId)])
      .intake(two, [card(two, '2026-08-10T08:00:00.000Z', partnerId)])
      .intake(three, [card(three, '2026-08-11T08:00:00.000Z')]);
    const all = [...log.project(partnersProjection).docs.values()] as PartnersDoc[];
    expect(partners(all, { silentDays: 90 }, NOW)).toEqual([expect.objectContaining({ partnerId, cards: 2 })]);
    expect(partners(all, { silentDays: 90, from: '2026-08-01' }, NOW)).toEqual([expect.objectContaining({ partnerId, cards: 1 })]);
    const page = partnerPage(all[0] as Extract<PartnersDoc, { partnerId: string }>, all, 90, NOW);
    expect(page).toMatchObject({ cards: 2, partnerCode: partnerCodeOf(partnerId) });
  });
});
