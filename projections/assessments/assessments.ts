import type { AssessmentFacts } from '../../domain/shared/assessment-schedule';
import { caseEventOf } from '../shared/events';
import type { DocumentView, ProjectedEvent, Projection } from '../shared/projection';

/**
 * Issue 22, assessments on time: one `case:<caseId>` document per case that
 * may owe a UCLA-3 (GET /assessments/due reads these). A declined referral is
 * forgotten; a closed case once its follow-ups are held.
 */

export const ASSESSMENT_CASE_PREFIX = 'case:';

export interface AssessmentCase extends AssessmentFacts {
  caseId: string;
  citizenId: string;
  /** The helper: while active, and the last one once closed. */
  visitorId?: string;
  /** True once the first visit is recorded as held (`firstVisitAt` is then that visit). */
  firstVisitHeld?: true;
}

const key = (caseId: string) => `${ASSESSMENT_CASE_PREFIX}${caseId}`;

export const assessmentsProjection: Projection<AssessmentCase> = {
  name: 'assessments',
  version: 1,
  eventTypes: new Set([
    'ReferralReceived', 'FirstVisitBooked', 'VisitHeld', 'VisitorReassigned', 'LonelinessAssessed', 'CasePaused', 'CaseResumed',
    'AgreementRecorded', 'CaseReassessed', 'ReferralDeclined', 'CaseClosed', 'FollowUpScheduled', 'FollowUpHeld',
  ]),
  keysRead: (event) => {
    const found = caseEventOf(event);
    return found ? [key(found.caseId)] : [];
  },
  apply(stored: ProjectedEvent, view: DocumentView<AssessmentCase>): void {
    const found = caseEventOf(stored);
    if (!found) return;
    const { caseId, event } = found;
    if (event.type === 'ReferralReceived') {
      view.put(key(caseId), { caseId, citizenId: event.data.citizenId, programme: event.data.programme, status: 'open', followUps: [] });
      return;
    }
    const doc = view.get(key(caseId));
    if (!doc) return;
    switch (event.type) {
      case 'FirstVisitBooked':
        doc.status = 'active';
        doc.visitorId = event.data.visitorId;
        doc.firstVisitAt ??= event.data.visitAt;
        break;
      case 'VisitHeld':
        if (!doc.firstVisitHeld) Object.assign(doc, { firstVisitAt: event.data.visitedAt, firstVisitHeld: true });
        break;
      case 'VisitorReassigned':
        doc.visitorId = event.data.toVisitorId;
        break;
      case 'LonelinessAssessed':
        if (doc.lastAssessedAt === undefined || Date.parse(event.data.at) > Date.parse(doc.lastAssessedAt)) doc.lastAssessedAt = event.data.at;
        break;
      case 'CasePaused':
        if (doc.status === 'active') doc.status = 'paused';
        break;
      case 'CaseResumed':
        if (doc.status === 'paused') doc.status = 'active';
        break;
      case 'AgreementRecorded':
        if (event.data.expectedEnd === undefined) delete doc.expectedEnd;
        else doc.expectedEnd = event.data.expectedEnd;
        break;
      case 'CaseReassessed':
        // Handed back to the waiting folder: no helper until the next booking.
        if (event.data.handedBackFrom !== undefined && doc.status !== 'closed') {
          doc.status = 'open';
          delete doc.visitorId;
        }
        break;
      case 'ReferralDeclined':
        return view.delete(key(caseId));
      case 'CaseClosed':
        doc.status = 'closed';
        break;
      case 'FollowUpScheduled':
        doc.followUps.push({ followUpId: event.data.followUpId, dueAt: event.data.dueAt });
        break;
      case 'FollowUpHeld':
        doc.followUps = doc.followUps.filter((f) => f.followUpId !== event.data.followUpId);
        if (doc.status === 'closed' && doc.followUps.length === 0) return view.delete(key(caseId));
        break;
      default:
        return;
    }
    view.put(key(caseId), doc);
  },
};
