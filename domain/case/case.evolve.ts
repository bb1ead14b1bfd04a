import type { CaseEvent, ReferralReceived } from './case.events';
import type { Active, CaseCore, CaseState } from './case.state';
import { trackAfterRisk } from './case.track';
import { correctedCore } from './case.correction';
import { evolveMatching } from './case.matching';
import { withCourse } from './case.course';
import { withAppointments } from './case.companions';
import { evolveClosed } from './case.after-close';
import { reassessed } from './case.reassessment';

export const initialCaseState = (): CaseState => ({ status: 'None' });

/**
 * Applies one event. Never throws: an event that does not fit the state (which
 * `decide` would not have produced) leaves the state as it was, so an old
 * stream can always be read.
 */
export function evolveCase(state: CaseState, event: CaseEvent): CaseState {
  if (event.type === 'ReferralReceived') return state.status === 'None' ? referred(event) : state;
  if (state.status === 'None') return state;
  if (state.status === 'Closed') return evolveClosed(state, event);

  switch (event.type) {
    case 'ReferralCorrected':
      return correctedCore(state, event.data);
    case 'TriagedToVolunteer':
    case 'TriagedToProfessional': {
      if (state.status !== 'Referred') return state;
      const track = event.type === 'TriagedToVolunteer' ? 'volunteer' : 'professional';
      return { ...state, status: 'Waiting', track, priority: event.data.priority, ...(event.data.at !== undefined && { triagedAt: event.data.at }) };
    }
    case 'FirstVisitBooked': {
      if (state.status !== 'Waiting') return state;
      const { visitorId, visitorKind, visitorName, visitorPhone, visitAt } = event.data;
      return {
        ...state,
        status: 'Active',
        visitorId,
        visitorKind,
        visitorName,
        ...(visitorPhone !== undefined && { visitorPhone }),
        firstVisitAt: visitAt,
        nextVisitAt: visitAt,
        lastThemes: [],
      };
    }
    case 'RiskFlagged': {
      const riskFlags = [...state.riskFlags, event.data.risk];
      if (state.status === 'Referred') return { ...state, riskFlags };
      return { ...state, riskFlags, track: trackAfterRisk(state.track, event.data.risk)! };
    }
    case 'LonelinessAssessed': {
      const { instrument, score, at } = event.data;
      return { ...state, assessments: [...state.assessments, { instrument, score, at }] };
    }
    case 'CasePaused': {
      const { reason, at, until } = event.data;
      const paused = { ...state, pause: { reason, at, ...(until !== undefined && { until }) } };
      return paused.status === 'Active' ? without(paused, 'nextVisitAt') : paused;
    }
    case 'CaseResumed':
      return without(state, 'pause');
    case 'WishesRecorded':
    case 'IntroducedToOffer':
    case 'OfferOutcomeRecorded':
      return evolveMatching(state, event);
    case 'RelativeAdded':
    case 'RelativeRemoved':
    case 'CitizenAccompanied':
    case 'CitizenWentAlone':
    case 'AgreementRecorded':
      return withCourse(state, event);
    case 'AppointmentScheduled':
    case 'AppointmentAccompanied':
    case 'AppointmentCancelled':
      return withAppointments(state, event);
    case 'CaseReassessed':
      return state.status === 'Referred' ? state : reassessed(state, event.data);
    case 'ReferralDeclined':
    case 'CaseClosed':
      return {
        ...withoutVisit(state),
        status: 'Closed',
        declined: event.type === 'ReferralDeclined',
        reason: event.data.reason,
        closedAt: event.data.at,
        // The triage's answer stays part of the case's story once it is closed: track and priority alike.
        ...(state.status !== 'Referred' && { track: state.track, priority: state.priority }),
        ...(state.status === 'Active' && { visitorId: state.visitorId }),
      };
    default:
      return state.status === 'Active' ? evolveActive(state, event) : state;
  }
}

/** Events that only an active case takes. */
function evolveActive(state: Active, event: CaseEvent): CaseState {
  switch (event.type) {
    case 'VisitHeld': {
      const { visitedAt, nextVisitAt, themes } = event.data;
      // A visit recorded late, after a later one, is history: it does not move the visit card back.
      if (state.lastVisitAt !== undefined && visitedAt < state.lastVisitAt) return state;
      return { ...without(state, 'nextVisitAt'), lastVisitAt: visitedAt, lastThemes: themes, ...(nextVisitAt !== undefined && { nextVisitAt }) };
    }
    case 'VisitorDismissedButReturning':
      if (state.lastVisitAt !== undefined && event.data.at < state.lastVisitAt) return state;
      return { ...state, lastVisitAt: event.data.at, nextVisitAt: event.data.nextVisitAt };
    case 'VisitRescheduled':
      return { ...state, nextVisitAt: event.data.to };
    case 'VisitCancelled':
      return without(state, 'nextVisitAt');
    case 'NextVisitBooked':
      return { ...state, nextVisitAt: event.data.visitAt };
    case 'VisitSlotAgreed': {
      const { weekday, time, everyWeeks } = event.data;
      return { ...state, visitSlot: { weekday, time, everyWeeks } };
    }
    case 'VisitorReassigned': {
      const { toVisitorId, toVisitorKind, toVisitorName, toVisitorPhone } = event.data;
      return {
        ...without(state, 'visitorPhone'),
        visitorId: toVisitorId,
        visitorKind: toVisitorKind,
        visitorName: toVisitorName,
        ...(toVisitorPhone !== undefined && { visitorPhone: toVisitorPhone }),
      };
    }
    case 'TaskOpened': {
      const { taskId, kind, description } = event.data;
      return { ...state, tasks: [...state.tasks, { taskId, kind, description, status: 'open' }] };
    }
    case 'TaskCompleted': {
      const { taskId, outcome } = event.data;
      const tasks = state.tasks.map((task) => (task.taskId === taskId ? { ...task, status: 'completed' as const, outcome } : task));
      return { ...state, tasks };
    }
    case 'RelationEstablished': {
      const { kind, description, at } = event.data;
      return { ...state, relations: [...state.relations, { kind, description, at }] };
    }
    default:
      return state;
  }
}

function referred({ data }: ReferralReceived): CaseState {
  const core: CaseCore = {
    caseId: data.caseId,
    citizenId: data.citizenId,
    programme: data.programme,
    referredAt: data.referredAt,
    referrerRole: data.referrer.role,
    ...(data.referrer.organisation !== undefined && { referrerOrganisation: data.referrer.organisation }),
    referrerName: data.referrer.name,
    ...(data.referrer.phone !== undefined && { referrerPhone: data.referrer.phone }),
    ...(data.citizen !== undefined && { citizen: data.citizen }),
    situation: data.situation,
    ...(data.postcode !== undefined && { postcode: data.postcode }),
    ...(data.screeningId !== undefined && { screeningId: data.screeningId }),
    needs: data.needs,
    requestedTasks: data.requestedTasks,
    riskFlags: [],
    tasks: [],
    assessments: [],
    relations: [],
  };
  return { ...core, status: 'Referred' };
}

/** The case core of any open state, without the fields of its status. */
function withoutVisit(state: Exclude<CaseState, { status: 'None' | 'Closed' }>): CaseCore {
  const {
    caseId, citizenId, programme, referredAt, referrerRole, referrerOrganisation, referrerName, referrerPhone, citizen, situation,
    needs, requestedTasks, riskFlags, tasks, assessments, relations, postcode, wishes, introductions, relatives, agreement, goingAlong, appointments, screeningId,
  } = state;
  return {
    caseId, citizenId, programme, referredAt, referrerRole, referrerName, situation, needs, requestedTasks, riskFlags, tasks, assessments, relations,
    ...(referrerOrganisation !== undefined && { referrerOrganisation }),
    ...(referrerPhone !== undefined && { referrerPhone }),
    ...(citizen !== undefined && { citizen }),
    // Matching (issue #18): where the citizen lived, what they wished for and which offers they met stay part of the closed case.
    ...(postcode !== undefined && { postcode }),
    ...(screeningId !== undefined && { screeningId }),
    ...(wishes !== undefined && { wishes }),
    ...(introductions !== undefined && { introductions }),
    // The course (issue #19) stays part of the closed case's story.
    ...(relatives !== undefined && { relatives }),
    ...(agreement !== undefined && { agreement }),
    ...(goingAlong !== undefined && { goingAlong }),
    ...(appointments !== undefined && { appointments }),
  };
}

const without = <T extends object, K extends keyof T>(value: T, key: K): T => {
  const copy = { ...value };
  delete copy[key];
  return copy;
};
