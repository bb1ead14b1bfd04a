import { useState } from 'preact/hooks';
import { MATERIALS, MEETING_KIND_DA } from '../../../../domain/partner/partner.codes';
import type { Material, MeetingKind } from '../../../../domain/partner/partner.codes';
import { ApiError, post } from '../../api';
import { fromLocalInput, nowForInput } from '../../format';
import { Checkboxes, Field, Notice, SelectField } from '../../ui';

const MATERIAL_DA = Object.fromEntries(MATERIALS.map((m) => [m, { henvisningskort: 'Henvisningskort', folder: 'Foldere', plakat: 'Plakat' }[m]])) as Record<Material, string>;

/** "Registrér møde": seed 002, "Husk også efter et stykke tid at gentage møderne med personalet", so the next contact is asked for too. */
export function RecordMeeting({ partnerId, onDone }: { partnerId: string; onDone: (text: string) => void }) {
  const [at, setAt] = useState(nowForInput());
  const [kind, setKind] = useState<MeetingKind | ''>('');
  const [attendees, setAttendees] = useState('1');
  const [materials, setMaterials] = useState<Material[]>([]);
  const [note, setNote] = useState('');
  const [next, setNext] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const when = fromLocalInput(at);
    const nextAt = next ? fromLocalInput(`${next}T09:00`) : undefined;
    const n = Number(attendees);
    if (!when) found.at = 'Skriv hvornår mødet blev holdt.';
    else if (Date.parse(when) > Date.now()) found.at = 'Mødet skal være holdt: tidspunktet kan ikke ligge i fremtiden.';
    if (!kind) found.kind = 'Vælg hvilket slags møde.';
    if (!(Number.isInteger(n) && n >= 1 && n <= 1000)) found.attendees = 'Skriv et helt tal fra 1 til 1000.';
    if (next && (!nextAt || (when && Date.parse(nextAt) <= Date.parse(when)))) found.next = 'Næste kontakt skal ligge efter mødet.';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setFailure(undefined);
    try {
      await post(`/partners/${partnerId}/meetings`, { at: when, kind, attendees: n, materials, ...(note.trim() && { note: note.trim() }), ...(nextAt && { nextContactAt: nextAt }) });
      setKind(''), setAttendees('1'), setMaterials([]), setNote(''), setNext('');
      onDone('Mødet er registreret.');
    } catch (e) {
      setFailure(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="card form" onSubmit={submit} noValidate>
      <h2>Registrér møde</h2>
      {failure && <Notice kind="error">{failure}</Notice>}
      <Field label="Hvornår" error={errors.at} required>
        {(a) => <input {...a} type="datetime-local" value={at} onInput={(e) => setAt(e.currentTarget.value)} />}
      </Field>
      <SelectField<MeetingKind> label="Slags møde" value={kind} onChange={(v) => setKind(v)} options={MEETING_KIND_DA} empty="Vælg" error={errors.kind} />
      <Field label="Antal deltagere" error={errors.attendees} required>
        {(a) => <input {...a} type="number" min={1} max={1000} inputMode="numeric" value={attendees} onInput={(e) => setAttendees(e.currentTarget.value)} />}
      </Field>
      <Checkboxes legend="Udleveret materiale" options={MATERIAL_DA} value={materials} onChange={setMaterials} />
      <Field label="Note" hint="Om mødet, aldrig om en borger">
        {(a) => <textarea {...a} value={note} onInput={(e) => setNote(e.currentTarget.value)} />}
      </Field>
      <Field label="Næste kontakt" hint="Hvornår I tager kontakt igen" error={errors.next}>
        {(a) => <input {...a} type="date" value={next} onInput={(e) => setNext(e.currentTarget.value)} />}
      </Field>
      <button type="submit" disabled={busy}>
        Registrér møde
      </button>
    </form>
  );
}
