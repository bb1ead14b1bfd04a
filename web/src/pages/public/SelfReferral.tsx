import { useEffect, useState } from 'preact/hooks';
import type { Programme } from '../../../../domain/shared/codes';
import { ApiError, request } from '../../api';
import { focusHeading } from '../../focus';
import { PROGRAMME } from '../../labels';
import { Field, Notice, SelectField } from '../../ui';
import { cardErrors, CardForm, CHANNEL_DA, emptyCard, partnerCodeFrom, toBody } from './card-form';

/**
 * /henvis: the public referral card (issue 21), no sign-in, made for a phone.
 * Seed 003: "Borgere kan også selv række ud". The form checks what the server
 * checks (phone, consent, a name for whoever sends it), in Danish by each
 * field; the answer is a receipt to quote on the phone. `website` is the
 * honeypot: off screen, out of the tab order, left empty by people.
 */
export function SelfReferral() {
  const [form, setForm] = useState<CardForm>(() => emptyCard(partnerCodeFrom(location.search)));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [receipt, setReceipt] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    document.title = 'Henvis en borger – Brobygger';
  }, []);
  const set = <K extends keyof CardForm>(key: K, value: CardForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  const submit = async (event: Event) => {
    event.preventDefault();
    const found = cardErrors(form);
    setErrors(found);
    setFailure(undefined);
    if (Object.keys(found).length > 0) {
      setTimeout(() => (document.querySelector('[aria-invalid="true"]') as HTMLElement | null)?.focus());
      return;
    }
    setBusy(true);
    try {
      const { data } = await request<{ receipt: string }>('/referral-cards', { method: 'POST', body: toBody(form), anonymous: true });
      setReceipt(data.receipt);
      focusHeading();
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError(0, 'client', String(e));
      setErrors(Object.fromEntries(error.errors.map((f) => [f.field, f.message])));
      setFailure(error.status === 429 ? 'Der er sendt mange henvisninger herfra den seneste time. Prøv igen senere, eller ring til os.' : error.message);
    } finally {
      setBusy(false);
    }
  };

  if (receipt) {
    return (
      <main id="main" class="public" tabIndex={-1}>
        <section class="card">
          <h1>Tak – henvisningen er sendt</h1>
          <Notice kind="success">
            Din kvittering er <strong class="receipt">{receipt}</strong>. Oplys den, hvis du ringer til os om henvisningen.
          </Notice>
          <p>En koordinator læser henvisningen og ringer til {form.channel === 'self' ? 'dig' : 'borgeren'}.</p>
          <button type="button" onClick={() => (setForm(emptyCard(form.partnerCode)), setReceipt(undefined), focusHeading())}>
            Send en henvisning mere
          </button>
        </section>
      </main>
    );
  }

  const self = form.channel === 'self';
  return (
    <main id="main" class="public" tabIndex={-1}>
      <form class="card form" onSubmit={submit} noValidate>
        <h1>Henvis en borger</h1>
        <p>Kender du en, der er ensom – eller er du det selv? Udfyld kortet, så ringer en koordinator.</p>
        {failure && <Notice kind="error">{failure}</Notice>}
        <fieldset class={`radios${errors.channel ? ' field-invalid' : ''}`}>
          <legend>Hvem udfylder kortet?</legend>
          {(Object.keys(CHANNEL_DA) as CardForm['channel'][]).map((channel) => (
            <label key={channel} class="check">
              <input type="radio" name="channel" value={channel} checked={form.channel === channel} onChange={() => set('channel', channel)} />
              {CHANNEL_DA[channel]}
            </label>
          ))}
        </fieldset>
        <h2>{self ? 'Om dig' : 'Om borgeren'}</h2>
        <Field label="Navn" error={errors['citizen.name']} required>
          {(a) => <input {...a} autocomplete={self ? 'name' : 'off'} value={form.name} onInput={(e) => set('name', e.currentTarget.value)} />}
        </Field>
        <Field label="Telefon" hint="8 cifre" error={errors['citizen.phone']} required>
          {(a) => <input {...a} type="tel" autocomplete={self ? 'tel' : 'off'} value={form.phone} onInput={(e) => set('phone', e.currentTarget.value)} />}
        </Field>
        <Field label="Adresse" error={errors['citizen.address']}>
          {(a) => <input {...a} autocomplete={self ? 'street-address' : 'off'} value={form.address} onInput={(e) => set('address', e.currentTarget.value)} />}
        </Field>
        <Field label="Postnummer" error={errors['citizen.postcode']}>
          {(a) => <input {...a} inputMode="numeric" autocomplete={self ? 'postal-code' : 'off'} value={form.postcode} onInput={(e) => set('postcode', e.currentTarget.value)} />}
        </Field>
        {!self && (
          <>
            <h2>Om dig, der henviser</h2>
            <Field label="Dit navn" error={errors['sender.name'] ?? errors.sender} required>
              {(a) => <input {...a} autocomplete="name" value={form.senderName} onInput={(e) => set('senderName', e.currentTarget.value)} />}
            </Field>
            <Field label="Din telefon" error={errors['sender.phone']}>
              {(a) => <input {...a} type="tel" autocomplete="tel" value={form.senderPhone} onInput={(e) => set('senderPhone', e.currentTarget.value)} />}
            </Field>
            {form.channel === 'partner' && (
              <Field label="Arbejdssted" error={errors['sender.organisation']}>
                {(a) => <input {...a} autocomplete="organization" value={form.organisation} onInput={(e) => set('organisation', e.currentTarget.value)} />}
              </Field>
            )}
          </>
        )}
        <SelectField<Programme> label="Hvad søges?" value={form.programme} onChange={(v) => set('programme', v)} options={PROGRAMME} empty="Ved ikke" error={errors.programme} />
        <Field label="Hvorfor henvender I jer?" hint="Skriv kort om situationen" error={errors.message} required>
          {(a) => <textarea {...a} rows={4} value={form.message} onInput={(e) => set('message', e.currentTarget.value)} />}
        </Field>
        <div class={`field${errors.consent ? ' field-invalid' : ''}`}>
          <label class="check">
            <input type="checkbox" checked={form.consent} aria-invalid={errors.consent ? 'true' : undefined} aria-describedby={errors.consent ? 'consent-error' : undefined} onChange={(e) => set('consent', e.currentTarget.checked)} />
            {self ? 'Jeg vil gerne kontaktes' : 'Borgeren har sagt ja til at blive kontaktet'}
          </label>
          {errors.consent && (
            <span id="consent-error" class="field-error">
              {errors.consent}
            </span>
          )}
        </div>
        {form.partnerCode && <p class="muted">Kode fra kortet: {form.partnerCode}</p>}
        <div class="hp" aria-hidden="true">
          <label for="website">Lad dette felt være tomt</label>
          <input id="website" name="website" tabIndex={-1} autocomplete="off" value={form.website} onInput={(e) => set('website', e.currentTarget.value)} />
        </div>
        <button type="submit" class="primary" disabled={busy}>
          Send henvisningen
        </button>
      </form>
    </main>
  );
}
