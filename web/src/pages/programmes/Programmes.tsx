import { useState } from 'preact/hooks';
import { ApiError, get, post } from '../../api';
import { date } from '../../format';
import { Checkboxes, Field, LoadState, Notice, useLoad } from '../../ui';
import { VETTING_KIND } from '../volunteers/volunteer-labels';
import { checkSettings, formOf, ProgrammeRow, SettingsForm } from './programme-settings';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const list = (items: readonly string[]) => (items.length === 0 ? 'Ingen' : items.join(', '));

/** "Ordninger": each programme's settings; the admin changes them, coordinators and managers read them. */
export function Programmes({ canChange }: { canChange: boolean }) {
  const loaded = useLoad(() => get<ProgrammeRow[]>('/programmes'), []);
  return (
    <section>
      <h1>Ordninger</h1>
      <p class="muted">Indstillingerne gælder fra de ændres: en opfølgning, der allerede er planlagt, beholder sin dato.</p>
      <LoadState loaded={loaded}>{() => loaded.data!.map((row) => <ProgrammeCard key={row.programme} row={row} canChange={canChange} onSaved={loaded.reload} />)}</LoadState>
    </section>
  );
}

function ProgrammeCard({ row, canChange, onSaved }: { row: ProgrammeRow; canChange: boolean; onSaved: () => void }) {
  const s = row.settings;
  const headingId = `ordning-${row.programme}`;
  return (
    <article class="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{row.name}</h2>
      <p class="muted">
        Hjælperen kaldes {row.helperWord}. {row.changedAt ? `Ændret ${date(row.changedAt)}.` : 'Standardindstillinger.'}
      </p>
      <dl class="facts">
        <dt>Opfølgning efter</dt>
        <dd>{plural(s.followUpMonths, 'måned', 'måneder')}</dd>
        <dt>Krævede attester</dt>
        <dd>{list(s.requiredVetting.map((k) => VETTING_KIND[k]))}</dd>
        <dt>Krævede kurser</dt>
        <dd>{list(s.requiredCourses)}</dd>
        <dt>Sparring hver</dt>
        <dd>{plural(s.supervisionEveryWeeks, 'uge', 'uger')}</dd>
        <dt>UCLA-3 hver</dt>
        <dd>{plural(s.reassessEveryWeeks, 'uge', 'uger')}</dd>
      </dl>
      {canChange && <SettingsEditor row={row} onSaved={onSaved} />}
    </article>
  );
}

function SettingsEditor({ row, onSaved }: { row: ProgrammeRow; onSaved: () => void }) {
  const [form, setForm] = useState<SettingsForm>(formOf(row.settings));
  const [errors, setErrors] = useState<Partial<Record<keyof SettingsForm, string>>>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string }>();
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof SettingsForm>(key: K, value: SettingsForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const submit = async (event: Event) => {
    event.preventDefault();
    const checked = checkSettings(form);
    setErrors(checked.errors);
    if (!checked.body) return;
    setBusy(true);
    try {
      await post(`/programmes/${row.programme}/settings`, checked.body);
      setMessage({ kind: 'success', text: `Indstillingerne for ${row.name} er gemt.` });
      onSaved();
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof ApiError ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };
  const number = (key: 'followUpMonths' | 'supervisionEveryWeeks' | 'reassessEveryWeeks', label: string, hint: string) => (
    <Field label={label} hint={hint} error={errors[key]} required>
      {(a) => <input {...a} type="number" inputMode="numeric" value={form[key]} onInput={(e) => set(key, e.currentTarget.value)} />}
    </Field>
  );
  return (
    <details>
      <summary>Ret indstillinger for {row.name}</summary>
      <form class="form" onSubmit={submit} noValidate>
        {message && <Notice kind={message.kind}>{message.text}</Notice>}
        {number('followUpMonths', 'Opfølgning efter (måneder)', `Standard: ${row.defaults.followUpMonths}. Gælder sager, der afsluttes fremover.`)}
        <Checkboxes legend="Krævede attester" options={VETTING_KIND} value={form.requiredVetting} onChange={(v) => set('requiredVetting', v)} />
        <Field label="Krævede kurser" hint="Ét kursus pr. linje" error={errors.requiredCourses}>
          {(a) => <textarea {...a} rows={3} value={form.requiredCourses} onInput={(e) => set('requiredCourses', e.currentTarget.value)} />}
        </Field>
        {number('supervisionEveryWeeks', 'Sparring hver (uger)', `Standard: ${row.defaults.supervisionEveryWeeks}.`)}
        {number('reassessEveryWeeks', 'UCLA-3 hver (uger)', `Standard: ${row.defaults.reassessEveryWeeks}.`)}
        <button type="submit" disabled={busy}>
          Gem indstillinger
        </button>
      </form>
    </details>
  );
}
