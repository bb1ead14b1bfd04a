/** Issue 20: the volunteer's lifecycle in Danish. */

export const VOLUNTEER_STATUS: Record<string, string> = { applicant: 'Ansøger', active: 'Aktiv', paused: 'Pause', declined: 'Afslag', left: 'Stoppet', inactive: 'Ikke aktiv' };
export const VETTING_KIND: Record<'straffeattest' | 'børneattest', string> = { straffeattest: 'Straffeattest', børneattest: 'Børneattest' };
export const VETTING_RESULT: Record<'clear' | 'remark', string> = { clear: 'Ren', remark: 'Med anmærkning' };
export const INTERVIEW_OUTCOME: Record<'approve' | 'decline' | 'wait', string> = { approve: 'Godkend', decline: 'Afslag', wait: 'Vent' };
export const SUPERVISION_KIND: Record<'individual' | 'group', string> = { individual: 'Individuel', group: 'I gruppe' };
export const ATTENTION_REASON: Record<string, string> = {
  interview_waiting: 'Venter på samtale',
  vetting_missing: 'Mangler attest',
  vetting_expiring: 'Attest udløber snart',
  vetting_expired: 'Attest udløbet',
  supervision_overdue: 'Sparring over tid',
  training_missing: 'Mangler kursus',
  pause_overrun: 'Pause overskredet',
};

/** `GET /visitors/:visitorId` (docs/api.md): the answer's type, as the projection makes it. */
export type { VolunteerView } from '../../../../projections/volunteers/volunteer-view';

export interface AttentionRow {
  visitorId: string;
  name: string;
  status: string;
  reasons: Array<{ reason: string; since?: string; detail?: string }>;
}
