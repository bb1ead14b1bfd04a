import { useState } from 'preact/hooks';
import { PARTNER_KIND_DA } from '../../../../domain/partner/partner.codes';
import type { PartnerKind } from '../../../../domain/partner/partner.codes';
import { ApiError, post } from '../../api';
import { Field, Notice, SelectField } from '../../ui';

const PHONE = /^(\+45)?\s*\d{2}\s?\d{2}\s?\d{2}\s?\d{2}$/;

/** "Ny samarbejdspartner": name, kind and the leader, where the first contact goes (seed 002: "via ledelseslaget"). */
export function RegisterPartner({ onDone }: { onDone: () => void }) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<PartnerKind | ''>('');
  const [leader, setLeader] = useState('');
  const [phone, setPhone] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!name.trim()) found.name = 'Skriv samarbejdspartnerens navn.';
    if (!kind) found.kind = 'Vælg en type.';
    if (!leader.trim()) found.leader = 'Skriv lederens navn: den første kontakt går via ledelsen.';
    if (phone.trim() && !PHONE.test(phone.trim())) found.phone = 'Telefonnummeret skal have 8 cifre.';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await post('/partners', { name: name.trim(), kind, leader: { name: leader.trim(), ...(phone.trim() && { phone: phone.trim() }) } });
      setMessage({ kind: 'success', text: `${name.trim()} er oprettet.` });
      setName(''), setKind(''), setLeader(''), setPhone('');
      onDone();
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof ApiError ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="card form" onSubmit={submit} noValidate>
      <h2>Ny samarbejdspartner</h2>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      <Field label="Navn" error={errors.name} required>
        {(a) => <input {...a} value={name} onInput={(e) => setName(e.currentTarget.value)} />}
      </Field>
      <SelectField<PartnerKind> label="Type" value={kind} onChange={(v) => setKind(v)} options={PARTNER_KIND_DA} empty="Vælg type" error={errors.kind} />
      <Field label="Leder" hint="Den første kontakt går altid via ledelsen" error={errors.leader} required>
        {(a) => <input {...a} value={leader} onInput={(e) => setLeader(e.currentTarget.value)} />}
      </Field>
      <Field label="Lederens telefon" error={errors.phone}>
        {(a) => <input {...a} type="tel" value={phone} onInput={(e) => setPhone(e.currentTarget.value)} />}
      </Field>
      <button type="submit" disabled={busy}>
        Opret samarbejdspartner
      </button>
    </form>
  );
}
