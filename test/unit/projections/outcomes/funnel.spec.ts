import { randomUUID } from 'node:crypto';
import type { CaseEvent } from '../../../../domain/case/case.events';
import type { ScreeningEvent } from '../../../../domain/screening/screening.events';
import { SUPPRESSED } from '../../../../projections/outcomes/cells';
import { FUNNEL_STAGES, screeningFunnel } from '../../../../projections/outcomes/funnel';
import { ReferredCaseDoc, ScreeningDoc, screeningsProjection } from '../../../../projections/screenings/screenings';
import { booked, Log, referral, triaged } from '../events.fixture';

const S = SUPPRESSED;
const MARCH = { from: '2026-03-01', to: '2026-03-31' };

/**
 * Issue 22: "funnels from screening to relation". Seed 001 asks for a tool
 * "så det også kan bruges til systematisk opsporing af ensomhed", and for
 * what follows it: a screening, the score, consent, a referral, a case taken
 * on, a relation, and still connected at the follow-up. Every figure below is
 * counted by hand from the log.
 */
describe('the funnel from screening to relation', () => {
  const screened = (id: string, ucla3: [number, number, number], consentToRefer: boolean, at = '2026-03-10T09:00:00.000Z'): ScreeningEvent => {
    const score = ucla3[0] + ucla3[1] + ucla3[2];
    return { type: 'LonelinessScreened', data: { screeningId: id, at, unit: 'Hjemmeplejen Syd', ucla3, score, lonely: score >= 7, scaleVersion: 'ucla3-v1', consentToRefer } };
  };
  const relation: CaseEvent = { type: 'RelationEstablished', data: { kind: 'social_cafe', description: 'Caféen i Sorø', at: '2026-04-20T10:00:00.000Z' } };
  const closed: CaseEvent = { type: 'CaseClosed', data: { reason: 'relation_established', at: '2026-05-01T10:00:00.000Z' } } as CaseEvent;
  const followUp = (outcome: string): CaseEvent => ({ type: 'FollowUpHeld', data: { followUpId: 'f', at: '2026-08-01T10:00:00.000Z', outcome, note: 'Går stadig i caféen' } }) as CaseEvent;

  /**
   * 20 screenings in March (and one on 1 April at 00:30 Copenhagen time, not in March):
   * - 4 not lonely (UCLA-3 5), one of them referred anyway;
   * - 16 lonely (UCLA-3 7 or more), 2 of them without consent;
   * - 14 with consent, 2 never referred;
   * - 12 referred, 1 declined and 1 waiting: 10 taken on (a first visit booked);
   * - of those 10, 8 with a relation: 6 still connected at the follow-up, 1 "partly", 1 not followed up yet.
   * The 12 referrals: 9 to community_guide, 3 to care_visits (the first three).
   */
  function log(): Log {
    const l = new Log();
    const screen = (ucla3: [number, number, number], consent: boolean, at?: string) => {
      const id = randomUUID();
      l.screening(id, [screened(id, ucla3, consent, at)]);
      return id;
    };
    const refer = (screeningId: string, programme: string, more: CaseEvent[] = []) =>
      l.case(randomUUID(), [referral({ screeningId, programme, referredAt: '2026-03-11T10:00:00.000Z' }), ...more]);
    const notLonely = [screen([1, 2, 2], true), screen([1, 2, 2], false), screen([2, 2, 1], false), screen([1, 1, 3], false)];
    refer(notLonely[0]!, 'community_guide', [triaged(), booked(randomUUID())]);
    screen([3, 3, 3], false);
    screen([3, 2, 2], false);
    screen([3, 3, 3], true);
    screen([3, 3, 3], true);
    const referred = Array.from({ length: 12 }, () => screen([3, 3, 2], true));
    referred.forEach((id, i) => {
      const programme = i < 3 ? 'care_visits' : 'community_guide';
      if (i === 10) return refer(id, programme, [{ type: 'ReferralDeclined', data: { reason: 'not_lonely', at: '2026-03-12T10:00:00.000Z' } } as CaseEvent]);
      if (i === 11) return refer(id, programme);
      const started = [triaged(), booked(randomUUID())];
      if (i >= 8) return refer(id, programme, started);
      // Case 6: the first follow-up held found the citizen "partly" connected; a later one does not change the stage.
      const after = i < 6 ? [followUp('still_connected')] : i === 6 ? [followUp('partly'), followUp('still_connected')] : [];
      return refer(id, programme, [...started, relation, closed, ...after]);
    });
    // 1 April, 00:30 in Copenhagen: another month, however far it got.
    const april = screen([3, 3, 3], true, '2026-03-31T22:30:00.000Z');
    refer(april, 'community_guide', [triaged(), booked(randomUUID()), relation, closed, followUp('still_connected')]);
    // An ordinary referral, with no screening, is no part of the funnel.
    l.case(randomUUID(), [referral({ programme: 'community_guide' }), triaged(), booked(randomUUID()), relation]);
    return l;
  }

  const docs = [...log().project(screeningsProjection).docs.values()];
  const screenings = docs.filter((d): d is ScreeningDoc => d.kind === 'screening');
  const cases = docs.filter((d): d is ReferredCaseDoc => d.kind === 'case');

  it('counts each stage as a part of the one before, and its share of it', () => {
    const funnel = screeningFunnel(screenings, cases, MARCH);
    expect(funnel.stages.map((s) => s.stage)).toEqual(FUNNEL_STAGES);
    expect(funnel.stages).toEqual([
      { stage: 'screened', count: 20 },
      { stage: 'lonely', count: 16, shareOfPrevious: 0.8 }, // 16 / 20
      { stage: 'consented', count: 14, shareOfPrevious: 0.875 }, // 14 / 16
      { stage: 'referred', count: 12, shareOfPrevious: 0.857 }, // 12 / 14
      { stage: 'started', count: 10, shareOfPrevious: 0.833 }, // 10 / 12
      { stage: 'relation', count: 8, shareOfPrevious: 0.8 }, // 8 / 10
      { stage: 'stillConnected', count: 6, shareOfPrevious: 0.75 }, // 6 / 8
    ]);
    // One referral that did not score as lonely: under 5, so "< 5".
    expect(funnel.referredNotLonely).toEqual(S);
    expect(funnel).toMatchObject({ from: '2026-03-01', to: '2026-03-31', programme: null });
  });

  it('with a programme, counts from "referred" on only the cases of that programme', () => {
    const funnel = screeningFunnel(screenings, cases, { ...MARCH, programme: 'community_guide' });
    // 9 community-guide referrals: 1 declined, 1 waiting, 7 taken on; 5 with a relation, 3 still connected.
    expect(funnel.stages.map((s) => s.count)).toEqual([20, 16, 14, 9, 7, 5, S]);
    expect(funnel.stages.map((s) => s.shareOfPrevious)).toEqual([undefined, 0.8, 0.875, 0.643, 0.778, 0.714, S]);
    expect(funnel.programme).toBe('community_guide');
  });

  it('keeps every cell under five cases out ("< 5"), and the share of a stage under five', () => {
    const april = screeningFunnel(screenings, cases, { from: '2026-04-01', to: '2026-04-30' });
    expect(april.stages.map((s) => s.count)).toEqual([S, S, S, S, S, S, S]);
    expect(april.stages.slice(1).every((s) => s.shareOfPrevious === S)).toBe(true);
    expect(screeningFunnel([], [], MARCH).stages[0]).toEqual({ stage: 'screened', count: S });
  });

  it('counts a screening referred twice (docs/api.md: "a second refer would make a second case") once, by its first case', () => {
    const twice = new Log();
    for (let i = 0; i < 5; i++) {
      const id = randomUUID();
      twice
        .screening(id, [screened(id, [3, 3, 3], true)])
        // The second case, made a day later, is recorded first: the earlier referral still counts.
        .case(randomUUID(), [referral({ screeningId: id, referredAt: '2026-03-12T10:00:00.000Z' })])
        .case(randomUUID(), [referral({ screeningId: id, referredAt: '2026-03-11T10:00:00.000Z' }), triaged(), booked(randomUUID())]);
    }
    const all = [...twice.project(screeningsProjection).docs.values()];
    const funnel = screeningFunnel(all.filter((d): d is ScreeningDoc => d.kind === 'screening'), all.filter((d): d is ReferredCaseDoc => d.kind === 'case'), MARCH);
    // 5 screened, lonely, consented, referred (not 10) and started (the first case's visit).
    expect(funnel.stages.map((s) => s.count)).toEqual([5, 5, 5, 5, 5, S, S]);
  });
});
