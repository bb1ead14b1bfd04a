import { useState } from 'preact/hooks';
import { NEED, PROGRAMME, REFERRER_ROLE, TASK } from '../../labels';
import { ApiError, request } from '../../api';
import { nowForInput } from '../../format';
import { navigate } from '../../router';
import { Checkboxes, Field, Notice, Options } from '../../ui';
import { ChosenCitizen, KnownCitizen, KnownCitizenList, useKnownCitizens } from './KnownCitizens';
import { PartnerChoice } from '../partners/PartnerChoice';
import { ReferralForm, referralBody, referralErrors, SERVER_FIELDS } from './referral-rules';

const EMPTY: ReferralForm = {
  programme: '',
  referredAt: nowForInput(),
  referrerName: '',
  referrerRole: '',
  referrerOrganisation: '',
  referrerPhone: '',
  citizenName: '',
  citizenAddress: '',
  citizenPhone: '',
  citizenCpr: '',
  physical: '',
  psychological: '',
  social: '',
  needs: [],
  requestedTasks: [],
  consentGiven: false,
  consentRecordedBy: '',
  consentAt: '',
};

/** Henvisning: every field of the seeds' intake, checked field by field in Danish before it is sent. */
export function Referral() {
  const [form, setForm] = useState<ReferralForm>({ ...EMPTY, referredAt: nowForInput() });
  const [errors, setErrors] = useState<Partial<Record<keyof ReferralForm, string>>>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  // A known citizen the coordinator chose from the lookup: the referral names them by id.
  const [known, setKnown] = useState<KnownCitizen>();
  const found = useKnownCitizens(known ? '' : form.citizenName, known ? '' : form.citizenCpr);
  // One key per filled-in form: sending twice (a double click, a retry) makes one case.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const set = <K extends keyof ReferralForm>(key: K) => (value: ReferralForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const text = (key: keyof ReferralForm) => ({ value: form[key] as string, onInput: (e: Event) => set(key)((e.currentTarget as HTMLInputElement).value as never) });

  const submit = async (event: Event) => {
    event.preventDefault();
    const wrong = referralErrors(form, known !== undefined);
    setErrors(wrong);
    setFailure(undefined);
    if (Object.keys(wrong).length > 0) {
      setFailure('Henvisningen er ikke sendt: ret felterne med en besked.');
      queueMicrotask(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setBusy(true);
    try {
      const { data } = await request<{ caseId: string; knownCitizen?: true }>('/cases', { method: 'POST', body: referralBody(form, known?.citizenId), idempotencyKey });
      // A CPR number the service knew joined the referral to that citizen: the case page says so.
      navigate(`/app/sager/${data.caseId}?modtaget=1${data.knownCitizen || known ? '&kendt=1' : ''}`);
    } catch (error) {
      const e = error as ApiError;
      // What only the server could check lands next to its field; the rest is in the message at the top.
      const fromServer = Object.fromEntries(e.errors.flatMap((f) => (SERVER_FIELDS[f.field] ? [[SERVER_FIELDS[f.field], 'Feltet er ikke udfyldt rigtigt.']] : [])));
      setErrors(fromServer);
      setFailure(e.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section>
      <h1>Ny henvisning</h1>
      <p class="muted">Felter med * skal udfyldes. Borgeren skal have sagt ja til at blive henvist.</p>
      <form class="form" onSubmit={submit} noValidate>
        {failure && <Notice kind="error">{failure}</Notice>}
        <fieldset>
          <legend>Henvisningen</legend>
          <div class="grid">
            <Field label="Ordning" error={errors.programme} required>
              {(a) => (
                <select {...a} value={form.programme} onChange={(e) => set('programme')(e.currentTarget.value as ReferralForm['programme'])}>
                  <Options options={PROGRAMME} empty="Vælg ordning" />
                </select>
              )}
            </Field>
            <Field label="Henvist den" error={errors.referredAt} required>
              {(a) => <input {...a} type="datetime-local" {...text('referredAt')} />}
            </Field>
          </div>
        </fieldset>
        <fieldset>
          <legend>Henviser</legend>
          <div class="grid">
            <Field label="Navn" error={errors.referrerName} required>
              {(a) => <input {...a} maxLength={200} autoComplete="off" {...text('referrerName')} />}
            </Field>
            <Field label="Rolle" error={errors.referrerRole} required>
              {(a) => (
                <select {...a} value={form.referrerRole} onChange={(e) => set('referrerRole')(e.currentTarget.value as ReferralForm['referrerRole'])}>
                  <Options options={REFERRER_ROLE} empty="Vælg rolle" />
                </select>
              )}
            </Field>
            <PartnerChoice
              value={form.referrerPartnerId ?? ''}
              onChange={(partnerId, name) => setForm((f) => ({ ...f, referrerPartnerId: partnerId || undefined, referrerOrganisation: f.referrerOrganisation || name }))}
            />
            <Field label="Organisation" hint="Fx Hjemmeplejen Syd" error={errors.referrerOrganisation}>
              {(a) => <input {...a} maxLength={200} {...text('referrerOrganisation')} />}
            </Field>
            <Field label="Telefon" error={errors.referrerPhone}>
              {(a) => <input {...a} type="tel" inputMode="tel" {...text('referrerPhone')} />}
            </Field>
          </div>
        </fieldset>
        <fieldset>
          <legend>Borger</legend>
          {known ? (
            <ChosenCitizen citizen={known} onUndo={() => setKnown(undefined)} />
          ) : (
            <>
              <div class="grid">
                <Field label="Navn" hint="Kendte borgere vises, mens du skriver" error={errors.citizenName} required>
                  {(a) => <input {...a} maxLength={200} autoComplete="off" {...text('citizenName')} />}
                </Field>
                <Field label="Adresse" hint="Med postnummer og by, fx Algade 12, 4180 Sorø" error={errors.citizenAddress} required>
                  {(a) => <input {...a} maxLength={500} autoComplete="off" {...text('citizenAddress')} />}
                </Field>
                <Field label="Telefon" error={errors.citizenPhone}>
                  {(a) => <input {...a} type="tel" inputMode="tel" {...text('citizenPhone')} />}
                </Field>
                <Field label="CPR-nummer" hint="DDMMÅÅ-XXXX (kan udelades)" error={errors.citizenCpr}>
                  {(a) => <input {...a} inputMode="numeric" autoComplete="off" {...text('citizenCpr')} />}
                </Field>
              </div>
              <KnownCitizenList found={found} onChoose={setKnown} />
            </>
          )}
        </fieldset>
        <fieldset>
          <legend>Borgerens situation</legend>
          <Field label="Fysisk" hint="Helbred, fx KOL, går dårligt på trapper" error={errors.physical}>
            {(a) => <textarea {...a} rows={2} maxLength={2000} {...text('physical')} />}
          </Field>
          <Field label="Psykisk" hint="Humør og trivsel; psykisk tilstand vejer tungest ved vurderingen" error={errors.psychological}>
            {(a) => <textarea {...a} rows={2} maxLength={2000} {...text('psychological')} />}
          </Field>
          <Field label="Socialt" hint="Netværk, familie, hvem borgeren ser" error={errors.social}>
            {(a) => <textarea {...a} rows={2} maxLength={2000} {...text('social')} />}
          </Field>
          <Checkboxes legend="Behov" options={NEED} value={form.needs} onChange={set('needs')} />
          <Checkboxes legend="Opgaver, borgeren ønsker hjælp til" options={TASK} value={form.requestedTasks} onChange={set('requestedTasks')} />
        </fieldset>
        <fieldset>
          <legend>Samtykke</legend>
          <div class={`field${errors.consentGiven ? ' field-invalid' : ''}`}>
            <label class="check">
              <input
                type="checkbox"
                checked={form.consentGiven}
                aria-invalid={errors.consentGiven ? 'true' : undefined}
                aria-describedby={errors.consentGiven ? 'consent-error' : undefined}
                onChange={(e) => set('consentGiven')(e.currentTarget.checked)}
              />
              Borgeren har sagt ja til at blive henvist
            </label>
            {errors.consentGiven && (
              <span id="consent-error" class="field-error">
                {errors.consentGiven}
              </span>
            )}
          </div>
          <div class="grid">
            <Field label="Samtykke givet til" error={errors.consentRecordedBy}>
              {(a) => <input {...a} maxLength={200} {...text('consentRecordedBy')} />}
            </Field>
            <Field label="Samtykke givet den" error={errors.consentAt}>
              {(a) => <input {...a} type="datetime-local" {...text('consentAt')} />}
            </Field>
          </div>
        </fieldset>
        <div class="actions">
          <button type="submit" class="primary" disabled={busy}>
            {busy ? 'Sender …' : 'Modtag henvisning'}
          </button>
        </div>
      </form>
    </section>
  );
}
