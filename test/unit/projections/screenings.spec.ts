import { randomUUID } from 'node:crypto';
import type { ScreeningEvent } from '../../../domain/screening/screening.events';
import { screeningFigures } from '../../../projections/screenings/screening-figures';
import { ReferredCaseDoc, ScreeningDoc, screeningsProjection } from '../../../projections/screenings/screenings';
import { booked, Log, referral, triaged } from './events.fixture';

/**
 * Issue 22: "The dashboard counts screenings per unit and month, the share that
 * scored as lonely, and how many became referrals and cases." Seed 001: "tid og
 * rum til registrering af og opfølgning på ensomhed".
 */
describe('the screenings on the dashboard (GET /dashboard/screenings)', () => {
  const screened = (screeningId: string, at: string, unit: string, ucla3: [number, number, number], consentToRefer = false): ScreeningEvent => {
    const score = ucla3[0] + ucla3[1] + ucla3[2];
    return { type: 'LonelinessScreened', data: { screeningId, at, unit, ucla3, score, lonely: score >= 7, scaleVersion: 'ucla3-v1', consentToRefer } };
  };
  const figures = (log: Log, filter: { from?: string; to?: string; unit?: string } = {}) => {
    const docs = [...log.project(screeningsProjection).docs.values()];
    return screeningFigures(docs.filter((d): d is ScreeningDoc => d.kind === 'screening'), docs.filter((d): d is ReferredCaseDoc => d.kind === 'case'), filter);
  };

  it('counts per unit and Copenhagen month: screened, lonely (UCLA-3 ≥ 7) and its share, consent, referrals, and the cases taken on', () => {
    const [a, b, c, d, e] = Array.from({ length: 5 }, () => randomUUID());
    const [caseB, caseC] = [randomUUID(), randomUUID()];
    const log = new Log()
      .screening(a, [screened(a, '2026-03-03T09:00:00.000Z', 'Hjemmeplejen Syd', [1, 2, 2])])
      .screening(b, [screened(b, '2026-03-10T09:00:00.000Z', 'Hjemmeplejen Syd', [3, 3, 2], true)])
      .screening(c, [screened(c, '2026-03-12T09:00:00.000Z', 'Hjemmeplejen Syd', [3, 2, 2], true)])
      // 21:30Z on 31 March is 23:30 in Copenhagen: still March.
      .screening(d, [screened(d, '2026-03-31T21:30:00.000Z', 'Forebyggende hjemmebesøg', [3, 3, 3])])
      .screening(e, [screened(e, '2026-04-01T08:00:00.000Z', 'Hjemmeplejen Syd', [1, 1, 1])])
      .case(caseB, [referral({ screeningId: b, referredAt: '2026-03-10T10:00:00.000Z' }), triaged(), booked(randomUUID())])
      .case(caseC, [referral({ screeningId: c, referredAt: '2026-03-12T10:00:00.000Z' }), { type: 'ReferralDeclined', data: { reason: 'not_lonely', at: '2026-03-13T10:00:00.000Z' } }])
      // An ordinary referral counts nowhere here.
      .case(randomUUID(), [referral(), triaged(), booked(randomUUID())]);

    const answer = figures(log);
    expect(answer.rows).toEqual([
      { month: '2026-04', unit: 'Hjemmeplejen Syd', screened: 1, lonely: 0, lonelyShare: 0, consentToRefer: 0, referrals: 0, cases: 0, declined: 0 },
      { month: '2026-03', unit: 'Forebyggende hjemmebesøg', screened: 1, lonely: 1, lonelyShare: 1, consentToRefer: 0, referrals: 0, cases: 0, declined: 0 },
      { month: '2026-03', unit: 'Hjemmeplejen Syd', screened: 3, lonely: 2, lonelyShare: 0.67, consentToRefer: 2, referrals: 2, cases: 1, declined: 1 },
    ]);
    expect(answer.totals).toEqual({ screened: 5, lonely: 3, lonelyShare: 0.6, consentToRefer: 2, referrals: 2, cases: 1, declined: 1 });
  });

  it('keeps only the period (Copenhagen dates, both included) and the unit asked for', () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const log = new Log()
      .screening(a, [screened(a, '2026-03-31T21:30:00.000Z', 'Hjemmeplejen Syd', [3, 3, 3])])
      .screening(b, [screened(b, '2026-04-02T08:00:00.000Z', 'Hjemmeplejen Nord', [1, 1, 1])]);
    expect(figures(log, { from: '2026-04-01' }).totals.screened).toBe(1);
    expect(figures(log, { to: '2026-03-31' }).rows.map((r) => r.unit)).toEqual(['Hjemmeplejen Syd']);
    expect(figures(log, { unit: 'Hjemmeplejen Nord' }).rows.map((r) => r.month)).toEqual(['2026-04']);
    expect(figures(new Log()).totals).toEqual({ screened: 0, lonely: 0, lonelyShare: 0, consentToRefer: 0, referrals: 0, cases: 0, declined: 0 });
  });
});
