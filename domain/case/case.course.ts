import { IllegalStateError } from '../shared/errors';
import { FieldChecks } from '../shared/time';
import type { CaseContext, RecordAccompaniment, RecordAgreement, RecordWentAlone } from './case.commands';
import type { AgreementRecorded, CaseEvent, CitizenAccompanied, CitizenWentAlone } from './case.events';
import { requireActive, requireAssignedVisitor, requireNotBefore } from './case.rules';
import { requireNotPaused } from './case.schedule';
import type { CaseCore, CaseState, GoingAlong } from './case.state';

/**
 * The course of a case (issue #19), seed 003: the guide and the citizen agree
 * "klare aftaler omkring forløbet"; the guide offers "at følges med borgerne de
 * første gange og følger op", so that in the end the citizen goes alone and the
 * guide does not "forblive den primære støtteperson".
 */

/** The helper went along to an activity: only the case's own helper, on an active case that is not paused. */
export function recordAccompaniment({ data }: RecordAccompaniment, state: CaseState, context: CaseContext): CitizenAccompanied[] {
  const active = requireActive(state, context.caseId);
  const checks = new FieldChecks(context.now);
  const at = checks.happened('at', data.at);
  checks.check();
  requireNotBefore(at, active.referredAt, 'before_referral', 'the referral was received');
  requireAssignedVisitor(active, data.visitorId);
  requireNotPaused(active, at);
  return [
    {
      type: 'CitizenAccompanied',
      data: {
        at,
        to: { ...(data.to.offerId !== undefined && { offerId: data.to.offerId }), activity: data.to.activity },
        visitorId: data.visitorId,
        firstTime: data.firstTime,
        ...(data.note !== undefined && { note: data.note }),
      },
    },
  ];
}

/** The citizen went on their own: progress. On an active case; a pause (a hospital stay) does not stop it being told. */
export function recordWentAlone({ data }: RecordWentAlone, state: CaseState, context: CaseContext): CitizenWentAlone[] {
  const active = requireActive(state, context.caseId);
  const checks = new FieldChecks(context.now);
  const at = checks.happened('at', data.at);
  checks.check();
  requireNotBefore(at, active.referredAt, 'before_referral', 'the referral was received');
  return [{ type: 'CitizenWentAlone', data: { at, ...(data.offerId !== undefined && { offerId: data.offerId }), activity: data.activity } }];
}

/**
 * The agreement about the course, made with the citizen (who is always a
 * party); naming a relative as a party needs one on the case (409
 * `no_relative_recorded`). A new agreement replaces the last.
 */
export function recordAgreement({ data }: RecordAgreement, state: CaseState, context: CaseContext): AgreementRecorded[] {
  const active = requireActive(state, context.caseId);
  const checks = new FieldChecks(context.now);
  if (data.goals.length === 0) checks.fail('goals', 'goals must name at least one goal');
  if (!data.agreedWith.includes('citizen')) checks.fail('agreedWith', 'agreedWith must include the citizen: the course is agreed with them');
  const expectedEnd = data.expectedEnd === undefined ? undefined : checks.agreed('expectedEnd', data.expectedEnd);
  if (expectedEnd !== undefined) checks.after('expectedEnd', expectedEnd, 'the referral', active.referredAt);
  checks.check();
  if (data.agreedWith.includes('relative') && (active.relatives ?? []).length === 0) {
    throw new IllegalStateError('no_relative_recorded', 'the agreement names a relative, but none is on the case: add the relative first');
  }
  return [
    {
      type: 'AgreementRecorded',
      data: {
        goals: [...data.goals],
        frequency: data.frequency,
        ...(expectedEnd !== undefined && { expectedEnd }),
        endCriteria: data.endCriteria,
        agreedWith: [...new Set(data.agreedWith)],
      },
    },
  ];
}

type CourseEvent = Extract<CaseEvent, { type: 'RelativeAdded' | 'RelativeRemoved' | 'CitizenAccompanied' | 'CitizenWentAlone' | 'AgreementRecorded' }>;

/** The course's part of a case after one of its events: shared by the decider's state and the case view, so they agree. */
export function withCourse<T extends CaseCore>(state: T, event: CourseEvent): T {
  switch (event.type) {
    case 'RelativeAdded': {
      const { relativeId, name, relation, phone, note, involvement } = event.data;
      const relative = { relativeId, name, relation, involvement, ...(phone !== undefined && { phone }), ...(note !== undefined && { note }) };
      return { ...state, relatives: [...(state.relatives ?? []), relative] };
    }
    case 'RelativeRemoved':
      return { ...state, relatives: (state.relatives ?? []).filter((relative) => relative.relativeId !== event.data.relativeId) };
    case 'CitizenAccompanied': {
      const going: GoingAlong = { ...(state.goingAlong ?? { accompanied: 0, alone: 0 }) };
      going.accompanied += 1;
      if (going.lastAccompaniedAt === undefined || event.data.at > going.lastAccompaniedAt) going.lastAccompaniedAt = event.data.at;
      return { ...state, goingAlong: going };
    }
    case 'CitizenWentAlone': {
      const going: GoingAlong = { ...(state.goingAlong ?? { accompanied: 0, alone: 0 }) };
      going.alone += 1;
      if (going.lastAloneAt === undefined || event.data.at > going.lastAloneAt) going.lastAloneAt = event.data.at;
      return { ...state, goingAlong: going };
    }
    case 'AgreementRecorded': {
      const { goals, frequency, expectedEnd, endCriteria, agreedWith } = event.data;
      return { ...state, agreement: { goals, frequency, endCriteria, agreedWith, ...(expectedEnd !== undefined && { expectedEnd }) } };
    }
  }
}
