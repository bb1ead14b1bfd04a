import { DateTime } from 'luxon';
import { useState } from 'preact/hooks';
import type { CancelledBy, Need } from '../../../../domain/shared/codes';
import { CommandError, useCommand } from '../../command';
import { fromLocalInput, longDateTime, nowForInput, toLocalInput } from '../../format';
import { NEED } from '../../labels';
import { helperWord, HelperWord } from '../../../../domain/shared/helper-words';
import { Field, SelectField } from '../../ui';
import type { CaseView } from './case-view';
import { Notified } from './VisitSchedule';

/** Who cancelled, the helper named as the case's programme does. */
const cancelledBy = (programme: string): Record<CancelledBy, string> => ({ citizen: 'Borgeren', visitor: HelperWord(programme, 'definite') });

type Props = { c: CaseView; etag?: string | undefined; done: () => void; refresh: () => void };

/**
 * The next agreed visit, moved or cancelled (the same visitor keeps the fixed
 * time otherwise), and a risk flagged by hand, e.g. after a worrying call.
 */
export function VisitPlanActions({ c, etag, done, refresh }: Props) {
  return (
    <div class="card">
      {c.nextVisitAt && <MoveVisit {...{ c, etag, done, refresh }} at={c.nextVisitAt} />}
      {c.nextVisitAt && <CancelVisit {...{ c, etag, done, refresh }} at={c.nextVisitAt} />}
      <FlagRisk {...{ c, etag, done, refresh }} />
    </div>
  );
}

function MoveVisit({ c, etag, done, refresh, at }: Props & { at: string }) {
  // A visit usually moves by a day or so: start from the agreed time plus one day.
  const [to, setTo] = useState(() => toLocalInput(DateTime.fromISO(at).plus({ days: 1 })));
  const [notified, setNotified] = useState(false);
  const [errors, setErrors] = useState<{ to?: string; notified?: string }>({});
  const move = useCommand(done);
  const submit = (event: Event) => {
    event.preventDefault();
    const when = fromLocalInput(to);
    const found = { ...(!when && { to: 'Skriv dato og tid for det nye besøg.' }), ...(!notified && { notified: 'Ring altid til borgeren, før et besøg flyttes.' }) };
    setErrors(found);
    if (when && notified) void move.send(`/cases/${c.caseId}/visits/reschedule`, { from: at, to: when, citizenNotified: true }, etag);
  };
  return (
    <details>
      <summary>Flyt næste besøg</summary>
      <form class="form" onSubmit={submit} noValidate>
        <CommandError error={move.error} onRefresh={refresh} />
        <p>Aftalt: {longDateTime(at)}</p>
        <Field label="Nyt tidspunkt" error={errors.to} required>
          {(a) => <input {...a} type="datetime-local" value={to} onInput={(e) => setTo(e.currentTarget.value)} />}
        </Field>
        <div class={`field${errors.notified ? ' field-invalid' : ''}`}>
          <label class="check">
            <input
              type="checkbox"
              checked={notified}
              aria-invalid={errors.notified ? 'true' : undefined}
              aria-describedby={errors.notified ? `notified-error-${c.caseId}` : undefined}
              onChange={(e) => setNotified(e.currentTarget.checked)}
            />
            Borgeren er ringet op og kender det nye tidspunkt
          </label>
          {errors.notified && (
            <span id={`notified-error-${c.caseId}`} class="field-error">
              {errors.notified}
            </span>
          )}
        </div>
        <button type="submit" disabled={move.busy}>
          Flyt besøget
        </button>
      </form>
    </details>
  );
}

function CancelVisit({ c, etag, done, refresh, at }: Props & { at: string }) {
  const [by, setBy] = useState<CancelledBy>('citizen');
  const [reason, setReason] = useState('');
  const [notified, setNotified] = useState(false);
  const [errors, setErrors] = useState<{ reason?: string; notified?: string }>({});
  const cancel = useCommand(done);
  // The citizen cancelled: they know. The visitor cancelled: we always call first.
  const mustCall = by === 'visitor';
  const submit = (event: Event) => {
    event.preventDefault();
    const found = { ...(!reason.trim() && { reason: 'Skriv hvorfor besøget aflyses.' }), ...(mustCall && !notified && { notified: `Ring altid til borgeren, før ${helperWord(c.programme, 'definite')} aflyser.` }) };
    setErrors(found);
    if (Object.keys(found).length === 0) void cancel.send(`/cases/${c.caseId}/visits/cancel`, { at, by, reason: reason.trim(), ...(mustCall && { citizenNotified: true }) }, etag);
  };
  return (
    <details>
      <summary>Aflys næste besøg</summary>
      <form class="form" onSubmit={submit} noValidate>
        <CommandError error={cancel.error} onRefresh={refresh} />
        <p>Aftalt: {longDateTime(at)}</p>
        <SelectField label="Aflyst af" value={by} onChange={setBy} options={cancelledBy(c.programme)} />
        <Field label="Årsag til aflysningen" error={errors.reason} required>
          {(a) => <textarea {...a} rows={2} maxLength={2000} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}
        </Field>
        {mustCall && <Notified id={`cancel-notified-${c.caseId}`} checked={notified} onChange={setNotified} error={errors.notified} text="Borgeren er ringet op og ved, at besøget er aflyst" />}
        <button type="submit" disabled={cancel.busy}>
          Aflys besøget
        </button>
      </form>
    </details>
  );
}

function FlagRisk({ c, etag, done, refresh }: Props) {
  // No risk chosen beforehand: a risk is flagged because it was seen, never by default.
  const [risk, setRisk] = useState<Need | ''>('');
  const [note, setNote] = useState('');
  const [at, setAt] = useState(nowForInput());
  const [errors, setErrors] = useState<{ risk?: string; note?: string; at?: string }>({});
  const flag = useCommand(done);
  const submit = (event: Event) => {
    event.preventDefault();
    const when = fromLocalInput(at);
    const found = { ...(!risk && { risk: 'Vælg hvilken risiko.' }), ...(!note.trim() && { note: 'Skriv hvad der er set eller sagt.' }), ...(!when && { at: 'Skriv dato og tid.' }) };
    setErrors(found);
    if (risk && when && note.trim()) void flag.send(`/cases/${c.caseId}/risks`, { risk, note: note.trim(), at: when }, etag);
  };
  return (
    <details>
      <summary>Registrér en risiko</summary>
      <form class="form" onSubmit={submit} noValidate>
        <CommandError error={flag.error} onRefresh={refresh} />
        <SelectField label="Risiko" value={risk} onChange={setRisk} options={NEED} empty="Vælg risiko" error={errors.risk} />
        <Field label="Hvad er set eller sagt" error={errors.note} required>
          {(a) => <textarea {...a} rows={2} maxLength={2000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />}
        </Field>
        <Field label="Tidspunkt" error={errors.at}>
          {(a) => <input {...a} type="datetime-local" value={at} onInput={(e) => setAt(e.currentTarget.value)} />}
        </Field>
        <button type="submit" class="danger" disabled={flag.busy}>
          Registrér risiko
        </button>
      </form>
    </details>
  );
}
