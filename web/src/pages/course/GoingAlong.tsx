import { useState } from 'preact/hooks';
import { helperWord } from '../../../../domain/shared/helper-words';
import { CommandError, useCommand } from '../../command';
import { date, fromLocalInput, nowForInput } from '../../format';
import { Field } from '../../ui';
import { Fold } from './Fold';
import type { CaseView } from '../case/case-view';

type Props = { c: CaseView; etag?: string | undefined; done: (what: string) => void; refresh: () => void };

/** "Fulgtes med n gange, gik selv m gange": going alone is progress (seed 003). */
export function GoingAlongCounts({ c }: { c: CaseView }) {
  const g = c.goingAlong ?? { accompanied: 0, alone: 0 };
  return (
    <p class="going-along">
      <span class="count">
        <strong>{g.accompanied}</strong> {g.accompanied === 1 ? 'gang' : 'gange'} fulgt af {helperWord(c.programme, 'definite')}
      </span>
      <span class="count count-alone">
        <strong>{g.alone}</strong> {g.alone === 1 ? 'gang' : 'gange'} gået selv
      </span>
      {g.lastAloneAt && <span class="muted"> (senest {date(g.lastAloneAt)})</span>}
    </p>
  );
}

/**
 * Going along (seed 003: "følges med borgerne de første gange") or the citizen
 * going alone: the case's helper records it, from the phone too.
 */
export function GoingAlongCard({ c, etag, done, refresh }: Props) {
  const along = useCommand(() => done(`Registreret: ${helperWord(c.programme, 'definite')} fulgtes med.`));
  const alone = useCommand(() => done('Registreret: borgeren gik selv afsted.'));
  const [kind, setKind] = useState<'along' | 'alone'>('along');
  const [at, setAt] = useState(nowForInput());
  const [activity, setActivity] = useState('');
  const [firstTime, setFirstTime] = useState(!(c.goingAlong && c.goingAlong.accompanied > 0));
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const command = kind === 'along' ? along : alone;

  const submit = (event: Event) => {
    event.preventDefault();
    const when = fromLocalInput(at);
    const found = { ...(!when && { at: 'Skriv hvornår.' }), ...(!activity.trim() && { activity: 'Skriv hvortil, fx selvhjælpsgruppen eller Café Nygade.' }) };
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    if (kind === 'along') {
      void along.send(`/cases/${c.caseId}/accompaniments`, { at: when, to: { activity: activity.trim() }, visitorId: c.visitorId, firstTime, ...(note.trim() && { note: note.trim() }) }, etag);
    } else {
      void alone.send(`/cases/${c.caseId}/accompaniments/alone`, { at: when, activity: activity.trim() }, etag);
    }
  };

  return (
    <div class="card going-along-card">
      <h2>Følges ad</h2>
      <GoingAlongCounts c={c} />
      {c.status === 'Active' && (
        <Fold summary="Registrér: fulgtes med eller gik selv">
          {() => (
        <form class="form" onSubmit={submit} noValidate>
          <CommandError error={command.error} onRefresh={refresh} />
          <fieldset class="radios">
            <legend>Hvad skete der?</legend>
            <label class="check">
              <input type="radio" name="going" checked={kind === 'along'} onChange={() => setKind('along')} />
              Vi fulgtes ad
            </label>
            <label class="check">
              <input type="radio" name="going" checked={kind === 'alone'} onChange={() => setKind('alone')} />
              Borgeren gik selv
            </label>
          </fieldset>
          <Field label="Hvortil" error={errors.activity} required>
            {(a) => <input {...a} maxLength={500} value={activity} onInput={(e) => setActivity(e.currentTarget.value)} />}
          </Field>
          <Field label="Hvornår" error={errors.at} required>
            {(a) => <input {...a} type="datetime-local" value={at} onInput={(e) => setAt(e.currentTarget.value)} />}
          </Field>
          {kind === 'along' && (
            <>
              <label class="check">
                <input type="checkbox" checked={firstTime} onChange={(e) => setFirstTime(e.currentTarget.checked)} />
                Første gang borgeren kom der
              </label>
              <Field label="Note om turen">
                {(a) => <textarea {...a} rows={2} maxLength={10000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />}
              </Field>
            </>
          )}
          <button type="submit" disabled={command.busy}>
            Registrér
          </button>
        </form>
        )}
        </Fold>
      )}
    </div>
  );
}
