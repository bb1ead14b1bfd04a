import type { StoreContents } from './store-view';
import { Acknowledged, percentile, SoakOutcome, soakViolations, verifySoakLedger } from './soak-verify';

/** The soak's oracle must catch what it is there to catch. */
describe('the soak oracle', () => {
  const referral = (caseId: string, position: number): Acknowledged => ({ command: 'POST /cases', streamId: `case-${caseId}`, revision: 0, position, eventType: /^ReferralReceived$/ });
  const store = (events: Array<[string, number, number, string?]>): StoreContents => ({
    events: events.map(([caseId, revision, position, type]) => ({ streamId: `case-${caseId}`, revision, type: type ?? 'ReferralReceived', position })),
    keys: new Map(),
    docs: new Map(),
    checkpoints: new Map(),
  });
  const seeded = new Set([1, 2]);
  const seededEvents: Array<[string, number, number]> = [['s1', 0, 1], ['s1', 1, 2]];

  describe('events against acknowledged commands', () => {
    it('passes a store that holds, beyond the seed, exactly one event per acknowledged command', () => {
      expect(verifySoakLedger([referral('c1', 3), referral('c2', 4)], seeded, store([...seededEvents, ['c1', 0, 3], ['c2', 0, 4]]))).toEqual({
        eventsBefore: 2,
        eventsAfter: 4,
        eventsAdded: 2,
        acknowledged: 2,
      });
    });

    it('fails when an acknowledged command left no event', () => {
      expect(() => verifySoakLedger([referral('c1', 3)], seeded, store(seededEvents))).toThrow(/acknowledged, but no new event/);
    });

    it('fails when an event answers no acknowledged command (a refused command or a replay that appended)', () => {
      expect(() => verifySoakLedger([referral('c1', 3)], seeded, store([...seededEvents, ['c1', 0, 3], ['c1', 1, 4]]))).toThrow(/1 new events answer no acknowledged command/);
    });

    it('fails when the event is not where the answer said, or not of the command', () => {
      expect(() => verifySoakLedger([referral('c1', 3)], seeded, store([...seededEvents, ['c1', 0, 5]]))).toThrow(/answered position 3, the event is at 5/);
      expect(() => verifySoakLedger([referral('c1', 3)], seeded, store([...seededEvents, ['c1', 0, 3, 'CaseClosed']]))).toThrow(/found CaseClosed/);
    });

    it('fails when two acknowledged commands claim one event', () => {
      expect(() => verifySoakLedger([referral('c1', 3), referral('c1', 3)], seeded, store([...seededEvents, ['c1', 0, 3]]))).toThrow(/answers two commands/);
    });
  });

  describe('the verdict on answers and /health', () => {
    const held: SoakOutcome = { byStatus: { 200: 90, 201: 5, 400: 3, 422: 1 }, unexpected: 0, lost: 0, health: { probes: 600, byStatus: { 200: 600 }, p99Ms: 120 } };

    it('finds nothing wrong with a soak that held', () => {
      expect(soakViolations(held)).toEqual([]);
    });

    it('names every 5xx, unexpected answer, lost request and slow or failing /health', () => {
      const broken: SoakOutcome = { byStatus: { ...held.byStatus, 500: 1, 503: 2 }, unexpected: 4, lost: 1, health: { probes: 600, byStatus: { 200: 599, 'no answer': 1 }, p99Ms: 500 } };
      expect(soakViolations(broken)).toEqual([
        '5xx answers: 1 × 500, 2 × 503',
        '4 unexpected answers',
        '1 requests got no answer',
        '/health answered other than 200: 1 × no answer',
        '/health p99 500 ms, not under 500 ms',
      ]);
    });

    it('does not pass a soak whose prober measured nothing', () => {
      expect(soakViolations({ ...held, health: { probes: 0, byStatus: {}, p99Ms: percentile([], 99) } })).toEqual(['the /health prober made no probe', '/health p99 NaN ms, not under 500 ms']);
    });
  });

  it('takes the nearest rank as the percentile: one slow probe in a hundred is the p99', () => {
    const samples = [...Array.from({ length: 98 }, () => 10), 700, 9000];
    expect(percentile(samples, 50)).toBe(10);
    expect(percentile(samples, 99)).toBe(700);
    expect(percentile(samples, 100)).toBe(9000);
  });
});
