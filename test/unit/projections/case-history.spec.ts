import { randomUUID } from 'node:crypto';
import { caseHistory, historyAsOf } from '../../../projections/case-history/case-history';
import { Log, referral, triaged } from './events.fixture';

describe('the case history', () => {
  const entriesOf = (log: Log, caseId: string) => caseHistory(log.events.filter((event) => event.streamId === `case-${caseId}`));

  it('keeps every event with its Danish label, both times, revision and actor', () => {
    const caseId = randomUUID();
    const log = new Log().case(caseId, [referral(), triaged()], '2026-03-02T10:00:00.000Z');
    expect(historyAsOf(entriesOf(log, caseId), undefined, 'occurred')).toEqual([
      expect.objectContaining({ type: 'ReferralReceived', label: 'Henvisning modtaget', occurredAt: '2026-03-02T08:15:00.000Z', recordedAt: '2026-03-02T10:00:00.000Z', revision: 0 }),
      expect.objectContaining({ type: 'TriagedToVolunteer', label: 'Vurderet til frivilligt spor', revision: 1, actor: { id: 'coordinator-1', role: 'coordinator' } }),
    ]);
  });

  it('answers "what had happened by then" and "what did we know then" differently for a visit recorded late', () => {
    const caseId = randomUUID();
    const log = new Log()
      .case(caseId, [referral()], '2026-03-02T09:00:00.000Z')
      // Assessed on 3 March, but only recorded on 20 March.
      .case(caseId, [{ type: 'LonelinessAssessed', data: { instrument: 'ucla3', answers: [3, 3, 3], score: 9, severe: true, scaleVersion: 'ucla3-v1', at: '2026-03-03T10:00:00.000Z' } }], '2026-03-20T10:00:00.000Z');
    const entries = entriesOf(log, caseId);
    expect(historyAsOf(entries, '2026-03-10T00:00:00Z', 'occurred').map((e) => e.type)).toEqual(['ReferralReceived', 'LonelinessAssessed']);
    expect(historyAsOf(entries, '2026-03-10T00:00:00Z', 'recorded').map((e) => e.type)).toEqual(['ReferralReceived']);
    expect(historyAsOf(entries, '2026-03-01T00:00:00Z', 'occurred')).toEqual([]);
  });
});

describe('the case history in the words of the programme', () => {
  const entriesOf = (log: Log, caseId: string) => caseHistory(log.events.filter((event) => event.streamId === `case-${caseId}`));
  const reassigned = { type: 'VisitorReassigned', data: { fromVisitorId: 'a', toVisitorId: 'b', toVisitorKind: 'volunteer', toVisitorName: 'Ole', reason: 'r' } } as const;

  it.each([
    ['care_visits', 'Ny omsorgsmedarbejder'],
    ['visiting_friend', 'Ny besøgsven'],
    ['community_guide', 'Ny fællesskabsguide'],
    ['companion', 'Ny bisidder'],
  ])('a %s case names the new helper "%s"', (programme, label) => {
    const caseId = randomUUID();
    const log = new Log().case(caseId, [referral({ programme }), triaged(), reassigned as never]);
    expect(entriesOf(log, caseId).map((e) => e.label)).toEqual(['Henvisning modtaget', 'Vurderet til frivilligt spor', label]);
  });

  it('says "vurderet", never "visiteret": visitation is the municipality’s needs assessment', () => {
    const caseId = randomUUID();
    const log = new Log().case(caseId, [referral(), triaged('high', 'professional')]);
    expect(entriesOf(log, caseId)[1]!.label).toBe('Vurderet til fagligt spor');
  });
});
