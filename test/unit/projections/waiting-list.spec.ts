import { randomUUID } from 'node:crypto';
import { waitingList, waitingListProjection } from '../../../projections/waiting-list/waiting-list';
import type { CaseEvent } from '../../../domain/case/case.events';
import { booked, Log, referral, triaged } from './events.fixture';

describe('the waiting list (ventemappe)', () => {
  const now = '2026-03-10T12:00:00.000Z';
  const list = (log: Log, filter = {}) => waitingList(log.project(waitingListProjection).docs.values(), { limit: 100, ...filter }, now);

  it('lists triaged cases without a first visit: high priority first, then the oldest referral', () => {
    const [a, b, c, bookedCase] = Array.from({ length: 4 }, () => randomUUID());
    const log = new Log()
      .case(a, [referral({ referredAt: '2026-03-01T08:00:00.000Z' }), triaged('normal')])
      .case(b, [referral({ referredAt: '2026-03-05T08:00:00.000Z' }), triaged('high')])
      .case(c, [referral({ referredAt: '2026-02-20T08:00:00.000Z' }), triaged('normal')])
      .case(bookedCase, [referral(), triaged('high'), booked(randomUUID())]);
    expect(list(log).map((e) => e.caseId)).toEqual([b, c, a]);
  });

  // Issue #17: docs/web.md says the folder holds "referrals to triage and cases waiting for a visitor"; the referrals were missing.
  it('lists referrals not yet triaged first, the oldest first, as stage "referred"; triaged ones as "waiting"', () => {
    const [old, recent, waiting] = Array.from({ length: 3 }, () => randomUUID());
    const log = new Log()
      .case(waiting, [referral({ referredAt: '2026-02-01T08:00:00.000Z' }), triaged('high')])
      .case(recent, [referral({ referredAt: '2026-03-05T08:00:00.000Z' })])
      .case(old, [referral({ referredAt: '2026-03-01T08:00:00.000Z' })]);
    expect(list(log).map((e) => [e.caseId, e.stage])).toEqual([
      [old, 'referred'],
      [recent, 'referred'],
      [waiting, 'waiting'],
    ]);
    expect(list(log)[0]).toMatchObject({ daysWaiting: 9 });
    expect(list(log)[0]).not.toHaveProperty('track');
    expect(list(log, { stage: 'referred' }).map((e) => e.caseId)).toEqual([old, recent]);
    expect(list(log, { stage: 'waiting' }).map((e) => e.caseId)).toEqual([waiting]);
    // A track is a triage's answer: a referral has none, so a track filter leaves it out.
    expect(list(log, { track: 'volunteer' }).map((e) => e.caseId)).toEqual([waiting]);
  });

  // Issue #17: a corrected referral ("sjældent dækkende for det reelle behov", 000) is what the folder shows.
  it('shows the referrer and the risks of a corrected referral', () => {
    const id = randomUUID();
    const corrected: CaseEvent = { type: 'ReferralCorrected', data: { needs: ['loneliness_symptoms', 'suicidal_thoughts'], referrer: { name: 'Ole Berg', role: 'general_practitioner' } } };
    const log = new Log().case(id, [referral(), corrected]);
    const [entry] = list(log);
    expect(entry).toMatchObject({ caseId: id, referrerRole: 'general_practitioner', riskFlags: ['suicidal_thoughts'] });
    expect(entry).not.toHaveProperty('referrerOrganisation');
  });

  it('counts days waiting in Copenhagen calendar days', () => {
    const id = randomUUID();
    // 23:30 Copenhagen on 1 March is 22:30 UTC: still 1 March, so 9 days by 10 March.
    const log = new Log().case(id, [referral({ referredAt: '2026-03-01T22:30:00.000Z' }), triaged()]);
    expect(list(log)[0]).toMatchObject({ caseId: id, daysWaiting: 9, track: 'volunteer', priority: 'normal', referrerOrganisation: 'Hjemmeplejen Syd' });
  });

  it('filters by track and programme, and shows risk flags (a flag moves the case to the professional track)', () => {
    const [volunteer, risky, guide] = Array.from({ length: 3 }, () => randomUUID());
    const log = new Log()
      .case(volunteer, [referral(), triaged()])
      .case(risky, [referral(), triaged(), { type: 'RiskFlagged', data: { risk: 'suicidal_thoughts', note: 'n', at: '2026-03-03T08:00:00.000Z' } }])
      .case(guide, [referral({ programme: 'community_guide' }), triaged()]);
    expect(list(log, { track: 'professional' })).toEqual([expect.objectContaining({ caseId: risky, riskFlags: ['suicidal_thoughts'] })]);
    expect(list(log, { programme: 'community_guide' }).map((e) => e.caseId)).toEqual([guide]);
  });

  it('drops declined and closed cases, and honours the limit', () => {
    const [declined, closed, kept] = Array.from({ length: 3 }, () => randomUUID());
    const log = new Log()
      .case(declined, [referral(), triaged(), { type: 'ReferralDeclined', data: { reason: 'declined_by_citizen', at: '2026-03-04T08:00:00.000Z' } }])
      .case(closed, [referral(), triaged(), { type: 'CaseClosed', data: { reason: 'moved', at: '2026-03-04T08:00:00.000Z' } }])
      .case(kept, [referral(), triaged()])
      .case(randomUUID(), [referral(), triaged()]);
    expect(list(log).map((e) => e.caseId)).not.toContain(declined);
    expect(list(log).map((e) => e.caseId)).not.toContain(closed);
    expect(list(log, { limit: 1 })).toHaveLength(1);
  });
});

// Issue #19: a guide judges the case needs a professional; it returns to the folder as it stands.
describe('a case handed back to the waiting folder', () => {
  it('is not listed while booked, and returns on the professional track when handed back', () => {
    const caseId = randomUUID();
    const visitorId = randomUUID();
    const handedBack: CaseEvent = { type: 'CaseReassessed', data: { track: 'professional', reason: 'r', by: 'anna', at: '2026-03-09T12:00:00.000Z', handedBackFrom: visitorId } };
    const now = '2026-03-10T12:00:00.000Z';
    const whileBooked = new Log().case(caseId, [referral(), triaged('high'), booked(visitorId)]);
    expect(waitingList(whileBooked.project(waitingListProjection).docs.values(), { limit: 10 }, now)).toEqual([]);
    const back = new Log().case(caseId, [referral(), triaged('high'), booked(visitorId), handedBack]);
    expect(waitingList(back.project(waitingListProjection).docs.values(), { limit: 10 }, now)).toMatchObject([{ caseId, stage: 'waiting', track: 'professional', priority: 'high' }]);
  });
});
