import { DateTime } from 'luxon';
import type { CaseEvent } from '../../domain/case/case.events';
import { caseDecider } from '../../domain/case/case.stream';
import { caseStreamId, isUuid } from '../../domain/shared/ids';
import { toUtc } from '../../domain/shared/time';
import { historyLabel, programmeOf } from '../../projections/case-history/labels.da';
import { ZONE } from '../../projections/shared/time';
import { toMessage } from '../event-store/command-handler';
import type { EventStore } from '../event-store/event-store.port';

const local = (instant: string) => DateTime.fromISO(instant, { zone: ZONE }).toFormat('yyyy-MM-dd HH:mm');

/** The case's timeline as it stood at `asOf`, in Danish words and Copenhagen time, and its state then. */
export async function replayCase(store: EventStore, caseId: string, asOf: string | undefined, time: 'occurred' | 'recorded'): Promise<string[]> {
  if (!isUuid(caseId)) throw new Error(`--case must be a case id (a UUID), got ${caseId}`);
  const limit = asOf === undefined ? Infinity : Date.parse(toUtc(asOf) ?? 'invalid');
  if (Number.isNaN(limit)) throw new Error(`--as-of must be an ISO 8601 date-time with an offset, got ${asOf}`);
  const events = (await store.readStream(caseStreamId(caseId))).filter((e) => Date.parse(time === 'occurred' ? e.metadata.occurredAt : e.recordedAt) <= limit);
  if (events.length === 0) throw new Error(`case ${caseId} was not known ${asOf ? `at ${asOf} (${time} time)` : 'at all'}`);
  const programme = programmeOf(events);
  const lines = events.map((e) => `${String(e.revision).padStart(4)}  ${local(e.metadata.occurredAt)}  ${historyLabel(e.type, programme).padEnd(28)} (registreret ${local(e.recordedAt)}, ${e.metadata.actor.id})`);
  const state = events.reduce((s, e) => caseDecider.evolve(s, toMessage<CaseEvent>(e)), caseDecider.initialState());
  return [...lines, '', `status: ${state.status}`];
}
