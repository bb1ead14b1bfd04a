import { deepStrictEqual, strictEqual } from 'node:assert/strict';
import type { SentCommand } from './clients';
import type { StoreContents } from './store-view';

export interface LedgerFigures {
  sent: number;
  acknowledged: number;
  acknowledgedFound: number;
  /** Acknowledged only after at least one lost answer: a retry with the same key after a restart. */
  acknowledgedAfterRetry: number;
  /** Never answered: each either wholly there or wholly absent. */
  inDoubt: number;
  inDoubtThere: number;
  inDoubtAbsent: number;
  refused503: number;
  events: number;
}

const EVENT_OF: Record<SentCommand['kind'], RegExp> = { referral: /^ReferralReceived$/, triage: /^TriagedTo(Volunteer|Professional)$/ };

/**
 * Every acknowledged command is in the store exactly once, with the answer the
 * client got first (and every retry got the same); every command never answered
 * is either wholly there (its idempotency record and its event) or wholly
 * absent; nothing else is in the store.
 */
/** `storedKey`: how the service stores a client's Idempotency-Key (a keyed hash; the harness knows the secret). */
export function verifyLedger(ledger: readonly SentCommand[], store: StoreContents, storedKey: (key: string) => string = (key) => key): LedgerFigures {
  const at = new Map(store.events.map((e) => [`${e.streamId}@${e.revision}`, e]));
  const claimed = new Set<number>();
  const figures: LedgerFigures = { sent: ledger.length, acknowledged: 0, acknowledgedFound: 0, acknowledgedAfterRetry: 0, inDoubt: 0, inDoubtThere: 0, inDoubtAbsent: 0, refused503: 0, events: store.events.length };
  const findEvent = (sent: SentCommand, answer: { caseId: string; revision: number; position: number }) => {
    const event = at.get(`case-${answer.caseId}@${answer.revision}`);
    if (!event) throw new Error(`${sent.key}: no event at case-${answer.caseId} revision ${answer.revision}`);
    strictEqual(event.position, answer.position, `${sent.key}: the event is at another position than answered`);
    if (!EVENT_OF[sent.kind].test(event.type)) throw new Error(`${sent.key}: found ${event.type} where a ${sent.kind} was answered`);
    if (claimed.has(event.position)) throw new Error(`${sent.key}: the event at ${event.position} answers two commands`);
    claimed.add(event.position);
  };
  for (const sent of ledger) {
    for (const refusal of sent.refusals) {
      strictEqual(refusal.status, 503, `${sent.key}: refused with ${refusal.status} ${JSON.stringify(refusal.body)}`);
      if (!refusal.contentType.startsWith('application/problem+json')) throw new Error(`${sent.key}: a 503 that is not a problem`);
      figures.refused503 += 1;
    }
    const record = store.keys.get(storedKey(sent.key));
    if (sent.answers.length > 0) {
      figures.acknowledged += 1;
      if (sent.lost > 0) figures.acknowledgedAfterRetry += 1;
      for (const later of sent.answers.slice(1)) deepStrictEqual(later, sent.answers[0], `${sent.key}: a retry got another answer than the first`);
      if (!record) throw new Error(`${sent.key}: acknowledged, but its idempotency record is gone`);
      deepStrictEqual(record.answer, sent.answers[0], `${sent.key}: the stored answer differs from the one given`);
      findEvent(sent, sent.answers[0] as never);
      figures.acknowledgedFound += 1;
    } else {
      figures.inDoubt += 1;
      if (record) {
        findEvent(sent, record.answer as never);
        figures.inDoubtThere += 1;
      } else figures.inDoubtAbsent += 1;
    }
  }
  // Nothing without a command: every event answers exactly one idempotency record of ours, and every record one event.
  const ours = new Set(ledger.map((s) => storedKey(s.key)));
  for (const key of store.keys.keys()) if (!ours.has(key)) throw new Error(`an idempotency record ${key} that no client sent`);
  strictEqual(store.events.length, claimed.size, `${store.events.length - claimed.size} events in the store belong to no command`);
  strictEqual(store.keys.size, claimed.size, 'idempotency records and events differ in number');
  // Revisions per stream: 0, 1, … without gaps or repeats.
  const revisions = new Map<string, number[]>();
  for (const e of store.events) revisions.set(e.streamId, [...(revisions.get(e.streamId) ?? []), e.revision]);
  for (const [stream, list] of revisions) deepStrictEqual(list, list.map((_, i) => i), `${stream} has revisions ${list.join(',')}`);
  return figures;
}

/** The read models the service kept through the crashes equal a rebuild from position 0. */
export function verifyRebuild(live: StoreContents, rebuilt: StoreContents): { docs: number } {
  const head = live.events[live.events.length - 1]?.position ?? 0;
  for (const [projection, position] of live.checkpoints) strictEqual(position, head, `${projection} is at ${position}, not at the head ${head}`);
  deepStrictEqual([...live.checkpoints.entries()].sort(), [...rebuilt.checkpoints.entries()].sort(), 'checkpoints differ from a rebuild');
  const sorted = (m: Map<string, unknown>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  deepStrictEqual(sorted(live.docs), sorted(rebuilt.docs), 'the read models differ from a rebuild from position 0');
  return { docs: live.docs.size };
}
