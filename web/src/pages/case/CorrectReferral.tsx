import { useState } from 'preact/hooks';
import type { Need, TaskKind } from '../../../../domain/shared/codes';
import { CommandError, useCommand } from '../../command';
import { NEED, TASK } from '../../labels';
import { Checkboxes, Field } from '../../ui';
import type { CaseView } from './case-view';

const PHONE = /^(\+45)?\s*\d{2}\s?\d{2}\s?\d{2}\s?\d{2}$/;

/**
 * "Henvisningen er sjældent dækkende for det reelle behov" (000): the
 * coordinator puts right what the referral said. The form starts from the
 * referral as it stands; only what differs is sent, and the server records
 * only what changed.
 */
export function CorrectReferral({ c, etag, done, refresh }: { c: CaseView; etag: string | undefined; done: () => void; refresh: () => void }) {
  const citizen = typeof c.citizen === 'object' ? c.citizen : undefined;
  const [physical, setPhysical] = useState(c.situation?.physical ?? '');
  const [psychological, setPsychological] = useState(c.situation?.psychological ?? '');
  const [social, setSocial] = useState(c.situation?.social ?? '');
  const [needs, setNeeds] = useState<Need[]>(c.needs);
  const [requestedTasks, setRequestedTasks] = useState<TaskKind[]>(c.requestedTasks);
  const [address, setAddress] = useState(citizen?.address ?? '');
  const [phone, setPhone] = useState(citizen?.phone ?? '');
  const [errors, setErrors] = useState<{ phone?: string; address?: string; form?: string }>({});
  const correct = useCommand(done);

  const submit = (event: Event) => {
    event.preventDefault();
    const changed = (value: string, was: string | undefined) => (value.trim() && value.trim() !== (was ?? '') ? value.trim() : undefined);
    const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
    const situation = { physical: changed(physical, c.situation?.physical), psychological: changed(psychological, c.situation?.psychological), social: changed(social, c.situation?.social) };
    const newCitizen = citizen ? { address: changed(address, citizen.address), phone: changed(phone, citizen.phone) } : {};
    const body = {
      ...(Object.values(situation).some(Boolean) && { situation }),
      ...(!sameList(needs, c.needs) && { needs }),
      ...(!sameList(requestedTasks, c.requestedTasks) && { requestedTasks }),
      ...(Object.values(newCitizen).some(Boolean) && { citizen: newCitizen }),
    };
    const found = {
      ...(phone.trim() && !PHONE.test(phone.trim()) && { phone: 'Skriv et dansk telefonnummer: 8 cifre, gerne med +45 foran.' }),
      ...(citizen && !address.trim() && { address: 'Skriv borgerens adresse med postnummer og by.' }),
      ...(Object.keys(body).length === 0 && { form: 'Der er ikke rettet noget endnu.' }),
    };
    setErrors(found);
    if (Object.keys(found).length === 0) void correct.send(`/cases/${c.caseId}/referral/correct`, body, etag);
  };

  return (
    <div class="card">
      <details>
        <summary>Ret henvisningen</summary>
        <form class="form" onSubmit={submit} noValidate>
          <CommandError error={correct.error} onRefresh={refresh} />
          {errors.form && (
            <p class="field-error" role="alert">
              {errors.form}
            </p>
          )}
          <p class="muted">Ret det, henvisningen ikke dækkede. Kun det, der ændres, registreres i tidslinjen.</p>
          <Field label="Fysisk">{(a) => <textarea {...a} rows={2} maxLength={2000} value={physical} onInput={(e) => setPhysical(e.currentTarget.value)} />}</Field>
          <Field label="Psykisk">{(a) => <textarea {...a} rows={2} maxLength={2000} value={psychological} onInput={(e) => setPsychological(e.currentTarget.value)} />}</Field>
          <Field label="Socialt">{(a) => <textarea {...a} rows={2} maxLength={2000} value={social} onInput={(e) => setSocial(e.currentTarget.value)} />}</Field>
          <Checkboxes legend="Behov" options={NEED} value={needs} onChange={setNeeds} />
          <Checkboxes legend="Opgaver, borgeren ønsker hjælp til" options={TASK} value={requestedTasks} onChange={setRequestedTasks} />
          {citizen && (
            <div class="grid">
              <Field label="Adresse" error={errors.address}>
                {(a) => <input {...a} maxLength={500} autoComplete="off" value={address} onInput={(e) => setAddress(e.currentTarget.value)} />}
              </Field>
              <Field label="Telefon" error={errors.phone}>
                {(a) => <input {...a} type="tel" inputMode="tel" value={phone} onInput={(e) => setPhone(e.currentTarget.value)} />}
              </Field>
            </div>
          )}
          <button type="submit" disabled={correct.busy}>
            Gem rettelsen
          </button>
        </form>
      </details>
    </div>
  );
}
