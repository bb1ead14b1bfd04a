import { useState } from 'preact/hooks';
import type { OnwardDestination } from '../../../../domain/shared/course-codes';
import { CommandError, useCommand } from '../../command';
import { date, fromLocalInput, nowForInput } from '../../format';
import { label, ONWARD } from '../../labels';
import { Field, SelectField } from '../../ui';
import type { CaseView } from './case-view';

/**
 * "Henvis videre" (issue #19): the citizen needs help the programme cannot give
 * (seed 003: "hvor borgeren har brug for anden hjælp og behandling"); the case
 * stays open, or ends as transferred to professionals.
 */
export function ReferOnward({ c, etag, done, refresh }: { c: CaseView; etag?: string | undefined; done: () => void; refresh: () => void }) {
  const refer = useCommand(done);
  const [to, setTo] = useState<OnwardDestination>('kommunal_brobygger');
  const [reason, setReason] = useState('');
  const [at, setAt] = useState(nowForInput());
  const [close, setClose] = useState(false);
  const [errors, setErrors] = useState<{ reason?: string; at?: string }>({});
  const submit = (event: Event) => {
    event.preventDefault();
    const when = fromLocalInput(at);
    const found = { ...(!reason.trim() && { reason: 'Skriv hvorfor borgeren henvises videre.' }), ...(!when && { at: 'Skriv dato og tid.' }) };
    setErrors(found);
    if (Object.keys(found).length === 0) void refer.send(`/cases/${c.caseId}/referred-onward`, { to, reason: reason.trim(), at: when, ...(close && { close: true }) }, etag);
  };
  return (
    <div class="card">
      {(c.referredOnward ?? []).length > 0 && (
        <ul class="plain">
          {c.referredOnward!.map((r) => (
            <li key={r.at}>
              Henvist videre til {label(ONWARD, r.to).toLowerCase()} {date(r.at)}
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>Henvis borgeren videre</summary>
        <form class="form" onSubmit={submit} noValidate>
          <CommandError error={refer.error} onRefresh={refresh} />
          <SelectField label="Henvist til" value={to} onChange={setTo} options={ONWARD} />
          <Field label="Hvorfor henvises borgeren videre?" error={errors.reason} required>
            {(a) => <textarea {...a} rows={2} maxLength={2000} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}
          </Field>
          <Field label="Henvist den" error={errors.at} required>
            {(a) => <input {...a} type="datetime-local" value={at} onInput={(e) => setAt(e.currentTarget.value)} />}
          </Field>
          <label class="check">
            <input type="checkbox" checked={close} onChange={(e) => setClose(e.currentTarget.checked)} /> Afslut sagen som overdraget til fagprofessionelle
          </label>
          <button type="submit" disabled={refer.busy}>
            Henvis videre
          </button>
        </form>
      </details>
    </div>
  );
}
