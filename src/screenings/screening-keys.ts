import { caseStreamId } from '../../domain/shared/ids';
import type { EventStore } from '../event-store/event-store.port';

/**
 * The screenings a citizen's cases came from (their ReferralReceived's
 * `screeningId`): erasing the citizen destroys those screenings' keys too, so
 * the name and note a screener wrote go with the person (docs/privacy.md, "Screenings").
 */
export async function screeningsOfCases(store: EventStore, caseIds: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const caseId of caseIds) {
    const [first] = await store.readStream(caseStreamId(caseId));
    const screeningId = first?.type === 'ReferralReceived' ? (first.data as { screeningId?: unknown }).screeningId : undefined;
    if (typeof screeningId === 'string') found.push(screeningId);
  }
  return found;
}
