import { useState } from 'preact/hooks';
import type { Involvement, RelativeRelation } from '../../../../domain/shared/course-codes';
import { CommandError, useCommand } from '../../command';
import { label } from '../../labels';
import { Checkboxes, Field, Phone, SelectField } from '../../ui';
import type { CaseView } from '../case/case-view';
import { INVOLVEMENT, RELATIVE_RELATION } from '../../course-labels';
import { Fold } from './Fold';

type Props = { c: CaseView; etag?: string | undefined; done: (what: string) => void; refresh: () => void };

const PHONE = /^(\+45)?\d{8}$/;

/**
 * "Netværk": the citizen's relatives, how each takes part, and who needs relief
 * themself (seed 003: "pårørende kan også have behov for aflastning"); add and remove.
 */
export function NetworkCard({ c, etag, done, refresh }: Props) {
  const add = useCommand(() => done('Den pårørende er tilføjet.'));
  const remove = useCommand(() => done('Den pårørende er fjernet.'));
  const [name, setName] = useState('');
  const [relation, setRelation] = useState<RelativeRelation>('daughter');
  const [phone, setPhone] = useState('');
  const [note, setNote] = useState('');
  const [involvement, setInvolvement] = useState<Involvement[]>([]);
  const [removing, setRemoving] = useState<string>();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const relatives = c.relatives ?? [];
  const open = c.status !== 'Closed';

  const submitAdd = (event: Event) => {
    event.preventDefault();
    const digits = phone.replace(/\s+/g, '');
    const found = { ...(!name.trim() && { name: 'Skriv den pårørendes navn.' }), ...(digits && !PHONE.test(digits) && { phone: 'Skriv et dansk telefonnummer med 8 cifre.' }) };
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    void add.send(`/cases/${c.caseId}/relatives`, { name: name.trim(), relation, ...(digits && { phone: digits }), ...(note.trim() && { note: note.trim() }), involvement }, etag);
  };
  const submitRemove = (relativeId: string) => (event: Event) => {
    event.preventDefault();
    setRemoving(relativeId);
    if (!reason.trim()) return setErrors({ reason: 'Skriv hvorfor den pårørende fjernes.' });
    void remove.send(`/cases/${c.caseId}/relatives/${relativeId}/remove`, { reason: reason.trim() }, etag);
  };

  return (
    <div class="card network">
      <h2>Netværk</h2>
      {relatives.length === 0 ? (
        <p class="muted">Ingen pårørende registreret.</p>
      ) : (
        <ul class="plain">
          {relatives.map((r) => (
            <li key={r.relativeId}>
              <strong>{r.name}</strong> ({label(RELATIVE_RELATION, r.relation).toLowerCase()}){r.phone && <>, tlf. <Phone number={r.phone} /></>}
              <div>
                {r.involvement.map((i) => (
                  <span key={i} class={`badge${i === 'needs_relief' ? ' badge-relief' : ''}`}>
                    {label(INVOLVEMENT, i)}
                  </span>
                ))}
              </div>
              {r.note && <p class="muted">{r.note}</p>}
              {open && (
                <Fold summary={`Fjern ${r.name}`}>
                  {() => (
                    <form class="form" onSubmit={submitRemove(r.relativeId)} noValidate>
                      {removing === r.relativeId && <CommandError error={remove.error} onRefresh={refresh} />}
                      <Field label="Hvorfor fjernes den pårørende?" error={removing === r.relativeId ? errors.reason : undefined} required>
                        {(a) => <input {...a} value={removing === r.relativeId ? reason : ''} onInput={(e) => (setRemoving(r.relativeId), setReason(e.currentTarget.value))} />}
                      </Field>
                      <button type="submit" class="danger" disabled={remove.busy}>
                        Fjern
                      </button>
                    </form>
                  )}
                </Fold>
              )}
            </li>
          ))}
        </ul>
      )}
      {open && (
        <Fold summary="Tilføj pårørende">
          {() => (
          <form class="form" onSubmit={submitAdd} noValidate>
            <CommandError error={add.error} onRefresh={refresh} />
            <Field label="Navn" error={errors.name} required>
              {(a) => <input {...a} maxLength={200} value={name} onInput={(e) => setName(e.currentTarget.value)} />}
            </Field>
            <SelectField label="Relation til borgeren" value={relation} onChange={setRelation} options={RELATIVE_RELATION} />
            <Field label="Telefon" error={errors.phone}>
              {(a) => <input {...a} type="tel" value={phone} onInput={(e) => setPhone(e.currentTarget.value)} />}
            </Field>
            <Checkboxes legend="Inddragelse" options={INVOLVEMENT} value={involvement} onChange={setInvolvement} />
            <Field label="Note om den pårørende">
              {(a) => <textarea {...a} rows={2} maxLength={2000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />}
            </Field>
            <button type="submit" disabled={add.busy}>
              Tilføj
            </button>
          </form>
          )}
        </Fold>
      )}
    </div>
  );
}
