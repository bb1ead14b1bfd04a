import type { Programme } from '../shared/codes';
import type { BaseContext, Message } from '../shared/decider';
import type { ScreenedCitizen } from './screening.events';

export type RecordScreening = Message<
  'RecordScreening',
  { screeningId: string; at: string; unit: string; ucla3: number[]; consentToRefer: boolean; citizen?: ScreenedCitizen; note?: string }
>;
/** `caseId` is minted at the edge; the case itself is made by the ordinary ReceiveReferral before this is decided. */
export type ReferScreening = Message<'ReferScreening', { caseId: string; programme: Programme; at: string }>;

export type ScreeningCommand = RecordScreening | ReferScreening;

export interface ScreeningContext extends BaseContext {
  screeningId: string;
}
