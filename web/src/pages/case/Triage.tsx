import { useState } from 'preact/hooks';
import type { Priority, Track } from '../../../../domain/shared/codes';
import { DECLINE, PRIORITY, TRACK } from '../../labels';
import { CommandError, useCommand } from '../../command';
import { fromLocalInput } from '../../format';
import { Field, Notice, SelectField } from '../../ui';
import type { CaseView } from './case-view';

/** Vurdering: a volunteer can take it, or a professional must; the rule on suicidal thoughts is the server's, explained when it refuses. */
export function Triage({ c, etag, done, refresh }: { c: CaseView; etag?: string | undefined; done: () => void; refresh: () => void }) {
  const [track, setTrack] = useState<Track>('volunteer');
  const [priority, setPriority] = useState<Priority>('normal');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  // Empty: triaged now. Filled: when it was done, e.g. on paper before it was entered here.
  const [triagedAt, setTriagedAt] = useState('');
  const command = useCommand(done);
  const decline = useCommand(done);
  const [declineReason, setDeclineReason] = useState('declined_by_citizen');
  const suicidal = [...c.needs, ...c.riskFlags].includes('suicidal_thoughts');

  const submit = (event: Event) => {
    event.preventDefault();
    if (!reason.trim()) return setReasonError('Skriv kort, hvorfor sagen vurderes sådan.');
    setReasonError(undefined);
    const at = fromLocalInput(triagedAt);
    void command.send(`/cases/${c.caseId}/triage`, { track, priority, reason: reason.trim(), ...(at && { at }) }, etag);
  };

  return (
    <div class="card">
      <h2>Vurdering</h2>
      {suicidal && (
        <Notice kind="info">
          Borgeren har selvmordstanker. Sagen skal på det faglige spor og varetages af en ansat eller en frivillig med faglig baggrund.
        </Notice>
      )}
      <form class="form" onSubmit={submit} noValidate>
        <CommandError error={command.error} onRefresh={refresh} />
        <fieldset class="radios">
          <legend>Spor</legend>
          {(Object.keys(TRACK) as Track[]).map((t) => (
            <label key={t} class="check">
              <input type="radio" name="track" value={t} checked={track === t} onChange={() => setTrack(t)} />
              {t === 'volunteer' ? 'En frivillig kan tage sagen' : 'En ansat eller frivillig med faglig baggrund skal tage sagen'}
            </label>
          ))}
        </fieldset>
        <SelectField label="Prioritet" value={priority} onChange={setPriority} options={PRIORITY} />
        <Field label="Begrundelse" error={reasonError} required>
          {(a) => <textarea {...a} rows={2} maxLength={2000} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}
        </Field>
        <Field label="Vurderet" hint="Kun hvis sagen blev vurderet tidligere, fx på papir. Tomt felt: nu.">
          {(a) => <input {...a} type="datetime-local" value={triagedAt} onInput={(e) => setTriagedAt(e.currentTarget.value)} />}
        </Field>
        <div class="actions">
          <button type="submit" class="primary" disabled={command.busy}>
            Vurdér og læg i ventemappen
          </button>
        </div>
      </form>
      <details class="secondary-action">
        <summary>Afvis henvisningen</summary>
        <form class="form" onSubmit={(e) => (e.preventDefault(), void decline.send(`/cases/${c.caseId}/decline`, { reason: declineReason }, etag))}>
          <CommandError error={decline.error} onRefresh={refresh} />
          <SelectField label="Årsag" value={declineReason} onChange={setDeclineReason} options={DECLINE} />
          <button type="submit" class="danger" disabled={decline.busy}>
            Afvis henvisning
          </button>
        </form>
      </details>
    </div>
  );
}
