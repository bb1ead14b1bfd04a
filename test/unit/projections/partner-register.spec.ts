import { randomUUID } from 'node:crypto';
import type { PartnerEvent } from '../../../domain/partner/partner.events';
import type { PartnersDoc } from '../../../projections/partners/partner-docs';
import { partnerPage } from '../../../projections/partners/partner-page';
import { channels, partners, partnersProjection } from '../../../projections/partners/partners';
import { registeredKey } from '../../../projections/partners/partner-docs';
import { Log, referral } from './events.fixture';

/** Issue 21: GET /partners as the register, and the partner page. */
describe('the partner register view', () => {
  const NOW = '2026-09-01T12:00:00.000Z';
  const partnerId = randomUUID();
  const contactId = randomUUID();
  const registered: PartnerEvent = {
    type: 'PartnerRegistered',
    data: { partnerId, name: 'Hjemmeplejen Syd', kind: 'hjemmepleje', leader: { name: 'Lene Juhl' }, contacts: [{ contactId, name: 'Mette Sørensen', role: 'SoSu-assistent', phone: '+4520304050' }] },
  };
  const meeting = (at: string, nextContactAt?: string): PartnerEvent => ({
    type: 'OutreachMeetingHeld',
    data: { meetingId: randomUUID(), at, kind: 'personalemøde', attendees: 12, materials: ['folder'], ...(nextContactAt && { nextContactAt }) },
  });
  const referredBy = (referrer: object, referredAt: string) => referral({ referrer: { name: 'X', ...referrer }, referredAt });
  const docs = (log: Log) => [...log.project(partnersProjection).docs.values()] as PartnersDoc[];
  const rows = (log: Log, silentDays = 90) => partners(docs(log), { silentDays }, NOW);

  it('lists a registered partner nobody has referred from yet as silent and due ("Ved de overhovedet, at vi findes?")', () => {
    const log = new Log().partner(partnerId, [registered]);
    expect(rows(log)).toEqual([
      {
        partnerId,
        organisation: 'Hjemmeplejen Syd',
        role: null,
        kind: 'hjemmepleje',
        referrals: 0,
        totalReferrals: 0,
        cards: 0,
        lastReferralAt: null,
        daysSinceLastReferral: null,
        silent: true,
        lastMeetingAt: null,
        nextContactAt: null,
        contactDue: true,
        retired: false,
      },
    ]);
  });

  it('leaves "kontakt snart" after a meeting with a next contact ahead, and comes back when that has passed', () => {
    const ahead = new Log().partner(partnerId, [registered, meeting('2026-08-20T12:00:00.000Z', '2026-12-01T09:00:00.000Z')]);
    expect(rows(ahead)[0]).toMatchObject({ contactDue: false, lastMeetingAt: '2026-08-20T12:00:00.000Z', nextContactAt: '2026-12-01T09:00:00.000Z' });
    const passed = new Log().partner(partnerId, [registered, meeting('2026-03-01T12:00:00.000Z', '2026-08-01T09:00:00.000Z')]);
    expect(rows(passed)[0]).toMatchObject({ contactDue: true });
  });

  it('is due when silent and not met for 90 days ("gentage møderne med personalet"), not when met recently', () => {
    const old = new Log().partner(partnerId, [registered, meeting('2026-05-01T12:00:00.000Z')]);
    expect(rows(old)[0]).toMatchObject({ silent: true, contactDue: true });
    const recent = new Log().partner(partnerId, [registered, meeting('2026-07-01T12:00:00.000Z')]);
    expect(rows(recent)[0]).toMatchObject({ silent: true, contactDue: false });
  });

  it('counts referrals naming the partner by id, and the free-text ones linked by alias, once', () => {
    const log = new Log()
      .partner(partnerId, [registered, { type: 'PartnerAliasLinked', data: { organisation: 'Hjemmepleje Syd' } }])
      .case(randomUUID(), [referredBy({ role: 'home_nurse', organisation: 'Hjemmeplejen Syd', partnerId }, '2026-08-25T08:00:00.000Z')])
      .case(randomUUID(), [referredBy({ role: 'home_helper', organisation: 'hjemmepleje  syd' }, '2026-02-02T08:00:00.000Z')])
      .case(randomUUID(), [referredBy({ role: 'home_helper', organisation: 'Hjemmepleje Syd' }, '2026-03-02T08:00:00.000Z')])
      .case(randomUUID(), [referredBy({ role: 'priest', organisation: 'Sorø Sogn' }, '2026-08-20T08:00:00.000Z')]);
    const [first, second] = rows(log);
    expect(first).toMatchObject({ partnerId, role: 'home_helper', referrals: 3, totalReferrals: 3, lastReferralAt: '2026-08-25T08:00:00.000Z', daysSinceLastReferral: 7, silent: false });
    expect(second).toMatchObject({ partnerId: null, organisation: 'Sorø Sogn' });
    expect(rows(log)).toHaveLength(2);
    expect(partners(docs(log), { silentDays: 90, from: '2026-08-01', to: '2026-08-31' }, NOW)[0]).toMatchObject({ partnerId, referrals: 1, totalReferrals: 3 });
  });

  it('counts the citizen and relatives apart, as channels', () => {
    const log = new Log()
      .case(randomUUID(), [referredBy({ role: 'self' }, '2026-08-02T08:00:00.000Z')])
      .case(randomUUID(), [referredBy({ role: 'relative', organisation: 'Datter' }, '2026-08-03T08:00:00.000Z')])
      .case(randomUUID(), [referredBy({ role: 'relative' }, '2026-06-03T08:00:00.000Z')]);
    expect(rows(log)).toEqual([]);
    expect(channels(docs(log), { silentDays: 90, from: '2026-08-01' })).toEqual([
      { channel: 'self', referrals: 1, totalReferrals: 1, lastReferralAt: '2026-08-02T08:00:00.000Z' },
      { channel: 'relative', referrals: 1, totalReferrals: 2, lastReferralAt: '2026-08-03T08:00:00.000Z' },
    ]);
  });

  it('forgets a removed contact: name and phone are gone from the document', () => {
    const log = new Log().partner(partnerId, [registered, { type: 'PartnerContactRemoved', data: { contactId } }]);
    const doc = log.project(partnersProjection).docs.get(registeredKey(partnerId));
    expect(JSON.stringify(doc)).not.toContain('Mette');
    expect(JSON.stringify(doc)).not.toContain('20304050');
  });

  it('retired: listed for the history, never due', () => {
    const log = new Log().partner(partnerId, [registered, { type: 'PartnerRetired', data: {} }]);
    expect(rows(log)[0]).toMatchObject({ retired: true, contactDue: false });
  });

  it('gives the partner page its meetings newest first and its referrals by Copenhagen month', () => {
    const log = new Log()
      .partner(partnerId, [registered, meeting('2026-02-01T12:00:00.000Z'), meeting('2026-06-01T12:00:00.000Z', '2026-10-01T08:00:00.000Z')])
      .case(randomUUID(), [referredBy({ role: 'home_nurse', partnerId }, '2026-07-31T22:30:00.000Z')]) // 1 August in Copenhagen
      .case(randomUUID(), [referredBy({ role: 'home_nurse', partnerId }, '2026-08-15T08:00:00.000Z')]);
    const all = docs(log);
    const doc = all.find((d) => 'partnerId' in d && d.partnerId === partnerId)!;
    const page = partnerPage(doc as never, all, 90, NOW);
    expect(page.meetings.map((m) => m.at)).toEqual(['2026-06-01T12:00:00.000Z', '2026-02-01T12:00:00.000Z']);
    expect(page.referralsByMonth).toEqual([{ month: '2026-08', referrals: 2 }]);
    expect(page).toMatchObject({ name: 'Hjemmeplejen Syd', leader: { name: 'Lene Juhl' }, contacts: [{ name: 'Mette Sørensen' }], nextContactAt: '2026-10-01T08:00:00.000Z', contactDue: false });
  });
});
