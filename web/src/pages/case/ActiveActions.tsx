import { useState } from 'preact/hooks';
import { CLOSURE } from '../../labels';
import { CommandError, useCommand } from '../../command';
import { fromLocalInput, nowForInput } from '../../format';
import { Field, SelectField } from '../../ui';
import type { CaseView } from './case-view';
import { VisitorPicker } from './VisitorPicker';

/** Reassigning the visitor (continuity breaks only on purpose), and closing the case. */
export function ActiveActions({ c, etag, done, refresh }: { c: CaseView; etag?: string | undefined; done: () => void; refresh: () => void }) {
  const [toVisitorId, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ to?: string; reason?: string; at?: string }>({});
  const reassign = useCommand(done);
  const close = useCommand(done);
  const [closeReason, setCloseReason] = useState('relation_established');
  const [closeAt, setCloseAt] = useState(nowForInput());

  const submitReassign = (event: Event) => {
    event.preventDefault();
    const found = { ...(!toVisitorId && { to: 'Vælg den nye besøgsven.' }), ...(!reason.trim() && { reason: 'Skriv hvorfor sagen omfordeles.' }) };
    setErrors(found);
    if (Object.keys(found).length === 0) void reassign.send(`/cases/${c.caseId}/reassign`, { toVisitorId, reason: reason.trim() }, etag);
  };
  const submitClose = (event: Event) => {
    event.preventDefault();
    const at = fromLocalInput(closeAt);
    if (!at) return setErrors({ at: 'Skriv dato og tid for afslutningen.' });
    void close.send(`/cases/${c.caseId}/close`, { reason: closeReason, at }, etag);
  };

  return (
    <div class="card">
      <details>
        <summary>Omfordel til en anden besøgsven</summary>
        <form class="form" onSubmit={submitReassign} noValidate>
          <CommandError error={reassign.error} onRefresh={refresh} />
          <VisitorPicker track={c.track} programme={c.programme} value={toVisitorId} onChange={setTo} error={errors.to} exclude={c.visitorId} />
          <Field label="Begrundelse" error={errors.reason} required>
            {(a) => <textarea {...a} rows={2} maxLength={2000} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}
          </Field>
          <button type="submit" disabled={reassign.busy}>
            Omfordel
          </button>
        </form>
      </details>
      <details>
        <summary>Afslut sagen</summary>
        <form class="form" onSubmit={submitClose} noValidate>
          <CommandError error={close.error} onRefresh={refresh} />
          <SelectField label="Årsag" value={closeReason} onChange={setCloseReason} options={CLOSURE} />
          <Field label="Afsluttet den" error={errors.at}>
            {(a) => <input {...a} type="datetime-local" value={closeAt} onInput={(e) => setCloseAt(e.currentTarget.value)} />}
          </Field>
          <button type="submit" class="danger" disabled={close.busy}>
            Afslut sag
          </button>
        </form>
      </details>
    </div>
  );
}
