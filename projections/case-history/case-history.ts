import { caseEventOf } from '../shared/events';
import type { ProjectedEvent } from '../shared/projection';
import { historyLabel, programmeOf } from './labels.da';

/** One entry of a case's auditable timeline. */
export interface HistoryEntry {
  type: string;
  /** The event in Danish words. */
  label: string;
  /** Business time: when it happened. */
  occurredAt: string;
  /** When the service learnt of it. */
  recordedAt: string;
  revision: number;
  position: number;
  actor: ProjectedEvent['metadata']['actor'];
  data: unknown;
}

/**
 * The case history is a projection of one stream onto itself: every entry is
 * one of the case's events, in its stream's order. It is therefore folded from
 * the case's stream when asked for, not kept as a copy of the log
 * (docs/performance.md's history, git log -p: a stored copy made every rebuild write the
 * whole log a second time).
 */
export function historyEntry(stored: ProjectedEvent, programme?: string): HistoryEntry | undefined {
  if (!caseEventOf(stored)) return undefined;
  return {
    type: stored.type,
    label: historyLabel(stored.type, programme),
    occurredAt: stored.metadata.occurredAt,
    recordedAt: stored.recordedAt,
    revision: stored.revision,
    position: stored.position,
    actor: { id: stored.metadata.actor.id, role: stored.metadata.actor.role },
    data: stored.data,
  };
}

/** The timeline of a case from its stream's events. */
export function caseHistory(stream: readonly ProjectedEvent[]): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  const programme = programmeOf(stream);
  for (const stored of stream) {
    const entry = historyEntry(stored, programme);
    if (entry) entries.push(entry);
  }
  return entries;
}

export type TimeAxis = 'occurred' | 'recorded';

/**
 * The timeline cut at `asOf`: by business time ("what had happened by then")
 * or by recorded time ("what did we know then"). In revision order either way.
 */
export function historyAsOf(entries: HistoryEntry[], asOf: string | undefined, time: TimeAxis): HistoryEntry[] {
  const sorted = [...entries].sort((a, b) => a.revision - b.revision);
  if (asOf === undefined) return sorted;
  const limit = Date.parse(asOf);
  return sorted.filter((entry) => Date.parse(time === 'occurred' ? entry.occurredAt : entry.recordedAt) <= limit);
}
