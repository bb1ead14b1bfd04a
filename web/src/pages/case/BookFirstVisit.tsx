import { useState } from 'preact/hooks';
import { helperWord } from '../../../../domain/shared/helper-words';
import { CommandError, useCommand } from '../../command';
import { fromLocalInput, nowForInput } from '../../format';
import { Field } from '../../ui';
import type { CaseView } from './case-view';
import { VisitorPicker } from './VisitorPicker';
import { SuggestedVisitors } from '../matching/SuggestedVisitors';

/** A place is free: book the first visit; the visit card gets the visitor's name and phone. */
export function BookFirstVisit({ c, etag, done, refresh }: { c: CaseView; etag?: string | undefined; done: () => void; refresh: () => void }) {
  const [visitorId, setVisitorId] = useState('');
  const [visitAt, setVisitAt] = useState(nowForInput(7));
  // Empty: booked now. Filled: when the time was agreed with the citizen, if earlier.
  const [bookedAt, setBookedAt] = useState('');
  const [errors, setErrors] = useState<{ visitorId?: string; visitAt?: string }>({});
  const command = useCommand(done);

  const submit = (event: Event) => {
    event.preventDefault();
    const at = fromLocalInput(visitAt);
    const found = { ...(!visitorId && { visitorId: `Vælg en ${helperWord(c.programme)}.` }), ...(!at && { visitAt: 'Skriv dato og tid for første besøg.' }) };
    setErrors(found);
    const booked = fromLocalInput(bookedAt);
    if (Object.keys(found).length === 0) void command.send(`/cases/${c.caseId}/first-visit`, { visitorId, visitAt: at, ...(booked && { at: booked }) }, etag);
  };

  return (
    <form class="card form" onSubmit={submit} noValidate>
      <h2>Book første besøg</h2>
      <CommandError error={command.error} onRefresh={refresh} />
      <SuggestedVisitors caseId={c.caseId} programme={c.programme} selected={visitorId} onPick={setVisitorId} />
      <VisitorPicker programme={c.programme} track={c.track} value={visitorId} onChange={setVisitorId} error={errors.visitorId} />
      <Field label="Første besøg" error={errors.visitAt} required>
        {(a) => <input {...a} type="datetime-local" value={visitAt} onInput={(e) => setVisitAt(e.currentTarget.value)} />}
      </Field>
      <Field label="Aftalt med borgeren" hint="Kun hvis tiden blev aftalt tidligere end nu. Tomt felt: nu.">
        {(a) => <input {...a} type="datetime-local" value={bookedAt} onInput={(e) => setBookedAt(e.currentTarget.value)} />}
      </Field>
      <div class="actions">
        <button type="submit" class="primary" disabled={command.busy}>
          Book første besøg
        </button>
      </div>
    </form>
  );
}
