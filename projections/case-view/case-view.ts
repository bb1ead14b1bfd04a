import type { CaseEvent } from '../../domain/case/case.events';
import type { CaseCore } from '../../domain/case/case.state';
import { correctedCore } from '../../domain/case/case.correction';
import { withCourse } from '../../domain/case/case.course';
import { withAppointments } from '../../domain/case/case.companions';
import { trackAfterRisk } from '../../domain/case/case.track';
import type { ClosureReason, Priority, Track, VisitorKind } from '../../domain/shared/codes';
import type { DeclineReason, FollowUpOutcome, OnwardDestination } from '../../domain/shared/course-codes';
import type { VisitSlot } from '../../domain/shared/visit-slot';
import { evolveMatching } from '../../domain/case/case.matching';

/**
 * What `GET /cases/:caseId` answers (docs/api.md): the case as it stands, for
 * the people working it. It is folded from the case's stream when asked for,
 * like the history, so its revision (the ETag) is always the stream's; it is
 * its own fold, not the decider's state, so the decider may keep what it needs
 * to decide and this answer stays as documented.
 */
export interface CaseView extends CaseCore {
  status: 'Referred' | 'Waiting' | 'Active' | 'Closed';
  /** From the triage on; kept when the case closes. */
  track?: Track;
  priority?: Priority;
  /** When it was triaged, while the case is open and the triage said. */
  triagedAt?: string;
  /** The visitor: while active, and the last one's id once closed. */
  visitorId?: string;
  visitorKind?: VisitorKind;
  visitorName?: string;
  visitorPhone?: string;
  firstVisitAt?: string;
  /** The next agreed visit, as written on the visit card. */
  nextVisitAt?: string;
  lastVisitAt?: string;
  /** Themes followed up at the last visit. */
  lastThemes?: string[];
  /** The fixed time agreed for the visits, while active. */
  visitSlot?: VisitSlot;
  /** Once closed: whether the referral was declined before any visit, why, and when. */
  declined?: boolean;
  reason?: ClosureReason | DeclineReason;
  closedAt?: string;
  /** After the end (issue #19): the follow-ups, in the order scheduled, each with its outcome once held. */
  followUps?: CaseViewFollowUp[];
  /** Where the citizen was referred onward (issue #19), in order; `reason` is sealed, opened in the answer. */
  referredOnward?: Array<{ to: OnwardDestination; reason: string; at: string }>;
  /** The stream's revision: send it back as If-Match. */
  revision: number;
}

export interface CaseViewFollowUp {
  followUpId: string;
  dueAt: string;
  held?: { at: string; outcome: FollowUpOutcome; score?: number };
}

/** The case's view after its events (each with its revision), or undefined when the stream holds no referral. */
export function caseView(events: ReadonlyArray<{ type: string; data: unknown; revision: number }>): CaseView | undefined {
  let view: CaseView | undefined;
  for (const event of events) {
    view = applyToView(view, event as CaseEvent);
    if (view) view.revision = event.revision;
  }
  return view;
}

/** Fields of an active case's visit, gone when it closes. */
const VISIT_FIELDS = ['triagedAt', 'visitorKind', 'visitorName', 'visitorPhone', 'firstVisitAt', 'nextVisitAt', 'lastVisitAt', 'lastThemes', 'visitSlot', 'pause'] as const;

/** One event. An event that does not fit (which the decider would not have made) changes nothing, so an old stream always reads. */
function applyToView(view: CaseView | undefined, event: CaseEvent): CaseView | undefined {
  if (event.type === 'ReferralReceived') return view ?? referred(event.data);
  if (!view) return view;
  if (view.status === 'Closed') return afterTheEnd(view, event);
  const next: CaseView = { ...view };
  switch (event.type) {
    case 'ReferralCorrected':
      return correctedCore(view, event.data);
    case 'TriagedToVolunteer':
    case 'TriagedToProfessional':
      if (view.status !== 'Referred') return view;
      Object.assign(next, { status: 'Waiting', track: event.type === 'TriagedToVolunteer' ? 'volunteer' : 'professional', priority: event.data.priority });
      if (event.data.at !== undefined) next.triagedAt = event.data.at;
      return next;
    case 'FirstVisitBooked': {
      if (view.status !== 'Waiting') return view;
      const { visitorId, visitorKind, visitorName, visitorPhone, visitAt } = event.data;
      Object.assign(next, { status: 'Active', visitorId, visitorKind, visitorName, firstVisitAt: visitAt, nextVisitAt: visitAt, lastThemes: [] });
      if (visitorPhone !== undefined) next.visitorPhone = visitorPhone;
      return next;
    }
    case 'RiskFlagged':
      next.riskFlags = [...view.riskFlags, event.data.risk];
      if (view.status !== 'Referred') next.track = trackAfterRisk(view.track, event.data.risk);
      return next;
    case 'WishesRecorded':
    case 'IntroducedToOffer':
    case 'OfferOutcomeRecorded':
      return evolveMatching(view, event);
    case 'LonelinessAssessed':
      next.assessments = [...view.assessments, { instrument: event.data.instrument, score: event.data.score, at: event.data.at }];
      return next;
    case 'CasePaused': {
      if (view.status === 'Referred') return view;
      const { reason, at, until } = event.data;
      next.pause = { reason, at, ...(until !== undefined && { until }) };
      delete next.nextVisitAt;
      return next;
    }
    case 'CaseResumed':
      delete next.pause;
      return next;
    // The course (issue #19): relatives, going along, the agreement; the same fold as the decider's.
    case 'RelativeAdded':
    case 'RelativeRemoved':
    case 'CitizenAccompanied':
    case 'CitizenWentAlone':
    case 'AgreementRecorded':
      return withCourse(view, event);
    // The companion's appointments (issue #19): the same fold as the decider's.
    case 'AppointmentScheduled':
    case 'AppointmentAccompanied':
    case 'AppointmentCancelled':
      return withAppointments(view, event);
    case 'CaseReassessed': {
      if (view.status === 'Referred') return view;
      next.track = event.data.track;
      if (event.data.needs) next.needs = [...view.needs, ...event.data.needs];
      if (view.status === 'Active' && event.data.handedBackFrom !== undefined) {
        // Back in the waiting folder (seed 003: the guide judged it needs a professional); the triage's time stays.
        for (const field of VISIT_FIELDS) if (field !== 'triagedAt' && field !== 'pause') delete next[field];
        delete next.visitorId;
        next.status = 'Waiting';
      }
      return next;
    }
    case 'ReferredOnward':
      next.referredOnward = [...(view.referredOnward ?? []), { to: event.data.to, reason: event.data.reason, at: event.data.at }];
      return next;
    case 'ReferralDeclined':
    case 'CaseClosed':
      for (const field of VISIT_FIELDS) delete next[field];
      // The triage's track and priority stay part of the closed case's story, and the last visitor's id.
      Object.assign(next, { status: 'Closed', declined: event.type === 'ReferralDeclined', reason: event.data.reason, closedAt: event.data.at });
      return next;
    default:
      return view.status === 'Active' ? applyToActive(view, next, event) : view;
  }
}

/** A closed case takes its follow-ups (issue #19). */
function afterTheEnd(view: CaseView, event: CaseEvent): CaseView {
  switch (event.type) {
    case 'FollowUpScheduled':
      return { ...view, followUps: [...(view.followUps ?? []), { followUpId: event.data.followUpId, dueAt: event.data.dueAt }] };
    case 'FollowUpHeld': {
      const { followUpId, at, outcome, score } = event.data;
      const held = { at, outcome, ...(score !== undefined && { score }) };
      return { ...view, followUps: (view.followUps ?? []).map((f) => (f.followUpId === followUpId ? { ...f, held } : f)) };
    }
    default:
      return view;
  }
}

/** Events only an active case takes; `next` is a copy of `view` to change. */
function applyToActive(view: CaseView, next: CaseView, event: CaseEvent): CaseView {
  switch (event.type) {
    case 'VisitHeld':
      // A visit recorded late, after a later one, is history: it does not move the visit card back.
      if (view.lastVisitAt !== undefined && event.data.visitedAt < view.lastVisitAt) return view;
      delete next.nextVisitAt;
      Object.assign(next, { lastVisitAt: event.data.visitedAt, lastThemes: event.data.themes });
      if (event.data.nextVisitAt !== undefined) next.nextVisitAt = event.data.nextVisitAt;
      return next;
    case 'VisitorDismissedButReturning':
      if (view.lastVisitAt !== undefined && event.data.at < view.lastVisitAt) return view;
      return Object.assign(next, { lastVisitAt: event.data.at, nextVisitAt: event.data.nextVisitAt });
    case 'VisitRescheduled':
      return Object.assign(next, { nextVisitAt: event.data.to });
    case 'VisitCancelled':
      delete next.nextVisitAt;
      return next;
    case 'NextVisitBooked':
      return Object.assign(next, { nextVisitAt: event.data.visitAt });
    case 'VisitSlotAgreed':
      next.visitSlot = { weekday: event.data.weekday, time: event.data.time, everyWeeks: event.data.everyWeeks };
      return next;
    case 'VisitorReassigned':
      delete next.visitorPhone;
      Object.assign(next, { visitorId: event.data.toVisitorId, visitorKind: event.data.toVisitorKind, visitorName: event.data.toVisitorName });
      if (event.data.toVisitorPhone !== undefined) next.visitorPhone = event.data.toVisitorPhone;
      return next;
    case 'TaskOpened':
      next.tasks = [...view.tasks, { taskId: event.data.taskId, kind: event.data.kind, description: event.data.description, status: 'open' }];
      return next;
    case 'TaskCompleted':
      next.tasks = view.tasks.map((task) => (task.taskId === event.data.taskId ? { ...task, status: 'completed', outcome: event.data.outcome } : task));
      return next;
    case 'RelationEstablished':
      next.relations = [...view.relations, { kind: event.data.kind, description: event.data.description, at: event.data.at }];
      return next;
    default:
      return view;
  }
}

function referred(data: Extract<CaseEvent, { type: 'ReferralReceived' }>['data']): CaseView {
  const view: CaseView = {
    status: 'Referred',
    caseId: data.caseId,
    citizenId: data.citizenId,
    programme: data.programme,
    referredAt: data.referredAt,
    referrerRole: data.referrer.role,
    referrerName: data.referrer.name,
    situation: data.situation,
    needs: data.needs,
    requestedTasks: data.requestedTasks,
    riskFlags: [],
    tasks: [],
    assessments: [],
    relations: [],
    revision: 0,
  };
  if (data.referrer.organisation !== undefined) view.referrerOrganisation = data.referrer.organisation;
  if (data.referrer.phone !== undefined) view.referrerPhone = data.referrer.phone;
  if (data.citizen !== undefined) view.citizen = data.citizen;
  if (data.postcode !== undefined) view.postcode = data.postcode;
  if (data.screeningId !== undefined) view.screeningId = data.screeningId;
  return view;
}
