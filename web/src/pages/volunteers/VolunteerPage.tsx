import { get } from '../../api';
import { dateTime } from '../../format';
import { LoadState, useLoad } from '../../ui';
import { VolunteerSummary } from './VolunteerSummary';
import { VolunteerSteps } from './VolunteerSteps';
import { INTERVIEW_OUTCOME, SUPERVISION_KIND, VETTING_KIND, VETTING_RESULT, type VolunteerView } from './volunteer-labels';
import { PROGRAMME } from '../../labels';

interface HistoryEntry {
  revision: number;
  at: string;
  type: string;
  label: string;
  data: Record<string, unknown>;
}

/** What a timeline entry says beside its label: the notes (opened for the coordinator), who, what. */
function detail(e: HistoryEntry): string {
  const d = e.data;
  const word = (list: Record<string, string>, value: unknown) => (typeof value === 'string' ? (list[value] ?? value) : undefined);
  const programmes = Array.isArray(d.programmes) ? (d.programmes as string[]).map((p) => word(PROGRAMME, p)).join(', ') : undefined;
  const provisos = Array.isArray(d.provisos) && d.provisos.length > 0 ? `Forbehold: ${(d.provisos as string[]).join('; ')}` : undefined;
  const parts = [
    d.course,
    word({ ...VETTING_KIND, ...SUPERVISION_KIND }, d.kind),
    word(VETTING_RESULT, d.result),
    d.by,
    typeof d.outcome === 'string' ? `Udfald: ${word(INTERVIEW_OUTCOME, d.outcome)!.toLowerCase()}` : undefined,
    programmes,
    provisos,
    d.motivation,
    d.note,
    d.reason,
    d.coordinatorSub,
  ].filter((x): x is string => typeof x === 'string' && x !== '');
  return parts.join(' · ');
}

/** A volunteer's page (issue 20): the standing, the lifecycle as a timeline, and a form for each next step. */
export function VolunteerPage({ visitorId, own }: { visitorId: string; own: boolean }) {
  const view = useLoad(() => get<VolunteerView>(`/visitors/${visitorId}`), [visitorId]);
  const history = useLoad(() => get<HistoryEntry[]>(`/visitors/${visitorId}/history`), [visitorId]);
  const reload = () => (view.reload(), history.reload());
  return (
    <section>
      <LoadState loaded={view}>
        {() => (
          <>
            <h1>{own ? 'Mine timer og kurser' : view.data!.name}</h1>
            <VolunteerSummary v={view.data!} />
            {!own && <VolunteerSteps key={`${view.data!.status}`} v={view.data!} reload={reload} />}
          </>
        )}
      </LoadState>
      <h2>Forløb</h2>
      <LoadState loaded={history}>
        {() => (
          <ol class="timeline" aria-label="Den frivilliges forløb">
            {history.data!.map((e) => (
              <li key={e.revision}>
                <strong>{e.label}</strong> <span class="muted">{dateTime(e.at)}</span>
                {detail(e) && <div>{detail(e)}</div>}
              </li>
            ))}
          </ol>
        )}
      </LoadState>
    </section>
  );
}
