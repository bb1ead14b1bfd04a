import { useState } from 'preact/hooks';
import type { VisitorKind } from '../../../../domain/shared/codes';
import { ApiError, get, request } from '../../api';
import { label, VISITOR_KIND } from '../../labels';
import { Column, Table } from '../../components/Table';
import { Field, Link, LoadState, Notice, Phone, SelectField, useLoad } from '../../ui';
import type { VisitorRow } from '../case/case-view';
import { VisitorUpkeep } from './VisitorUpkeep';

const PHONE = /^(\+45)?\s*\d{2}\s?\d{2}\s?\d{2}\s?\d{2}$/;

const COLUMNS: Column<VisitorRow>[] = [
  {
    header: 'Navn',
    cell: (v) => (
      <>
        <Link href={`/app/besoegsvenner/${v.visitorId}`}>{v.name}</Link>
        {!v.active && <span class="badge">På pause</span>}
      </>
    ),
  },
  { header: 'Slags', cell: (v) => label(VISITOR_KIND, v.kind) },
  { header: 'Telefon', cell: (v) => (v.phone ? <Phone number={v.phone} /> : '–') },
  { header: 'Kapacitet', numeric: true, cell: (v) => v.capacity },
  { header: 'Sager', numeric: true, cell: (v) => v.activeCases },
  { header: 'Ledige pladser', numeric: true, cell: (v) => v.freePlaces },
];

/**
 * Frivillige og ansatte: everyone who visits, of every programme (a case names them besøgsven, omsorgsmedarbejder,
 * fællesskabsguide or bisidder after its programme), how many cases each has, registering one, and keeping one current.
 */
export function Visitors() {
  const loaded = useLoad(() => get<VisitorRow[]>('/visitors'), []);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<VisitorKind>('volunteer');
  const [capacity, setCapacity] = useState('3');
  const [phone, setPhone] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string }>();

  const submit = async (event: Event) => {
    event.preventDefault();
    const n = Number(capacity);
    const found = {
      ...(!name.trim() && { name: 'Skriv navnet.' }),
      ...(!(Number.isInteger(n) && n >= 1 && n <= 50) && { capacity: 'Skriv et helt tal fra 1 til 50.' }),
      ...(phone.trim() && !PHONE.test(phone.trim()) && { phone: 'Skriv et dansk telefonnummer: 8 cifre, gerne med +45 foran.' }),
    };
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      await request('/visitors', { method: 'POST', body: { name: name.trim(), kind, capacity: n, ...(phone.trim() && { phone: phone.trim() }) } });
      setMessage({ kind: 'success', text: `${name.trim()} er registreret.` });
      setName('');
      setPhone('');
      loaded.reload();
    } catch (error) {
      setMessage({ kind: 'error', text: (error as ApiError).message });
    }
  };

  return (
    <section>
      <h1>Frivillige og ansatte</h1>
      <div class="columns">
        <LoadState loaded={loaded}>
          {() => (
            <div>
              <Table rows={loaded.data!} columns={COLUMNS} rowKey={(v) => v.visitorId} empty="Ingen frivillige eller ansatte er registreret endnu." />
              {loaded.data!.length > 0 && <VisitorUpkeep visitors={loaded.data!} reload={loaded.reload} />}
            </div>
          )}
        </LoadState>
        <form class="card form" onSubmit={submit} noValidate>
          <h2>Ny frivillig eller ansat</h2>
          {message && <Notice kind={message.kind}>{message.text}</Notice>}
          <Field label="Navn" error={errors.name} required>
            {(a) => <input {...a} maxLength={200} value={name} onInput={(e) => setName(e.currentTarget.value)} />}
          </Field>
          <SelectField label="Slags" value={kind} onChange={setKind} options={VISITOR_KIND} />
          <Field label="Antal borgere" error={errors.capacity} required>
            {(a) => <input {...a} type="number" min={1} max={50} inputMode="numeric" value={capacity} onInput={(e) => setCapacity(e.currentTarget.value)} />}
          </Field>
          <Field label="Telefon (til besøgskortet)" error={errors.phone}>
            {(a) => <input {...a} type="tel" value={phone} onInput={(e) => setPhone(e.currentTarget.value)} />}
          </Field>
          <button type="submit" class="primary">
            Registrér
          </button>
        </form>
      </div>
    </section>
  );
}
