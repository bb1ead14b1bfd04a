import { useState } from 'preact/hooks';
import { nextSlotFrom, slotInDanish } from '../../../../domain/shared/visit-slot';
import { CommandError, useCommand } from '../../command';
import { date, DateTime, fromLocalInput, longDateTime, nowForInput, toLocalInput } from '../../format';
import { Field, Notice, SelectField } from '../../ui';
import type { CaseView } from './case-view';

type Props = { c: CaseView; etag?: string | undefined; done: () => void; refresh: () => void };

const WEEKDAYS = { '1': 'Mandag', '2': 'Tirsdag', '3': 'Onsdag', '4': 'Torsdag', '5': 'Fredag', '6': 'Lørdag', '7': 'Søndag' } as const;
const EVERY = { '1': 'Hver uge', '2': 'Hver 2. uge', '3': 'Hver 3. uge', '4': 'Hver 4. uge' } as const;

/**
 * The visit plan on a case (issue #17): book the next visit when none is
 * agreed, the fixed time, and a pause (a hospital stay, a holiday) with its end.
 */
export function VisitSchedule({ c, etag, done, refresh }: Props) {
  const props = { c, etag, done, refresh };
  if (c.pause) return <Paused {...props} pause={c.pause} />;
  return (
    <div class="card">
      {c.status === 'Active' && !c.nextVisitAt && <BookNextVisit {...props} />}
      <div class={c.status === 'Active' && !c.nextVisitAt ? 'secondary-action' : undefined}>
        {c.status === 'Active' && <AgreeSlot {...props} />}
        <Pause {...props} />
      </div>
    </div>
  );
}

/** The citizen must know the time: "ringer vi altid inden". */
export function Notified({ id, checked, onChange, error, text }: { id: string; checked: boolean; onChange: (checked: boolean) => void; error: string | undefined; text: string }) {
  return (
    <div class={`field${error ? ' field-invalid' : ''}`}>
      <label class="check">
        <input type="checkbox" checked={checked} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? id : undefined} onChange={(e) => onChange(e.currentTarget.checked)} />
        {text}
      </label>
      {error && (
        <span id={id} class="field-error">
          {error}
        </span>
      )}
    </div>
  );
}

function BookNextVisit({ c, etag, done, refresh }: Props) {
  // With a fixed time agreed: its next slot from now (the one that fell out is past or cancelled), else empty.
  const proposal = c.visitSlot ? toLocalInput(DateTime.fromISO(nextSlotFrom(c.visitSlot, DateTime.now().toISO()!))) : '';
  const [at, setAt] = useState(proposal);
  const [notified, setNotified] = useState(false);
  const [errors, setErrors] = useState<{ at?: string; notified?: string }>({});
  const book = useCommand(done);
  const submit = (event: Event) => {
    event.preventDefault();
    const when = fromLocalInput(at);
    const found = { ...(!when && { at: 'Skriv dato og tid for næste besøg.' }), ...(!notified && { notified: 'Ring altid til borgeren, før et besøg aftales.' }) };
    setErrors(found);
    if (when && notified) void book.send(`/cases/${c.caseId}/visits/book`, { visitAt: when, citizenNotified: true }, etag);
  };
  return (
    <form class="form" onSubmit={submit} noValidate>
      <h2>Aftal næste besøg</h2>
      <p class="muted">Der er ikke aftalt et næste besøg{c.visitSlot ? `; den faste tid er ${slotInDanish(c.visitSlot)}` : ''}.</p>
      <CommandError error={book.error} onRefresh={refresh} />
      <Field label="Næste besøg" error={errors.at} required>
        {(a) => <input {...a} type="datetime-local" value={at} onInput={(e) => setAt(e.currentTarget.value)} />}
      </Field>
      <Notified id={`book-notified-${c.caseId}`} checked={notified} onChange={setNotified} error={errors.notified} text="Borgeren er ringet op og kender tidspunktet" />
      <button type="submit" class="primary" disabled={book.busy}>
        Aftal besøget
      </button>
    </form>
  );
}

function AgreeSlot({ c, etag, done, refresh }: Props) {
  const [weekday, setWeekday] = useState(String(c.visitSlot?.weekday ?? 2));
  const [time, setTime] = useState(c.visitSlot?.time ?? '10:00');
  const [every, setEvery] = useState(String(c.visitSlot?.everyWeeks ?? 1));
  const [error, setError] = useState<string>();
  const agree = useCommand(done);
  const submit = (event: Event) => {
    event.preventDefault();
    const ok = /^([01]\d|2[0-3]):[0-5]\d$/.test(time);
    setError(ok ? undefined : 'Skriv klokkeslættet som tt:mm, fx 10:00.');
    if (ok) void agree.send(`/cases/${c.caseId}/visit-slot`, { weekday: Number(weekday), time, everyWeeks: Number(every) }, etag);
  };
  return (
    <details>
      <summary>{c.visitSlot ? `Fast besøgstid: ${slotInDanish(c.visitSlot)}` : 'Aftal fast besøgstid'}</summary>
      <form class="form" onSubmit={submit} noValidate>
        <CommandError error={agree.error} onRefresh={refresh} />
        <SelectField label="Ugedag" value={weekday} onChange={setWeekday} options={WEEKDAYS} />
        <Field label="Klokkeslæt" error={error} required>
          {(a) => <input {...a} type="time" value={time} onInput={(e) => setTime(e.currentTarget.value)} />}
        </Field>
        <SelectField label="Hvor ofte" value={every} onChange={setEvery} options={EVERY} />
        <button type="submit" disabled={agree.busy}>
          Gem fast tid
        </button>
      </form>
    </details>
  );
}

function Pause({ c, etag, done, refresh }: Props) {
  const [reason, setReason] = useState('');
  const [at, setAt] = useState(nowForInput());
  const [until, setUntil] = useState('');
  const [errors, setErrors] = useState<{ reason?: string; at?: string; until?: string }>({});
  const pause = useCommand(done);
  const submit = (event: Event) => {
    event.preventDefault();
    const from = fromLocalInput(at);
    const to = until ? fromLocalInput(`${until}T12:00`) : undefined;
    const found = {
      ...(!reason.trim() && { reason: 'Skriv hvorfor besøgene holder pause, fx indlæggelse.' }),
      ...(!from && { at: 'Skriv hvornår pausen begyndte.' }),
      ...(from && to && to <= from && { until: 'Pausen skal slutte, efter den er begyndt.' }),
    };
    setErrors(found);
    if (Object.keys(found).length === 0) void pause.send(`/cases/${c.caseId}/pause`, { reason: reason.trim(), at: from, ...(to && { until: to }) }, etag);
  };
  return (
    <details>
      <summary>Sæt besøgene på pause</summary>
      <form class="form" onSubmit={submit} noValidate>
        <p class="muted">Fx indlæggelse eller ferie. Et aftalt besøg udgår, og sagen er ikke over tid, mens den holder pause.</p>
        <CommandError error={pause.error} onRefresh={refresh} />
        <Field label="Årsag til pausen" error={errors.reason} required>
          {(a) => <textarea {...a} rows={2} maxLength={2000} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}
        </Field>
        <Field label="Pause fra" error={errors.at} required>
          {(a) => <input {...a} type="datetime-local" value={at} onInput={(e) => setAt(e.currentTarget.value)} />}
        </Field>
        <Field label="Forventet slut" hint="Kan udelades" error={errors.until}>
          {(a) => <input {...a} type="date" value={until} onInput={(e) => setUntil(e.currentTarget.value)} />}
        </Field>
        <button type="submit" disabled={pause.busy}>
          Sæt på pause
        </button>
      </form>
    </details>
  );
}

function Paused({ c, etag, done, refresh, pause }: Props & { pause: NonNullable<CaseView['pause']> }) {
  const [at, setAt] = useState(nowForInput());
  const [error, setError] = useState<string>();
  const resume = useCommand(done);
  const submit = (event: Event) => {
    event.preventDefault();
    const when = fromLocalInput(at);
    setError(when ? undefined : 'Skriv hvornår besøgene genoptages.');
    if (when) void resume.send(`/cases/${c.caseId}/resume`, { at: when }, etag);
  };
  return (
    <div class="card">
      <h2>Besøgene holder pause</h2>
      <Notice kind="info">
        På pause siden {longDateTime(pause.at)}
        {pause.until && `, forventet til ${date(pause.until)}`}: {pause.reason}
      </Notice>
      <form class="form" onSubmit={submit} noValidate>
        <CommandError error={resume.error} onRefresh={refresh} />
        <Field label="Genoptages" error={error} required>
          {(a) => <input {...a} type="datetime-local" value={at} onInput={(e) => setAt(e.currentTarget.value)} />}
        </Field>
        <button type="submit" class="primary" disabled={resume.busy}>
          Genoptag besøgene
        </button>
      </form>
    </div>
  );
}
