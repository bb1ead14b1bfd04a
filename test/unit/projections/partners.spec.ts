import { randomUUID } from 'node:crypto';
import { Partner, partners, partnersProjection } from '../../../projections/partners/partners';
import { Log, referral } from './events.fixture';

const unregistered = { cards: 0, partnerId: null, kind: null, lastMeetingAt: null, nextContactAt: null, retired: false };

describe('the partners view', () => {
  const rows = (log: Log, filter: { from?: string; to?: string; silentDays?: number } = {}) =>
    partners(log.project(partnersProjection).docs.values() as Iterable<Partner>, { silentDays: 90, ...filter }, '2026-09-01T12:00:00.000Z');
  const referredBy = (organisation: string | undefined, role: string, referredAt: string) =>
    referral({ referrer: { name: 'X', role, ...(organisation !== undefined && { organisation }) }, referredAt });

  it('counts one partner however its name was typed, and flags those silent for longer than silentDays', () => {
    const log = new Log()
      .case(randomUUID(), [referredBy('Hjemmeplejen Syd', 'home_nurse', '2026-03-02T08:00:00.000Z')])
      .case(randomUUID(), [referredBy('  hjemmeplejen   SYD ', 'home_nurse', '2026-04-02T08:00:00.000Z')])
      .case(randomUUID(), [referredBy('Sorø Sogn', 'priest', '2026-08-20T08:00:00.000Z')])
      .case(randomUUID(), [referredBy(undefined, 'relative', '2026-08-25T08:00:00.000Z')]);
    expect(rows(log)).toEqual([
      // Issue 21 added the register's fields; an organisation only named in free text has no partnerId, kind or meeting, and is due when silent.
      { ...unregistered, organisation: 'Hjemmeplejen Syd', role: 'home_nurse', referrals: 2, totalReferrals: 2, lastReferralAt: '2026-04-02T08:00:00.000Z', daysSinceLastReferral: 152, silent: true, contactDue: true },
      { ...unregistered, organisation: 'Sorø Sogn', role: 'priest', referrals: 1, totalReferrals: 1, lastReferralAt: '2026-08-20T08:00:00.000Z', daysSinceLastReferral: 12, silent: false, contactDue: false },
    ]);
  });

  // Issue #17: "Borgeren selv" and "Pårørende" were listed as partners gone silent.
  it('leaves out the citizen and relatives: they are channels, not partners to remind', () => {
    const log = new Log()
      .case(randomUUID(), [referredBy(undefined, 'self', '2026-01-02T08:00:00.000Z')])
      .case(randomUUID(), [referredBy(undefined, 'relative', '2026-01-03T08:00:00.000Z')])
      .case(randomUUID(), [referredBy('Datter', 'relative', '2026-01-04T08:00:00.000Z')])
      .case(randomUUID(), [referredBy(undefined, 'general_practitioner', '2026-01-05T08:00:00.000Z')]);
    expect(rows(log).map((row) => row.role)).toEqual(['general_practitioner']);
  });

  it('counts referrals within a period of Copenhagen dates', () => {
    const log = new Log()
      .case(randomUUID(), [referredBy('Hjemmeplejen Syd', 'home_nurse', '2026-03-31T22:30:00.000Z')]) // 00:30 on 1 April in Copenhagen (summer time)
      .case(randomUUID(), [referredBy('Hjemmeplejen Syd', 'home_nurse', '2026-03-15T08:00:00.000Z')]);
    expect(rows(log, { from: '2026-04-01', to: '2026-04-30' })[0]).toMatchObject({ referrals: 1 });
  });
});
