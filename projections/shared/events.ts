import type { CaseEvent } from '../../domain/case/case.events';
import { streamCategory, streamEntityId } from '../../domain/shared/ids';
import type { ProjectedEvent } from './projection';

/** The case event inside a stored event, typed, or undefined for other streams. */
export function caseEventOf(event: ProjectedEvent): { caseId: string; event: CaseEvent } | undefined {
  if (streamCategory(event.streamId) !== 'case') return undefined;
  return { caseId: streamEntityId(event.streamId), event: { type: event.type, data: event.data } as CaseEvent };
}

/** Needs that keep a plain volunteer away; shown as risk flags on every view. */
export const RISK_NEEDS: readonly string[] = ['suicidal_thoughts'];

/** The case id of a case stream's event, as the only key a per-case projection reads. */
export const caseKeyOf = (event: ProjectedEvent): string[] => (streamCategory(event.streamId) === 'case' ? [streamEntityId(event.streamId)] : []);
