import { useState } from 'preact/hooks';
import type { Interest, Meeting, OfferKind, Weekday } from '../../../../domain/matching/matching.codes';
import { ApiError, get, query, request } from '../../api';
import { Column, Table } from '../../components/Table';
import { INTEREST, meetingText, Offer, OFFER_KIND, WEEKDAY } from '../../matching';
import type { Session } from '../../session';
import { Checkboxes, Field, LoadState, Notice, Phone, SelectField, useLoad } from '../../ui';

const POSTCODE = /^[1-9]\d{3}$/;
const PHONE = /^(\+45)?\s*\d{2}\s?\d{2}\s?\d{2}\s?\d{2}$/;

const COLUMNS: Column<Offer>[] = [
  { header: 'Postnr.', cell: (o) => o.postcode },
  {
    header: 'Tilbud',
    cell: (o) => (
      <>
        <strong>{o.name}</strong>
        {!o.active && <span class="badge">Lukket</span>}
        <br />
        <span class="muted">
          {OFFER_KIND[o.kind]}, {o.organisation}
          <br />
          {o.address}
        </span>
      </>
    ),
  },
  { header: 'Mødes', cell: (o) => o.schedule.map(meetingText).join(', ') || '–' },
  { header: 'Interesser', cell: (o) => o.interests.map((i) => INTEREST[i]).join(', ') },
  { header: 'Uden trapper', cell: (o) => (o.accessible ? 'Ja' : 'Nej') },
  {
    header: 'Kontakt',
    cell: (o) => (
      <>
        {o.contact.name}
        {o.contact.phone && (
          <>
            , <Phone number={o.contact.phone} />
          </>
        )}
      </>
    ),
  },
];

/** Tilbud: the catalogue of local communities, a list by postcode (no map), with filters; coordinators add offers. */
export function Offers({ session }: { session: Session }) {
  const [postcode, setPostcode] = useState('');
  const [interest, setInterest] = useState<Interest | ''>('');
  const [kind, setKind] = useState<OfferKind | ''>('');
  const [activeOnly, setActiveOnly] = useState(true);
  const valid = postcode === '' || POSTCODE.test(postcode);
  const loaded = useLoad(
    () => get<Offer[]>(`/offers${query({ postcode: valid ? postcode : undefined, interest, kind, active: activeOnly ? 'true' : undefined })}`),
    [valid ? postcode : '', interest, kind, activeOnly],
  );
  const keeper = session.role === 'coordinator' || session.role === 'admin';
  return (
    <section>
      <h1>Tilbud</h1>
      <p class="muted">Lokale fællesskaber, borgerne kan introduceres til: aktivitetscentre, væresteder, foreninger, øvefællesskaber.</p>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <Field label="Postnummer" hint="Også nabo-postnumre" error={valid ? undefined : 'Skriv fire cifre.'}>
          {(a) => <input {...a} inputMode="numeric" maxLength={4} value={postcode} onInput={(e) => setPostcode(e.currentTarget.value.trim())} />}
        </Field>
        <SelectField label="Interesse" value={interest} onChange={setInterest} options={INTEREST} empty="Alle" />
        <SelectField label="Type" value={kind} onChange={setKind} options={OFFER_KIND} empty="Alle" />
        <label class="check">
          <input type="checkbox" checked={activeOnly} onChange={(e) => setActiveOnly(e.currentTarget.checked)} />
          Kun aktive tilbud
        </label>
      </form>
      {keeper && (
        <details class="card">
          <summary>Nyt tilbud</summary>
          <OfferForm done={loaded.reload} />
        </details>
      )}
      <LoadState loaded={loaded}>
        {() => <Table rows={loaded.data!} columns={COLUMNS} rowKey={(o) => o.offerId} caption="Tilbud efter postnummer" empty="Ingen tilbud passer til filtrene." />}
      </LoadState>
    </section>
  );
}

function OfferForm({ done }: { done: () => void }) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<OfferKind>('activity_centre');
  const [organisation, setOrganisation] = useState('');
  const [address, setAddress] = useState('');
  const [postcode, setPostcode] = useState('');
  const [weekday, setWeekday] = useState<Weekday>(3);
  const [time, setTime] = useState('14:00');
  const [interests, setInterests] = useState<Interest[]>([]);
  const [accessible, setAccessible] = useState(true);
  const [contactName, setContactName] = useState('');
  const [contactPhone, setContactPhone] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string }>();
  const submit = async (event: Event) => {
    event.preventDefault();
    const found = {
      ...(!name.trim() && { name: 'Skriv tilbuddets navn.' }),
      ...(!organisation.trim() && { organisation: 'Skriv hvem der står bag.' }),
      ...(!address.trim() && { address: 'Skriv adressen.' }),
      ...(!POSTCODE.test(postcode.trim()) && { postcode: 'Skriv et postnummer med fire cifre.' }),
      ...(interests.length === 0 && { interests: 'Vælg mindst én interesse.' }),
      ...(!contactName.trim() && { contactName: 'Skriv kontaktpersonens navn.' }),
      ...(contactPhone.trim() && !PHONE.test(contactPhone.trim()) && { contactPhone: 'Skriv et dansk telefonnummer: 8 cifre.' }),
    };
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const schedule: Meeting[] = [{ weekday, time }];
    try {
      await request('/offers', {
        method: 'POST',
        body: {
          name: name.trim(), kind, organisation: organisation.trim(), address: address.trim(), postcode: postcode.trim(), schedule, interests, accessible,
          contact: { name: contactName.trim(), ...(contactPhone.trim() && { phone: contactPhone.trim() }) },
        },
      });
      setMessage({ kind: 'success', text: `${name.trim()} er oprettet.` });
      setName('');
      done();
    } catch (error) {
      setMessage({ kind: 'error', text: (error as ApiError).message });
    }
  };
  return (
    <form class="form" onSubmit={submit} noValidate>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      <Field label="Navn" error={errors.name} required>
        {(a) => <input {...a} maxLength={200} value={name} onInput={(e) => setName(e.currentTarget.value)} />}
      </Field>
      <SelectField label="Type" value={kind} onChange={setKind} options={OFFER_KIND} />
      <Field label="Står bag" error={errors.organisation} required>
        {(a) => <input {...a} maxLength={200} value={organisation} onInput={(e) => setOrganisation(e.currentTarget.value)} />}
      </Field>
      <Field label="Adresse" error={errors.address} required>
        {(a) => <input {...a} maxLength={500} value={address} onInput={(e) => setAddress(e.currentTarget.value)} />}
      </Field>
      <Field label="Postnummer" error={errors.postcode} required>
        {(a) => <input {...a} inputMode="numeric" maxLength={4} value={postcode} onInput={(e) => setPostcode(e.currentTarget.value)} />}
      </Field>
      <div class="span-row">
        <SelectField label="Mødes (dag)" value={String(weekday)} onChange={(v) => setWeekday(Number(v) as Weekday)} options={WEEKDAY} />
        <Field label="Klokken">{(a) => <input {...a} type="time" value={time} onInput={(e) => setTime(e.currentTarget.value)} />}</Field>
      </div>
      <Checkboxes legend="Interesser" options={INTEREST} value={interests} onChange={setInterests} error={errors.interests} />
      <label class="check">
        <input type="checkbox" checked={accessible} onChange={(e) => setAccessible(e.currentTarget.checked)} />
        Uden trapper (kørestol)
      </label>
      <Field label="Kontaktperson" error={errors.contactName} required>
        {(a) => <input {...a} maxLength={200} value={contactName} onInput={(e) => setContactName(e.currentTarget.value)} />}
      </Field>
      <Field label="Kontaktpersonens telefon" error={errors.contactPhone}>
        {(a) => <input {...a} type="tel" value={contactPhone} onInput={(e) => setContactPhone(e.currentTarget.value)} />}
      </Field>
      <button type="submit" class="primary">
        Opret tilbud
      </button>
    </form>
  );
}
