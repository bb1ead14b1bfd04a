import type { StoreContents } from './store-view';

/** A command the server acknowledged (2xx, not a replay): it must have appended exactly one event, where it said. */
export interface Acknowledged {
  command: string;
  streamId: string;
  revision: number;
  position: number;
  /** The event type the command appends (every command in the soak appends exactly one event). */
  eventType: RegExp;
}

export interface LedgerCheck {
  eventsBefore: number;
  eventsAfter: number;
  eventsAdded: number;
  acknowledged: number;
}

/**
 * The store holds, beyond what was there before the soak, exactly one event
 * per acknowledged command, at the stream, revision and position answered, of
 * the command's type; nothing else (a refused command or an idempotent replay
 * that appended would fail here, and so would an acknowledged one missing).
 */
export function verifySoakLedger(acknowledged: readonly Acknowledged[], before: ReadonlySet<number>, store: StoreContents): LedgerCheck {
  const added = store.events.filter((e) => !before.has(e.position));
  const at = new Map(added.map((e) => [`${e.streamId}@${e.revision}`, e]));
  const claimed = new Set<number>();
  for (const ack of acknowledged) {
    const where = `${ack.command} on ${ack.streamId}@${ack.revision}`;
    const event = at.get(`${ack.streamId}@${ack.revision}`);
    if (!event) throw new Error(`${where}: acknowledged, but no new event is there`);
    if (event.position !== ack.position) throw new Error(`${where}: answered position ${ack.position}, the event is at ${event.position}`);
    if (!ack.eventType.test(event.type)) throw new Error(`${where}: found ${event.type}`);
    if (claimed.has(event.position)) throw new Error(`${where}: the event at ${event.position} answers two commands`);
    claimed.add(event.position);
  }
  if (added.length !== claimed.size) {
    const stray = added.filter((e) => !claimed.has(e.position)).slice(0, 5);
    throw new Error(`${added.length - claimed.size} new events answer no acknowledged command, e.g. ${JSON.stringify(stray)}`);
  }
  return { eventsBefore: before.size, eventsAfter: store.events.length, eventsAdded: added.length, acknowledged: acknowledged.length };
}

/** Nearest rank: the smallest sample with at least p % of the samples at or below it. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** What the soak's verdict reads. */
export interface SoakOutcome {
  byStatus: Record<string, number>;
  /** Answers a well-behaved client should not get (any non-2xx), and bad input not refused with a 4xx problem. */
  unexpected: number;
  /** Requests with no answer at all (connection lost, or no answer within the client's timeout). */
  lost: number;
  health: { probes: number; byStatus: Record<string, number>; p99Ms: number };
}

export const HEALTH_P99_BOUND_MS = 500;

/** Every broken promise of the soak, in words; empty when it held. */
export function soakViolations(outcome: SoakOutcome): string[] {
  const violations: string[] = [];
  const serverErrors = Object.entries(outcome.byStatus).filter(([status]) => Number(status) >= 500);
  if (serverErrors.length > 0) violations.push(`5xx answers: ${serverErrors.map(([s, n]) => `${n} × ${s}`).join(', ')}`);
  if (outcome.unexpected > 0) violations.push(`${outcome.unexpected} unexpected answers`);
  if (outcome.lost > 0) violations.push(`${outcome.lost} requests got no answer`);
  if (outcome.health.probes === 0) violations.push('the /health prober made no probe');
  const notOk = Object.entries(outcome.health.byStatus).filter(([status]) => status !== '200');
  if (notOk.length > 0) violations.push(`/health answered other than 200: ${notOk.map(([s, n]) => `${n} × ${s}`).join(', ')}`);
  if (!(outcome.health.p99Ms < HEALTH_P99_BOUND_MS)) violations.push(`/health p99 ${outcome.health.p99Ms} ms, not under ${HEALTH_P99_BOUND_MS} ms`);
  return violations;
}
