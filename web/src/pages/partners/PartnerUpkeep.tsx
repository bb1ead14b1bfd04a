import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { PARTNER_KIND_DA } from '../../../../domain/partner/partner.codes';
import type { Attitude, KnowsUs, PartnerKind } from '../../../../domain/partner/partner.codes';
import { ApiError, post } from '../../api';
import { Field, Notice, SelectField } from '../../ui';
import { Fold } from '../course/Fold';

const PHONE = /^(\+45)?\s*\d{2}\s?\d{2}\s?\d{2}\s?\d{2}$/;
const PHONE_DA = 'Telefonnummeret skal have 8 cifre.';
const KNOWS: Record<KnowsUs, string> = { no: 'Kender os ikke', heard: 'Har hørt om os', yes: 'Kender os' };
const ATTITUDE: Record<Attitude, string> = { positive: 'Positive', neutral: 'Neutrale', sceptical: 'Skeptiske' };

export interface Upkept {
  name: string;
  kind: string | null;
  address: string | null;
  postcode: string | null;
  leader: { name: string; phone?: string };
}

type Send = (path: string, body: unknown, done: string) => Promise<boolean>;

/** A small form: its fields, checked in Danish before it is sent; the server's refusal shown in it. */
function UpkeepForm({ label, check, send, children }: { label: string; check: () => Record<string, string>; send: () => Promise<boolean>; children: (errors: Record<string, string>) => ComponentChildren }) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const found = check();
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    await send();
    setBusy(false);
  };
  return (
    <form class="form" onSubmit={submit} noValidate>
      {children(errors)}
      <button type="submit" disabled={busy}>
        {label}
      </button>
    </form>
  );
}

/**
 * Keeping a partner current (issue 21, the first half's forms): correct its
 * details, add a contact person, assess it (seed 002: "Ved de overhovedet, at
 * vi findes? … Hvem skal vi tale med"), link a name written on referrals, and
 * retire it. Each folded, so only the open one's fields are in the page.
 */
export function PartnerUpkeep({ partnerId, partner, onDone }: { partnerId: string; partner: Upkept; onDone: (text: string) => void }) {
  const [failure, setFailure] = useState<string>();
  const send: Send = async (path, body, done) => {
    setFailure(undefined);
    try {
      await post(`/partners/${partnerId}${path}`, body);
      onDone(done);
      return true;
    } catch (e) {
      setFailure(e instanceof ApiError ? e.message : String(e));
      return false;
    }
  };
  return (
    <div class="card upkeep">
      <h2>Vedligehold</h2>
      {failure && <Notice kind="error">{failure}</Notice>}
      <Fold summary="Ret samarbejdspartneren">{() => <Edit partner={partner} send={send} />}</Fold>
      <Fold summary="Tilføj kontaktperson">{() => <AddContact send={send} />}</Fold>
      <Fold summary="Vurdér samarbejdspartneren">{() => <Assess send={send} />}</Fold>
      <Fold summary="Knyt et navn fra henvisninger">{() => <Alias send={send} />}</Fold>
      <Fold summary="Udgår af registret">{() => <Retire name={partner.name} send={send} />}</Fold>
    </div>
  );
}

function Edit({ partner, send }: { partner: Upkept; send: Send }) {
  const [name, setName] = useState(partner.name);
  const [kind, setKind] = useState(partner.kind ?? '');
  const [address, setAddress] = useState(partner.address ?? '');
  const [postcode, setPostcode] = useState(partner.postcode ?? '');
  const [leader, setLeader] = useState(partner.leader.name);
  const [phone, setPhone] = useState(partner.leader.phone ?? '');
  const check = () => ({
    ...(!name.trim() && { name: 'Skriv samarbejdspartnerens navn.' }),
    ...(postcode.trim() && !/^\d{4}$/.test(postcode.trim()) && { postcode: 'Postnummeret er 4 cifre.' }),
    ...(!leader.trim() && { leader: 'Skriv lederens navn.' }),
    ...(phone.trim() && !PHONE.test(phone.trim()) && { phone: PHONE_DA }),
  });
  const body = () => ({
    ...(name.trim() !== partner.name && { name: name.trim() }),
    ...(kind && kind !== partner.kind && { kind }),
    ...(address.trim() && address.trim() !== (partner.address ?? '') && { address: address.trim() }),
    ...(postcode.trim() && postcode.trim() !== (partner.postcode ?? '') && { postcode: postcode.trim() }),
    ...((leader.trim() !== partner.leader.name || phone.trim() !== (partner.leader.phone ?? '')) && { leader: { name: leader.trim(), ...(phone.trim() && { phone: phone.trim() }) } }),
  });
  return (
    <UpkeepForm label="Gem ændringerne" check={check} send={() => send('/update', body(), 'Samarbejdspartneren er rettet.')}>
      {(errors) => (
        <>
          <Field label="Navn" error={errors.name}>
            {(a) => <input {...a} value={name} onInput={(e) => setName(e.currentTarget.value)} />}
          </Field>
          <SelectField<PartnerKind> label="Type" value={kind} onChange={setKind} options={PARTNER_KIND_DA} />
          <Field label="Adresse">{(a) => <input {...a} value={address} onInput={(e) => setAddress(e.currentTarget.value)} />}</Field>
          <Field label="Postnummer" error={errors.postcode}>
            {(a) => <input {...a} inputMode="numeric" value={postcode} onInput={(e) => setPostcode(e.currentTarget.value)} />}
          </Field>
          <Field label="Leder" error={errors.leader}>
            {(a) => <input {...a} value={leader} onInput={(e) => setLeader(e.currentTarget.value)} />}
          </Field>
          <Field label="Lederens telefon" error={errors.phone}>
            {(a) => <input {...a} type="tel" value={phone} onInput={(e) => setPhone(e.currentTarget.value)} />}
          </Field>
        </>
      )}
    </UpkeepForm>
  );
}

function AddContact({ send }: { send: Send }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const check = () => ({
    ...(!name.trim() && { name: 'Skriv kontaktpersonens navn.' }),
    ...(!role.trim() && { role: 'Skriv, hvad kontaktpersonen laver (fx afdelingsleder).' }),
    ...(phone.trim() && !PHONE.test(phone.trim()) && { phone: PHONE_DA }),
    ...(email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()) && { email: 'Skriv en e-mailadresse som navn@sted.dk.' }),
  });
  const body = () => ({ name: name.trim(), role: role.trim(), ...(phone.trim() && { phone: phone.trim() }), ...(email.trim() && { email: email.trim() }) });
  return (
    <UpkeepForm label="Tilføj kontaktperson" check={check} send={() => send('/contacts', body(), `${name.trim()} er tilføjet som kontaktperson.`)}>
      {(errors) => (
        <>
          <Field label="Kontaktpersonens navn" error={errors.name}>
            {(a) => <input {...a} value={name} onInput={(e) => setName(e.currentTarget.value)} />}
          </Field>
          <Field label="Rolle" error={errors.role}>
            {(a) => <input {...a} value={role} onInput={(e) => setRole(e.currentTarget.value)} />}
          </Field>
          <Field label="Kontaktpersonens telefon" error={errors.phone}>
            {(a) => <input {...a} type="tel" value={phone} onInput={(e) => setPhone(e.currentTarget.value)} />}
          </Field>
          <Field label="E-mail" error={errors.email}>
            {(a) => <input {...a} type="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />}
          </Field>
        </>
      )}
    </UpkeepForm>
  );
}

function Assess({ send }: { send: Send }) {
  const [knowsUs, setKnowsUs] = useState<KnowsUs | ''>('');
  const [attitude, setAttitude] = useState<Attitude | ''>('');
  const [gain, setGain] = useState('');
  const [contact, setContact] = useState('');
  const check = () => ({ ...(!knowsUs && { knowsUs: 'Vælg, om de kender os.' }), ...(!attitude && { attitude: 'Vælg, hvordan de ser på os.' }) });
  const body = () => ({ knowsUs, attitude, ...(gain.trim() && { whatTheyGain: gain.trim() }), ...(contact.trim() && { contactPerson: contact.trim() }) });
  return (
    <UpkeepForm label="Gem vurderingen" check={check} send={() => send('/assessment', body(), 'Vurderingen er gemt.')}>
      {(errors) => (
        <>
          <SelectField<KnowsUs> label="Ved de, at vi findes?" value={knowsUs} onChange={setKnowsUs} options={KNOWS} empty="Vælg" error={errors.knowsUs} />
          <SelectField<Attitude> label="Hvordan ser de på os?" value={attitude} onChange={setAttitude} options={ATTITUDE} empty="Vælg" error={errors.attitude} />
          <Field label="Hvad får de ud af samarbejdet?">{(a) => <textarea {...a} rows={2} value={gain} onInput={(e) => setGain(e.currentTarget.value)} />}</Field>
          <Field label="Hvem skal vi tale med?">{(a) => <input {...a} value={contact} onInput={(e) => setContact(e.currentTarget.value)} />}</Field>
        </>
      )}
    </UpkeepForm>
  );
}

function Alias({ send }: { send: Send }) {
  const [organisation, setOrganisation] = useState('');
  const check = () => ({ ...(!organisation.trim() && { organisation: 'Skriv navnet, som det står på henvisningerne.' }) });
  return (
    <UpkeepForm label="Knyt navnet" check={check} send={() => send('/aliases', { organisation: organisation.trim() }, `Henvisninger fra "${organisation.trim()}" tælles nu med.`)}>
      {(errors) => (
        <Field label="Navn på henvisningerne" hint="Tidligere henvisninger med dette navn tælles med for samarbejdspartneren" error={errors.organisation}>
          {(a) => <input {...a} value={organisation} onInput={(e) => setOrganisation(e.currentTarget.value)} />}
        </Field>
      )}
    </UpkeepForm>
  );
}

function Retire({ name, send }: { name: string; send: Send }) {
  const [reason, setReason] = useState('');
  return (
    <UpkeepForm label="Lad samarbejdspartneren udgå" check={() => ({})} send={() => send('/retire', reason.trim() ? { reason: reason.trim() } : {}, `${name} er udgået af registret.`)}>
      {() => (
        <Field label="Hvorfor udgår de?" hint="Fx lukket eller lagt sammen; historikken bevares">
          {(a) => <input {...a} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}
        </Field>
      )}
    </UpkeepForm>
  );
}
