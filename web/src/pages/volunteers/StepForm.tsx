import { useState } from 'preact/hooks';
import type { Programme } from '../../../../domain/shared/codes';
import { ApiError, post } from '../../api';
import { DateTime, fromLocalInput, ZONE } from '../../format';
import { focusHeading } from '../../focus';
import { PROGRAMME } from '../../labels';
import { Checkboxes, Field, Notice, Options } from '../../ui';

/** One field of a lifecycle step's form. Times are Copenhagen wall time, sent as instants with their offset. */
export type StepField =
  | { name: string; label: string; kind: 'text' | 'textarea' | 'datetime' | 'date' | 'number' | 'tel' | 'email'; required?: boolean; hint?: string; initial?: string }
  | { name: string; label: string; kind: 'select'; options: Record<string, string>; required?: boolean; initial?: string }
  | { name: string; label: string; kind: 'programmes'; required?: boolean; initial?: Programme[] };

type Values = Record<string, string | string[]>;

/** A date field (`yyyy-MM-dd`) as the start of that day in Copenhagen. */
const fromDate = (value: string): string | undefined => {
  const parsed = DateTime.fromISO(value, { zone: ZONE });
  return parsed.isValid ? (parsed.toISO({ suppressMilliseconds: true }) ?? undefined) : undefined;
};

/**
 * A form for one step of the volunteer's lifecycle (issue 20): checks what is
 * required in Danish before sending, shows the server's field errors beside
 * their fields and its refusal (409) in its own Danish words, then reloads.
 */
export function StepForm(props: { title: string; submit: string; path: string; fields: StepField[]; onDone: (answer: { visitorId: string }) => void; fixed?: Record<string, unknown> }) {
  const initial = (): Values => Object.fromEntries(props.fields.map((f) => [f.name, f.kind === 'programmes' ? (f.initial ?? []) : (f.initial ?? '')]));
  const [values, setValues] = useState<Values>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<string>();
  const [busy, setBusy] = useState(false);
  const set = (name: string, value: string | string[]) => setValues((v) => ({ ...v, [name]: value }));

  const body = (): { body: Record<string, unknown>; errors: Record<string, string> } => {
    const out: Record<string, unknown> = { ...props.fixed };
    const faults: Record<string, string> = {};
    for (const f of props.fields) {
      const value = values[f.name]!;
      const empty = Array.isArray(value) ? value.length === 0 : value.trim() === '';
      if (empty) {
        if (f.required) faults[f.name] = f.kind === 'programmes' ? 'Vælg mindst én ordning.' : 'Skal udfyldes.';
        continue;
      }
      if (f.kind === 'programmes') out[f.name] = value;
      else if (f.kind === 'datetime') {
        const at = fromLocalInput(value as string);
        if (at) out[f.name] = at;
        else faults[f.name] = 'Angiv dato og klokkeslæt.';
      } else if (f.kind === 'date') {
        const at = fromDate(value as string);
        if (at) out[f.name] = at;
        else faults[f.name] = 'Angiv en dato.';
      } else if (f.kind === 'number') out[f.name] = Number(value);
      else if (f.name === 'provisos') out[f.name] = (value as string).split('\n').map((line) => line.trim()).filter(Boolean);
      else out[f.name] = (value as string).trim();
    }
    return { body: out, errors: faults };
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setRefusal(undefined);
    const made = body();
    setErrors(made.errors);
    if (Object.keys(made.errors).length > 0) return;
    setBusy(true);
    try {
      const { data } = await post<{ visitorId: string }>(props.path, made.body);
      setValues(initial());
      props.onDone(data);
      focusHeading();
    } catch (error) {
      if (error instanceof ApiError) {
        setErrors(Object.fromEntries(error.errors.map((e) => [e.field.split('.')[0]!, e.message])));
        setRefusal(error.message);
      } else setRefusal(String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card form" onSubmit={submit} noValidate>
      <h3>{props.title}</h3>
      {refusal && <Notice kind="error">{refusal}</Notice>}
      {props.fields.map((f) => {
        if (f.kind === 'programmes') {
          return <Checkboxes key={f.name} legend={f.label} options={PROGRAMME} value={values[f.name] as Programme[]} onChange={(v) => set(f.name, v)} error={errors[f.name]} />;
        }
        return (
          <Field key={f.name} label={f.label} error={errors[f.name]} required={f.required} {...('hint' in f && f.hint !== undefined && { hint: f.hint })}>
            {(a) =>
              f.kind === 'select' ? (
                <select {...a} value={values[f.name] as string} onChange={(e) => set(f.name, e.currentTarget.value)}>
                  <Options options={f.options} empty="Vælg" />
                </select>
              ) : f.kind === 'textarea' ? (
                <textarea {...a} value={values[f.name] as string} onInput={(e) => set(f.name, e.currentTarget.value)} />
              ) : (
                <input {...a} type={(f.kind === 'datetime' ? 'datetime-local' : f.kind) as 'text'} value={values[f.name] as string} onInput={(e) => set(f.name, e.currentTarget.value)} />
              )
            }
          </Field>
        );
      })}
      <button type="submit" disabled={busy}>
        {props.submit}
      </button>
    </form>
  );
}
