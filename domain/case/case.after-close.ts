import type { ClosureReason } from '../shared/codes';
import { DEFAULT_PROGRAMME_SETTINGS } from '../programme/programme.settings';
import { ucla3Score } from '../shared/danish';
import { IllegalStateError, NotFoundError } from '../shared/errors';
import { copenhagenPlusMonths } from '../shared/copenhagen-offset';
import { FieldChecks } from '../shared/time';
import type { CaseContext, CloseCase, HoldFollowUp, ReferOnward } from './case.commands';
import type { CaseClosed, CaseEvent, FollowUpHeld, FollowUpScheduled, ReferredOnward } from './case.events';
import { requireNotBefore, requireOpen } from './case.rules';
import type { CaseState, Closed, OpenCase } from './case.state';

/**
 * The end of a case and what comes after it (issue #19): closing, the
 * follow-up it schedules, and the referral onward. Seed 003: the guides
 * "følges med borgerne de første gange og følger op". A closed case takes
 * follow-up events and nothing else (every other command finds it closed).
 */

/** Closing: a relation must be recorded to close with `relation_established`; a follow-up is scheduled unless waived with a reason. */
export function closeCase({ data }: CloseCase, state: CaseState, context: CaseContext): Array<CaseClosed | FollowUpScheduled> {
  const open = requireOpen(state, context.caseId);
  const checks = new FieldChecks(context.now);
  const at = checks.happened('at', data.at ?? context.now);
  const waived = waiver(checks, data.followUp, data.noFollowUpReason);
  checks.check();
  if (data.reason === 'relation_established' && open.relations.length === 0) {
    throw new IllegalStateError('no_relation_recorded', 'no relation is recorded on the case: record the relation before closing with relation_established');
  }
  return ending(open, { reason: data.reason, at, ...(waived !== undefined && { noFollowUp: waived }) }, data.followUpId, context);
}

/** The follow-up took place (or the citizen was not reached); once per follow-up, after the end. */
export function holdFollowUp({ data }: HoldFollowUp, state: CaseState, context: CaseContext): FollowUpHeld[] {
  if (state.status === 'None') throw new NotFoundError('case', context.caseId ?? 'unknown');
  if (state.status !== 'Closed') throw new IllegalStateError('case_not_closed', 'a follow-up comes after the end: the case is still open');
  const followUp = (state.followUps ?? []).find((candidate) => candidate.followUpId === data.followUpId);
  if (!followUp) throw new NotFoundError('follow-up', data.followUpId);
  const checks = new FieldChecks(context.now);
  const at = checks.happened('at', data.at);
  const score = data.ucla3 === undefined ? undefined : ucla3Score(data.ucla3);
  if (data.ucla3 !== undefined && score === undefined) checks.fail('ucla3', 'ucla3 must be three whole numbers, each from 1 to 3');
  checks.check();
  if (followUp.held) throw new IllegalStateError('follow_up_held', `follow-up ${data.followUpId} was already held`);
  if (Date.parse(at) < Date.parse(state.closedAt)) throw new IllegalStateError('before_closure', `${at} lies before the case was closed (${state.closedAt})`);
  return [
    {
      type: 'FollowUpHeld',
      data: {
        followUpId: data.followUpId,
        at,
        outcome: data.outcome,
        ...(score !== undefined && { ucla3: [...data.ucla3!] as [number, number, number], score }),
        ...(data.note !== undefined && { note: data.note }),
      },
    },
  ];
}

/**
 * The citizen needs help the programme cannot give (seed 003: "hvor borgeren
 * har brug for anden hjælp og behandling, end frivillige fællesskabsguider kan
 * give"): the case stays open, or ends as `transferred_to_professionals` with a follow-up.
 */
export function referOnward({ data }: ReferOnward, state: CaseState, context: CaseContext): Array<ReferredOnward | CaseClosed | FollowUpScheduled> {
  const open = requireOpen(state, context.caseId);
  const checks = new FieldChecks(context.now);
  const at = checks.happened('at', data.at);
  checks.check();
  requireNotBefore(at, open.referredAt, 'before_referral', 'the referral was received');
  const referred: ReferredOnward = { type: 'ReferredOnward', data: { to: data.to, reason: data.reason, at } };
  if (!data.close) return [referred];
  return [referred, ...ending(open, { reason: 'transferred_to_professionals', at }, data.followUpId, context)];
}

/** Applies the events a closed case takes: its follow-ups. */
export function evolveClosed(state: Closed, event: CaseEvent): CaseState {
  switch (event.type) {
    case 'FollowUpScheduled':
      return { ...state, followUps: [...(state.followUps ?? []), { followUpId: event.data.followUpId, dueAt: event.data.dueAt }] };
    case 'FollowUpHeld': {
      const { followUpId, at, outcome } = event.data;
      return { ...state, followUps: (state.followUps ?? []).map((f) => (f.followUpId === followUpId ? { ...f, held: { at, outcome } } : f)) };
    }
    default:
      return state;
  }
}

/** When the follow-up falls due: the programme's months after the end, on the same Copenhagen calendar day (or the month's last). */
export function followUpDueAt(closedAt: string, months: number): string {
  return copenhagenPlusMonths(closedAt, months);
}

/** Ends after which nobody follows up: the citizen has died, or withdrew their consent (nothing more may be recorded). */
const NO_FOLLOW_UP_AFTER: readonly ClosureReason[] = ['deceased', 'consent_withdrawn'];

/** The follow-up's months are the programme's settings in force when the case closes; a follow-up once scheduled keeps its day. */
function ending(open: OpenCase, closed: CaseClosed['data'], followUpId: string, context: CaseContext): Array<CaseClosed | FollowUpScheduled> {
  const months = (context.programmes ?? DEFAULT_PROGRAMME_SETTINGS)[open.programme].followUpMonths;
  const events: Array<CaseClosed | FollowUpScheduled> = [{ type: 'CaseClosed', data: closed }];
  if (closed.noFollowUp === undefined && !NO_FOLLOW_UP_AFTER.includes(closed.reason)) {
    events.push({ type: 'FollowUpScheduled', data: { followUpId, dueAt: followUpDueAt(closed.at, months) } });
  }
  return events;
}

/** `followUp: false` needs a reason; a reason without it is a mistake the client should hear of. */
function waiver(checks: FieldChecks, followUp: boolean | undefined, reason: string | undefined): string | undefined {
  if (followUp === false) {
    if (reason === undefined || reason.trim() === '') checks.fail('noFollowUpReason', 'noFollowUpReason is required when followUp is false');
    return reason;
  }
  if (reason !== undefined) checks.fail('noFollowUpReason', 'noFollowUpReason is given only with followUp: false');
  return undefined;
}
