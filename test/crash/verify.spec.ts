import type { SentCommand } from './clients';
import type { StoreContents } from './store-view';
import { verifyLedger, verifyRebuild } from './verify';

/** The crash test's oracle must catch what it is there to catch. */
describe('the crash test oracle', () => {
  const referral = (key: string, answers: unknown[], lost = 0): SentCommand => ({ kind: 'referral', key, path: '/cases', body: {}, headers: {}, answers, refusals: [], lost });
  const answer = (caseId: string, position: number) => ({ caseId, revision: 0, position });
  const store = (events: Array<[string, number]>, keys: Array<[string, unknown]>): StoreContents => ({
    events: events.map(([caseId, position]) => ({ streamId: `case-${caseId}`, revision: 0, type: 'ReferralReceived', position })),
    keys: new Map(keys.map(([key, a]) => [key, { route: 'POST /cases', answer: a }])),
    docs: new Map(),
    checkpoints: new Map(),
  });

  it('passes a store that holds exactly what was acknowledged, and one in-doubt command wholly there', () => {
    const figures = verifyLedger([referral('a', [answer('c1', 1)]), referral('b', [], 1), referral('c', [], 1)], store([['c1', 1], ['c2', 2]], [['a', answer('c1', 1)], ['b', answer('c2', 2)]]));
    expect(figures).toMatchObject({ acknowledged: 1, acknowledgedFound: 1, inDoubt: 2, inDoubtThere: 1, inDoubtAbsent: 1 });
  });

  it('fails when an acknowledged command is missing', () => {
    expect(() => verifyLedger([referral('a', [answer('c1', 1)])], store([], []))).toThrow(/idempotency record is gone/);
  });

  it('fails when a command is there twice (an event no key answers)', () => {
    expect(() => verifyLedger([referral('a', [answer('c1', 1)])], store([['c1', 1], ['c2', 2]], [['a', answer('c1', 1)]]))).toThrow(/belong to no command/);
  });

  it('fails when a command is half there (its key without its event)', () => {
    expect(() => verifyLedger([referral('b', [], 1)], store([], [['b', answer('c2', 2)]]))).toThrow(/no event at case-c2/);
  });

  it('fails when a retry got another answer than the first', () => {
    expect(() => verifyLedger([referral('a', [answer('c1', 1), answer('c9', 9)], 1)], store([['c1', 1]], [['a', answer('c1', 1)]]))).toThrow(/another answer/);
  });

  it('fails when a read model differs from its rebuild', () => {
    const live = { ...store([['c1', 1]], []), docs: new Map([['waiting-list/c1', { priority: 'high' }]]), checkpoints: new Map([['waiting-list', 1]]) };
    const rebuilt = { ...live, docs: new Map([['waiting-list/c1', { priority: 'low' }]]) };
    expect(() => verifyRebuild(live, rebuilt)).toThrow(/differ from a rebuild/);
  });
});
