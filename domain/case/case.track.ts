import { PROFESSIONAL_ONLY_NEEDS } from '../shared/codes';
import type { Need, Track } from '../shared/codes';

/**
 * The one rule for how a flagged risk changes a case's track, so the case, the
 * Directory behind `GET /cases` and every read model say the same: only a risk
 * that bars a plain volunteer (suicidal thoughts) moves a triaged case to the
 * professional track. "Fortvivlet situation" and the other needs are flagged
 * and shown, but the coordinator's triage stands. Before triage there is no
 * track to move: the rule then applies at triage (`needsProfessional`).
 */
export function trackAfterRisk(track: Track | undefined, risk: Need): Track | undefined {
  if (track === undefined) return undefined;
  return PROFESSIONAL_ONLY_NEEDS.includes(risk) ? 'professional' : track;
}
