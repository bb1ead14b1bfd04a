import { useState } from 'preact/hooks';
import type { AppointmentWith } from '../../../../domain/shared/companion-codes';
import { helperWord } from '../../../../domain/shared/helper-words';
import { CommandError, useCommand } from '../../command';
import { dateTime, fromLocalInput, nowForInput } from '../../format';
import { label } from '../../labels';
import { Field, SelectField } from '../../ui';
import type { Appointment, CaseView } from '../case/case-view';
import { APPOINTMENT_WITH } from '../../course-labels';
import { Fold } from './Fold';

type Props = { c: CaseView; etag?: string | undefined; done: (what: string) => void; refresh: () => void };

const STATUS: Record<Appointment['status'], string> = { scheduled: 'Planlagt', accompanied: 'Var med', cancelled: 'Aflyst' };

/**
 * "Møder med ledsagelse": the companion's appointments (seed 002: "støtte før,
 * under og efter en samtale"): before (whom, why, when, how to prepare),
 * during and after (went along, the debrief), or cancelled.
 */
export function AppointmentsCard({ c, etag, done, refresh }: Props) {
  const schedule = useCommand(() => done('Mødet er registreret.'));
  const [whom, setWhom] = useState<AppointmentWith>('kommune_jobcenter');
  const [purpose, setPurpose] = useState('');
  const [at, setAt] = useState(nowForInput(7));
  const [preparation, setPreparation] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const appointments = c.appointments ?? [];

  const submit = (event: Event) => {
    event.preventDefault();
    const when = fromLocalInput(at);
    const found = { ...(!purpose.trim() && { purpose: 'Skriv hvad mødet handler om.' }), ...(!when && { at: 'Skriv dato og tid for mødet.' }) };
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    void schedule.send(`/cases/${c.caseId}/appointments`, { with: whom, purpose: purpose.trim(), at: when, ...(preparation.trim() && { preparation: preparation.trim() }) }, etag);
  };

  return (
    <div class="card appointments">
      <h2>Møder med ledsagelse</h2>
      {appointments.length === 0 ? (
        <p class="muted">Ingen møder registreret.</p>
      ) : (
        <ul class="plain">
          {appointments.map((a) => (
            <li key={a.appointmentId}>
              <strong>{label(APPOINTMENT_WITH, a.with)}</strong> {dateTime(a.at)} <span class={`badge${a.status === 'cancelled' ? ' badge-paused' : ''}`}>{STATUS[a.status]}</span>
              <p>{a.purpose}</p>
              {a.preparation && <p class="muted">Forberedelse: {a.preparation}</p>}
              {a.debrief && <p class="muted">Efter mødet: {a.debrief}</p>}
              {a.cancelReason && <p class="muted">Aflyst: {a.cancelReason}</p>}
              {a.status === 'scheduled' && c.status === 'Active' && <AppointmentActions c={c} a={a} etag={etag} done={done} refresh={refresh} />}
            </li>
          ))}
        </ul>
      )}
      {c.status === 'Active' && (
        <Fold summary="Nyt møde">
          {() => (
            <form class="form" onSubmit={submit} noValidate>
              <CommandError error={schedule.error} onRefresh={refresh} />
              <SelectField label="Møde med" value={whom} onChange={setWhom} options={APPOINTMENT_WITH} />
              <Field label="Hvad handler mødet om" error={errors.purpose} required>
                {(attrs) => <textarea {...attrs} rows={2} maxLength={2000} value={purpose} onInput={(e) => setPurpose(e.currentTarget.value)} />}
              </Field>
              <Field label="Mødet er" error={errors.at} required>
                {(attrs) => <input {...attrs} type="datetime-local" value={at} onInput={(e) => setAt(e.currentTarget.value)} />}
              </Field>
              <Field label="Forberedelse" hint="Fx spørgsmål I skriver ned sammen">
                {(attrs) => <textarea {...attrs} rows={2} maxLength={10000} value={preparation} onInput={(e) => setPreparation(e.currentTarget.value)} />}
              </Field>
              <button type="submit" disabled={schedule.busy}>
                Gem mødet
              </button>
            </form>
          )}
        </Fold>
      )}
    </div>
  );
}

/** For a planned appointment: the helper was there (and the talk afterwards), or it is cancelled. */
function AppointmentActions({ c, a, etag, done, refresh }: Props & { a: Appointment }) {
  const went = useCommand(() => done('Registreret: du var med til mødet.'));
  const cancel = useCommand(() => done('Mødet er aflyst.'));
  const [at, setAt] = useState(nowForInput());
  const [debrief, setDebrief] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const what = `${label(APPOINTMENT_WITH, a.with).toLowerCase()} ${dateTime(a.at)}`;

  const submitWent = (event: Event) => {
    event.preventDefault();
    const when = fromLocalInput(at);
    const found = { ...(!when && { at: 'Skriv hvornår.' }), ...(!debrief.trim() && { debrief: 'Skriv kort hvad I talte om bagefter.' }) };
    setErrors(found);
    if (Object.keys(found).length === 0) void went.send(`/cases/${c.caseId}/appointments/${a.appointmentId}/accompanied`, { at: when, debrief: debrief.trim() }, etag);
  };
  const submitCancel = (event: Event) => {
    event.preventDefault();
    if (!reason.trim()) return setErrors({ reason: 'Skriv hvorfor mødet aflyses.' });
    void cancel.send(`/cases/${c.caseId}/appointments/${a.appointmentId}/cancel`, { reason: reason.trim() }, etag);
  };

  return (
    <>
      <Fold summary={`${helperWord(c.programme, 'definite').replace(/^./, (x) => x.toUpperCase())} var med: ${what}`}>
        {() => (
          <form class="form" onSubmit={submitWent} noValidate>
            <CommandError error={went.error} onRefresh={refresh} />
            <Field label="Hvornår var I afsted" error={errors.at} required>
              {(attrs) => <input {...attrs} type="datetime-local" value={at} onInput={(e) => setAt(e.currentTarget.value)} />}
            </Field>
            <Field label="Efter mødet" hint="Hvad talte I om bagefter?" error={errors.debrief} required>
              {(attrs) => <textarea {...attrs} rows={2} maxLength={10000} value={debrief} onInput={(e) => setDebrief(e.currentTarget.value)} />}
            </Field>
            <button type="submit" disabled={went.busy}>
              Registrér
            </button>
          </form>
        )}
      </Fold>
      <Fold summary={`Aflys mødet: ${what}`}>
        {() => (
          <form class="form" onSubmit={submitCancel} noValidate>
            <CommandError error={cancel.error} onRefresh={refresh} />
            <Field label="Hvorfor aflyses mødet?" error={errors.reason} required>
              {(attrs) => <input {...attrs} maxLength={2000} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}
            </Field>
            <button type="submit" class="danger" disabled={cancel.busy}>
              Aflys
            </button>
          </form>
        )}
      </Fold>
    </>
  );
}
