import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { issueToken } from '../../src/privacy/tokens';
import { sleep } from './harness';
import { referral, SoakWorld } from './soak-actors';
import { onCase } from './soak-traffic';

const MAX_ROUNDS = 2_000;

/**
 * A client that gets things wrong, among the others: each of these must be
 * refused with a 4xx problem and change nothing (the ledger check counts the
 * events). One idempotent sequence is in it too: a referral, its replay (no
 * new event) and the same key with another body (422).
 */
export async function badInput(world: SoakWorld): Promise<void> {
  const { traffic } = world;
  const coordinator = world.coordinators[0]!;
  const someone = world.visitors[0]!;
  const forged = issueToken(randomBytes(32), { sub: 'forger', role: 'coordinator' }, '1h');
  const json = { 'content-type': 'application/json' };
  const refuse = (method: 'GET' | 'POST', path: string, request: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> }) =>
    traffic.call('bad-input', method, path, { ...request, expect: 'refused' });

  const mistakes: Array<() => Promise<unknown>> = [
    () => refuse('POST', '/cases', { token: coordinator, raw: '{"programme":', headers: json }),
    () => refuse('POST', '/cases', { token: coordinator, body: { ...referral('x'), favourite: 'kaffe' } }),
    () => refuse('POST', '/cases', { body: referral('x') }),
    () => refuse('POST', '/cases', { token: forged, body: referral('x') }),
    () => refuse('POST', '/cases', { token: coordinator, raw: JSON.stringify(referral('x')), headers: { 'content-type': 'text/plain' } }),
    () => refuse('POST', '/cases', { token: coordinator, raw: `{"note":"${'x'.repeat(1_100_000)}"}`, headers: json }),
    () => refuse('POST', `/cases/${pick(world.seededCases)}/visits`, { token: someone.token, body: { visitorId: someone.visitorId, visitedAt: new Date().toISOString() } }),
    () => refuse('POST', `/cases/${pick(world.seededCases)}/triage`, { token: coordinator, body: { track: 'volunteer', reason: 'x', priority: 'normal' }, headers: { 'if-match': '"99999"' } }),
    () => refuse('POST', `/cases/${pick(world.active) ?? pick(world.seededCases)}/triage`, { token: coordinator, body: { track: 'volunteer', reason: 'x', priority: 'normal' } }),
    () => refuse('POST', `/cases/${pick(world.seededCases)}/visits`, { token: coordinator, body: { visitorId: someone.visitorId, visitedAt: '2026-02-30T10:00:00+01:00' } }),
    () => refuse('GET', '/cases/not-a-case', { token: coordinator }),
    () => refuse('GET', `/cases/${randomUUID()}`, { token: coordinator }),
    () => refuse('GET', '/waiting-list?limit=lots', { token: coordinator }),
    () => refuse('GET', '/waiting-list?minPosition=999999999', { token: coordinator }),
    () => refuse('GET', '/dashboard?from=2000-01-01&to=2026-12-31', { token: world.manager }),
    () => refuse('GET', '/dashboard', { token: someone.token }),
    () => refuse('GET', '/audit/export', { token: world.manager }),
    () => idempotentSequence(world),
  ];
  for (let round = 0; round < MAX_ROUNDS && Date.now() < world.until; round++) {
    await mistakes[round % mistakes.length]!();
    await sleep(randomInt(50, 200));
  }
}

/** The same key and body answer the first answer again and append nothing; the same key with another body is a 422. */
async function idempotentSequence(world: SoakWorld): Promise<void> {
  const { traffic } = world;
  const token = world.coordinators[0]!;
  const body = referral(`idem-${randomInt(1e9)}`);
  const key = { 'idempotency-key': randomUUID() };
  const first = await traffic.call('bad-input', 'POST', '/cases', { token, body, headers: key, expect: 'ok' });
  if (!first) return;
  traffic.record('/cases', first, onCase(/^ReferralReceived$/));
  const again = await traffic.call('bad-input', 'POST', '/cases', { token, body, headers: key, expect: 'ok' });
  if (again) {
    const replay = traffic.record('/cases', again, onCase(/^ReferralReceived$/));
    // Equal as values: PostgreSQL's jsonb gives the stored answer's keys back in another order.
    if (!again.replayed || !isDeepStrictEqual(replay, first.body)) traffic.flag('bad-input POST /cases: the same key and body did not replay the first answer');
  }
  await traffic.call('bad-input', 'POST', '/cases', { token, body: { ...body, needs: ['applications'] }, headers: key, expect: 'refused' });
}

function pick<T>(list: readonly T[]): T | undefined {
  return list.length === 0 ? undefined : list[randomInt(list.length)];
}
