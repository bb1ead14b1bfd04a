import { PROFESSIONAL_CAPABLE, PROFESSIONAL_ONLY_NEEDS } from '../shared/codes';
import { IllegalStateError, NotFoundError } from '../shared/errors';
import type { VisitorSnapshot } from './case.commands';
import type { Active, CaseState, OpenCase } from './case.state';
import { vettingGaps } from '../visitor/volunteer.standing';
import type { ProgrammeSettingsTable } from '../programme/programme.settings';

/**
 * The guards the case decider shares between commands. Each throws the typed
 * error the API maps to a status code, with a stable code (messages.da.ts has
 * the Danish words).
 */

/** The case exists and is open (Referred, Waiting or Active). */
export function requireOpen(state: CaseState, caseId: string | undefined): OpenCase {
  if (state.status === 'None') throw new NotFoundError('case', caseId ?? 'unknown');
  if (state.status === 'Closed') throw new IllegalStateError('case_closed', 'the case is closed and takes no more commands');
  return state;
}

/** Only an active case (first visit booked) takes visits, dismissals, tasks, reschedules and relations. */
export function requireActive(state: CaseState, caseId: string | undefined): Active {
  const open = requireOpen(state, caseId);
  if (open.status !== 'Active') throw new IllegalStateError('case_not_active', `the case is ${open.status}, not Active: book the first visit first`);
  return open;
}

/**
 * A case needs a professional-capable visitor when it is on the professional
 * track, or when suicidal thoughts were found at referral or flagged since.
 */
export function needsProfessional(state: OpenCase): boolean {
  if (state.status !== 'Referred' && state.track === 'professional') return true;
  return [...state.needs, ...state.riskFlags].some((need) => PROFESSIONAL_ONLY_NEEDS.includes(need));
}

export const professionalRequired = (): IllegalStateError =>
  new IllegalStateError(
    'professional_required',
    'the case has suicidal thoughts or is on the professional track: only an employee or a volunteer with a professional background may take it',
  );

/**
 * Something that happened on a case cannot have happened before what it
 * follows (a triage before the referral, a booking before the triage):
 * replay by business time would otherwise show it out of order.
 */
export function requireNotBefore(at: string, earlier: string, code: 'before_referral' | 'before_triage', what: string): void {
  if (Date.parse(at) < Date.parse(earlier)) throw new IllegalStateError(code, `${at} lies before ${what} (${earlier})`);
}

/** A command that names an unknown visitor is refused as such (404) before any rule about the case. */
export function requireKnownVisitor(visitorId: string, visitor: VisitorSnapshot | undefined): VisitorSnapshot {
  if (!visitor || visitor.visitorId !== visitorId) throw new NotFoundError('visitor', visitorId);
  return visitor;
}

/** The visitor named by a booking or a reassignment exists, is active, fits the case and has a free place. */
export function requireVisitorFits(state: OpenCase, visitorId: string, snapshot: VisitorSnapshot | undefined, now: string, settings?: ProgrammeSettingsTable): VisitorSnapshot {
  const visitor = requireKnownVisitor(visitorId, snapshot);
  // The programme goes with the refusal, so its Danish message names the helper as the case does.
  const words = { programme: state.programme };
  // Issue 20: an applicant (or a declined one) takes no citizen.
  const status = visitor.standing?.status;
  if (status === 'applicant' || status === 'declined') throw new IllegalStateError('visitor_not_approved', `visitor ${visitorId} is ${status}, not approved`, words);
  if (!visitor.active) throw new IllegalStateError('visitor_inactive', `visitor ${visitorId} is not active`, words);
  if (visitor.programmes !== undefined && !visitor.programmes.includes(state.programme)) {
    throw new IllegalStateError('visitor_not_in_programme', `visitor ${visitorId} does not serve the programme ${state.programme}`, words);
  }
  if (needsProfessional(state) && !PROFESSIONAL_CAPABLE.includes(visitor.kind)) throw professionalRequired();
  // Issue 20: a volunteer who came through an application has the programme's vetting on record, clear and unexpired.
  const missing = vettingGaps(visitor.standing, state.programme, now, settings);
  if (missing.length > 0) throw new IllegalStateError('vetting_required', `visitor ${visitorId} lacks a valid ${missing.join(', ')} for ${state.programme}`, { ...words, missing });
  if (visitor.activeCases >= visitor.capacity) {
    throw new IllegalStateError('visitor_at_capacity', `visitor ${visitorId} has ${visitor.activeCases} of ${visitor.capacity} places taken`, words);
  }
  return visitor;
}

/**
 * Continuity: visits and dismissals are recorded for the assigned visitor only,
 * and a plain volunteer records none once the case needs a professional.
 */
export function requireAssignedVisitor(state: Active, visitorId: string): void {
  if (state.visitorId !== visitorId) {
    throw new IllegalStateError('not_assigned_visitor', `visitor ${visitorId} is not the case's visitor; reassign the case first`, { programme: state.programme });
  }
  if (needsProfessional(state) && !PROFESSIONAL_CAPABLE.includes(state.visitorKind)) throw professionalRequired();
}
