import { helperWord, HelperWord } from '../../../domain/shared/helper-words';
import { slotInDanish } from '../../../domain/shared/visit-slot';
import { date, dateTime } from '../format';
import { courseDetails } from './course-timeline';
import { inTimeOrder } from './timeline-order';
import { CLOSURE, DECLINE, FOLLOW_UP_OUTCOME, label, NEED, ONWARD, PRIORITY, RELATION, ROLE, TASK, VISITOR_KIND } from '../labels';

/** One entry of GET /cases/:caseId/history (the label is already in Danish). */
export interface HistoryEntry {
  type: string;
  label: string;
  occurredAt: string;
  recordedAt: string;
  revision: number;
  actor?: { id: string; role: string };
  data: Record<string, unknown>;
}

const s = (value: unknown): string => (typeof value === 'string' ? value : '');

/** What an event says, in a line of Danish (free text only where the reader may see it; an auditor's has none). */
function details(entry: HistoryEntry, programme: string | undefined): string[] {
  const d = entry.data;
  switch (entry.type) {
    case 'ReferralCorrected':
      return referralCorrected(d);
    case 'TriagedToVolunteer':
    case 'TriagedToProfessional':
      return [`Prioritet: ${label(PRIORITY, s(d.priority))}`, s(d.reason)];
    case 'FirstVisitBooked':
      return [`${s(d.visitorName) || label(VISITOR_KIND, s(d.visitorKind))}, første besøg ${dateTime(s(d.visitAt))}`];
    case 'VisitHeld':
      return [
        d.nextVisitAt ? `Næste besøg ${dateTime(s(d.nextVisitAt))}` : 'Intet næste besøg aftalt',
        Array.isArray(d.themes) && d.themes.length > 0 ? `Temaer: ${(d.themes as string[]).join(', ')}` : '',
        s(d.note),
      ];
    case 'VisitorDismissedButReturning':
      return [`Kommer igen ${dateTime(s(d.nextVisitAt))}`, s(d.assessment)];
    case 'VisitRescheduled':
      return [`Flyttet fra ${dateTime(s(d.from))} til ${dateTime(s(d.to))}`];
    case 'VisitCancelled':
      return [`Besøget ${dateTime(s(d.at))} aflyst af ${d.by === 'citizen' ? 'borgeren' : helperWord(programme, 'definite')}${d.citizenNotified === true ? ' (borgeren er ringet op)' : ''}`, s(d.reason)];
    case 'NextVisitBooked':
      return [`Næste besøg ${dateTime(s(d.visitAt))} (borgeren er ringet op)`];
    case 'VisitSlotAgreed':
      return [`Fast tid: ${slotInDanish({ weekday: Number(d.weekday), time: s(d.time), everyWeeks: Number(d.everyWeeks) })}`];
    case 'CasePaused':
      return [`Pause${d.until ? ` til ${date(s(d.until))}` : ''}${d.droppedVisitAt ? `; besøget ${dateTime(s(d.droppedVisitAt))} udgår` : ''}`, s(d.reason)];
    case 'RiskFlagged':
      return [label(NEED, s(d.risk)), s(d.note)];
    case 'VisitorReassigned':
      return [`Ny ${helperWord(programme)}: ${s(d.toVisitorName) || label(VISITOR_KIND, s(d.toVisitorKind))}`, s(d.reason)];
    case 'TaskOpened':
      return [label(TASK, s(d.kind)), s(d.description)];
    case 'TaskCompleted':
      return [s(d.outcome)];
    case 'LonelinessAssessed':
      return [`Score ${String(d.score)} af 9${d.severe ? ' (tegn på svær ensomhed)' : ''}`];
    case 'RelationEstablished':
      return [label(RELATION, s(d.kind)), s(d.description)];
    case 'ReferralDeclined':
      return [label(DECLINE, s(d.reason))];
    case 'CaseClosed':
      return [label(CLOSURE, s(d.reason)), ...(d.noFollowUp ? [`Ingen opfølgning: ${s(d.noFollowUp)}`] : [])];
    case 'FollowUpScheduled':
      return [`Opfølgning ${date(s(d.dueAt))}`];
    case 'FollowUpHeld':
      return [label(FOLLOW_UP_OUTCOME, s(d.outcome)), ...(d.score !== undefined ? [`UCLA-3: ${String(d.score)} af 9`] : []), s(d.note)];
    case 'ReferredOnward':
      return [label(ONWARD, s(d.to)), s(d.reason)];
    default:
      return courseDetails(entry.type, d) ?? [];
  }
}

/** What a correction of the referral changed, part by part (only what changed is in the event). */
function referralCorrected(d: Record<string, unknown>): string[] {
  const situation = (d.situation ?? {}) as Record<string, unknown>;
  const citizen = (d.citizen ?? {}) as Record<string, unknown>;
  const referrer = d.referrer as Record<string, unknown> | undefined;
  const list = (codes: unknown, labels: Record<string, string>) => (Array.isArray(codes) ? (codes.length === 0 ? 'ingen' : codes.map((code) => label(labels, s(code))).join(', ')) : '');
  return [
    situation.physical ? `Fysisk: ${s(situation.physical)}` : '',
    situation.psychological ? `Psykisk: ${s(situation.psychological)}` : '',
    situation.social ? `Socialt: ${s(situation.social)}` : '',
    d.needs ? `Behov: ${list(d.needs, NEED)}` : '',
    d.requestedTasks ? `Ønskede opgaver: ${list(d.requestedTasks, TASK)}` : '',
    citizen.address ? `Ny adresse: ${s(citizen.address)}` : '',
    citizen.phone ? `Nyt telefonnummer: ${s(citizen.phone)}` : '',
    referrer ? `Henviser: ${[s(referrer.name), s(referrer.organisation)].filter(Boolean).join(', ')}` : '',
  ];
}

/**
 * A case's timeline in Danish words and Copenhagen time; entries after `until` are shown as not yet happened.
 * The helper is named after the case's programme (its referral says which).
 */
export function Timeline({ entries, until, axis = 'occurred' }: { entries: HistoryEntry[]; until?: string; axis?: 'occurred' | 'recorded' }) {
  const programme = entries.find((e) => e.type === 'ReferralReceived')?.data.programme as string | undefined;
  if (entries.length === 0) return <p class="empty">Ingen hændelser.</p>;
  return (
    <ol class="timeline">
      {inTimeOrder(entries, axis).map((entry) => {
        const when = axis === 'recorded' ? entry.recordedAt : entry.occurredAt;
        const later = until !== undefined && when > until;
        return (
          <li key={entry.revision} class={later ? 'later' : ''}>
            <div class="when">
              <time dateTime={entry.occurredAt}>{dateTime(entry.occurredAt)}</time>
              {entry.recordedAt.slice(0, 16) !== entry.occurredAt.slice(0, 16) && <small class="muted">registreret {dateTime(entry.recordedAt)}</small>}
            </div>
            <div class="what">
              <strong>
                {later && <span class="sr-only">Endnu ikke sket: </span>}
                {entry.label}
              </strong>
              {details(entry, programme)
                .filter(Boolean)
                .map((line, i) => (
                  <p key={i}>{line}</p>
                ))}
              {entry.actor && (
                <small class="muted">
                  {entry.actor.role === 'visitor' ? HelperWord(programme) : label(ROLE, entry.actor.role)} {entry.actor.id}
                </small>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
