import { HelperWord } from '../../../../domain/shared/helper-words';
import { useState } from 'preact/hooks';
import { get, query } from '../../api';
import { HistoryEntry, Timeline } from '../../components/Timeline';
import { dateTime } from '../../format';
import { label, PRIORITY, PROGRAMME, STATUS, TRACK, VISITOR_KIND } from '../../labels';
import { Field, Link, LoadState, useLoad } from '../../ui';
import type { CaseView } from '../case/case-view';

type Axis = 'occurred' | 'recorded';

/** A case's timeline with a slider that replays the case as it stood after each event, by business time or by recorded time. */
export function Replay({ caseId }: { caseId: string }) {
  const history = useLoad(() => get<HistoryEntry[]>(`/cases/${caseId}/history`), [caseId]);
  return <LoadState loaded={history}>{() => <Replayer caseId={caseId} entries={history.data!} />}</LoadState>;
}

function Replayer({ caseId, entries }: { caseId: string; entries: HistoryEntry[] }) {
  const [axis, setAxis] = useState<Axis>('occurred');
  const instants = [...new Set(entries.map((e) => (axis === 'recorded' ? e.recordedAt : e.occurredAt)))].sort();
  const [step, setStep] = useState(instants.length - 1);
  const at = Math.min(step, instants.length - 1);
  const asOf = instants[at]!;
  const state = useLoad(() => get<CaseView & { asOf: string; events: number }>(`/cases/${caseId}/replay${query({ asOf, time: axis })}`), [asOf, axis]);
  const pseudonym = typeof state.data?.citizen === 'string' ? state.data.citizen : undefined;

  return (
    <section>
      <p>
        <Link href="/app/evaluering">← Evaluering</Link>
      </p>
      <h1>Sag {pseudonym ?? caseId.slice(0, 8)}</h1>
      <div class="card replay-controls">
        <fieldset class="radios inline">
          <legend>Tidsakse</legend>
          <label class="check">
            <input type="radio" name="axis" checked={axis === 'occurred'} onChange={() => (setAxis('occurred'), setStep(Number.MAX_SAFE_INTEGER))} />
            Hvad der var sket (forretningstid)
          </label>
          <label class="check">
            <input type="radio" name="axis" checked={axis === 'recorded'} onChange={() => (setAxis('recorded'), setStep(Number.MAX_SAFE_INTEGER))} />
            Hvad vi vidste (registreringstid)
          </label>
        </fieldset>
        <Field label={`Sagen som den stod ${dateTime(asOf)}`} hint={`Trin ${at + 1} af ${instants.length}`}>
          {(a) => <input {...a} type="range" min={0} max={instants.length - 1} step={1} value={at} aria-valuetext={dateTime(asOf)} onInput={(e) => setStep(Number(e.currentTarget.value))} />}
        </Field>
      </div>
      <div class="columns">
        <div class="card" aria-live="polite">
          <h2>Tilstand</h2>
          <LoadState loaded={state}>
            {() => {
              const c = state.data!;
              return (
                <dl class="facts">
                  <dt>Status</dt>
                  <dd>{c.declined ? 'Afvist' : label(STATUS, c.status)}</dd>
                  <dt>Ordning</dt>
                  <dd>{label(PROGRAMME as Record<string, string>, c.programme)}</dd>
                  <dt>Spor</dt>
                  <dd>{c.track ? `${label(TRACK as Record<string, string>, c.track)}${c.priority ? `, prioritet ${label(PRIORITY as Record<string, string>, c.priority).toLowerCase()}` : ''}` : '–'}</dd>
                  <dt>{HelperWord(c.programme)}</dt>
                  <dd>{c.visitorKind ? label(VISITOR_KIND as Record<string, string>, c.visitorKind) : '–'}</dd>
                  <dt>Næste besøg</dt>
                  <dd>{dateTime(c.nextVisitAt)}</dd>
                  <dt>Opgaver</dt>
                  <dd>
                    {c.tasks.filter((t) => t.status === 'open').length} i gang, {c.tasks.filter((t) => t.status === 'completed').length} løst
                  </dd>
                  <dt>UCLA-3</dt>
                  <dd>{c.assessments.length === 0 ? '–' : c.assessments.map((x) => x.score).join(' → ')}</dd>
                  <dt>Relationer</dt>
                  <dd>{c.relations.length}</dd>
                  <dt>Hændelser</dt>
                  <dd>{c.events}</dd>
                </dl>
              );
            }}
          </LoadState>
        </div>
        <div>
          <h2>Tidslinje</h2>
          <Timeline entries={entries} until={asOf} axis={axis} />
        </div>
      </div>
    </section>
  );
}
