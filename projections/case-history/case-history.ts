import { caseEventOf } from '../shared/events';
import type { DocumentView, ProjectedEvent, Projection } from '../shared/projection';
import { historyLabel } from './labels.da';

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

/** Keys sort in revision order within a case: `<caseId>:<revision, zero-padded>`. */
export const historyKey = (caseId: string, revision: number): string => `${caseId}:${String(revision).padStart(10, '0')}`;
export const historyPrefix = (caseId: string): string => `${caseId}:`;

export const caseHistoryProjection: Projection<HistoryEntry> = {
  name: 'case-history',
  version: 1,
  // Writes one entry per event and reads nothing.
  keysRead: () => [],
  apply(stored: ProjectedEvent, view: DocumentView<HistoryEntry>): void {
    const found = caseEventOf(stored);
    if (!found) return;
    view.put(historyKey(found.caseId, stored.revision), {
      type: stored.type,
      label: historyLabel(stored.type),
      occurredAt: stored.metadata.occurredAt,
      recordedAt: stored.recordedAt,
      revision: stored.revision,
      position: stored.position,
      actor: stored.metadata.actor,
      data: stored.data,
    });
  },
};

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
