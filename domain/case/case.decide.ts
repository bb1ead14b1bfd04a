import { ucla3Score, UCLA3 } from '../shared/danish';
import { assertNever } from '../shared/decider';
import { IllegalStateError, NotFoundError } from '../shared/errors';
import { FieldChecks } from '../shared/time';
import type { AssessLoneliness, CaseCommand, CaseContext, CompleteTask, EstablishRelation, FlagRisk, OpenTask } from './case.commands';
import type { CaseEvent, LonelinessAssessed, RelationEstablished, RiskFlagged, TaskCompleted, TaskOpened } from './case.events';
import { correctReferral } from './case.correction';
import { recordAccompaniment, recordAgreement, recordWentAlone } from './case.course';
import { addRelative, removeRelative } from './case.network';
import { cancelAppointment, recordAppointmentAccompanied, scheduleAppointment } from './case.companions';
import { closeCase, holdFollowUp, referOnward } from './case.after-close';
import { reassessCase } from './case.reassessment';
import { declineReferral, receiveReferral, triage } from './case.intake';
import { introduceToOffer, recordOfferOutcome, recordWishes } from './case.matching';
import { requireActive, requireNotBefore, requireOpen } from './case.rules';
import type { CaseState } from './case.state';
import { agreeVisitSlot, bookNextVisit, pauseCase, resumeCase } from './case.schedule';
import { bookFirstVisit, cancelVisit, reassignVisitor, recordDismissal, recordVisit, rescheduleVisit } from './case.visits';

/** The case decider's `decide`: pure, returns the events a command causes or throws a typed domain error. */
export function decideCase(command: CaseCommand, state: CaseState, context: CaseContext): CaseEvent[] {
  switch (command.type) {
    case 'ReceiveReferral':
      return receiveReferral(command, state, context);
    case 'TriageCase':
      return triage(command, state, context);
    case 'DeclineReferral':
      return declineReferral(command, state, context);
    case 'BookFirstVisit':
      return bookFirstVisit(command, state, context);
    case 'RecordVisit':
      return recordVisit(command, state, context);
    case 'RecordDismissal':
      return recordDismissal(command, state, context);
    case 'RescheduleVisit':
      return rescheduleVisit(command, state, context);
    case 'CancelVisit':
      return cancelVisit(command, state, context);
    case 'ReassignVisitor':
      return reassignVisitor(command, state, context);
    case 'OpenTask':
      return openTask(command, state, context);
    case 'CompleteTask':
      return completeTask(command, state, context);
    case 'AssessLoneliness':
      return assessLoneliness(command, state, context);
    case 'EstablishRelation':
      return establishRelation(command, state, context);
    case 'FlagRisk':
      return flagRisk(command, state, context);
    case 'CloseCase':
      return closeCase(command, state, context);
    case 'BookNextVisit':
      return bookNextVisit(command, state, context);
    case 'AgreeVisitSlot':
      return agreeVisitSlot(command, state, context);
    case 'PauseCase':
      return pauseCase(command, state, context);
    case 'ResumeCase':
      return resumeCase(command, state, context);
    case 'CorrectReferral':
      return correctReferral(command, state, context);
    case 'RecordWishes':
      return recordWishes(command, state, context);
    case 'IntroduceToOffer':
      return introduceToOffer(command, state, context);
    case 'RecordOfferOutcome':
      return recordOfferOutcome(command, state, context);
    case 'AddRelative':
      return addRelative(command, state, context);
    case 'RemoveRelative':
      return removeRelative(command, state, context);
    case 'RecordAccompaniment':
      return recordAccompaniment(command, state, context);
    case 'RecordWentAlone':
      return recordWentAlone(command, state, context);
    case 'RecordAgreement':
      return recordAgreement(command, state, context);
    case 'ScheduleAppointment':
      return scheduleAppointment(command, state, context);
    case 'RecordAppointmentAccompanied':
      return recordAppointmentAccompanied(command, state, context);
    case 'CancelAppointment':
      return cancelAppointment(command, state, context);
    case 'HoldFollowUp':
      return holdFollowUp(command, state, context);
    case 'ReferOnward':
      return referOnward(command, state, context);
    case 'ReassessCase':
      return reassessCase(command, state, context);
    default:
      return assertNever(command);
  }
}

/** Administrative help (helbredstillæg, boligydelse, ...) on an active case. */
function openTask({ data }: OpenTask, state: CaseState, context: CaseContext): TaskOpened[] {
  const active = requireActive(state, context.caseId);
  if (active.tasks.some((task) => task.taskId === data.taskId)) throw new IllegalStateError('task_exists', `task ${data.taskId} already exists`);
  return [{ type: 'TaskOpened', data: { taskId: data.taskId, kind: data.kind, description: data.description } }];
}

function completeTask({ data }: CompleteTask, state: CaseState, context: CaseContext): TaskCompleted[] {
  const active = requireActive(state, context.caseId);
  const task = active.tasks.find((candidate) => candidate.taskId === data.taskId);
  if (!task) throw new NotFoundError('task', data.taskId);
  if (task.status === 'completed') throw new IllegalStateError('task_completed', `task ${data.taskId} is already completed`);
  return [{ type: 'TaskCompleted', data: { taskId: data.taskId, outcome: data.outcome } }];
}

/** UCLA-3 in any open state, also at intake, as the detection in 001 asks. */
function assessLoneliness({ data }: AssessLoneliness, state: CaseState, context: CaseContext): LonelinessAssessed[] {
  const open = requireOpen(state, context.caseId);
  const checks = new FieldChecks(context.now);
  const at = checks.happened('at', data.at ?? context.now);
  const score = ucla3Score(data.answers);
  if (score === undefined) checks.fail('answers', 'answers must be three whole numbers, each from 1 to 3');
  checks.check();
  requireNotBefore(at, open.referredAt, 'before_referral', 'the referral was received');
  const answers = data.answers as [number, number, number];
  return [
    { type: 'LonelinessAssessed', data: { instrument: data.instrument, answers: [...answers], score: score!, severe: score! >= UCLA3.severeFrom, scaleVersion: UCLA3.version, at } },
  ];
}

/** The goal: a relation that makes the helper no longer the citizen's main support. */
function establishRelation({ data }: EstablishRelation, state: CaseState, context: CaseContext): RelationEstablished[] {
  const active = requireActive(state, context.caseId);
  const checks = new FieldChecks(context.now);
  const at = checks.happened('at', data.at);
  checks.check();
  requireNotBefore(at, active.referredAt, 'before_referral', 'the referral was received');
  return [{ type: 'RelationEstablished', data: { kind: data.kind, description: data.description, at } }];
}

/** A risk found during the case; suicidal thoughts put it on the professional track (evolve does that). */
function flagRisk({ data }: FlagRisk, state: CaseState, context: CaseContext): RiskFlagged[] {
  const open = requireOpen(state, context.caseId);
  const checks = new FieldChecks(context.now);
  const at = checks.happened('at', data.at);
  checks.check();
  requireNotBefore(at, open.referredAt, 'before_referral', 'the referral was received');
  return [{ type: 'RiskFlagged', data: { risk: data.risk, note: data.note, at } }];
}
