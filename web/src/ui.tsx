import type { ComponentChildren, JSX } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError } from './api';
import { phoneText, telHref } from './format';
import { onLinkClick } from './router';

export function Link(props: { href: string; children: ComponentChildren; class?: string; 'aria-current'?: 'page' | undefined }) {
  return (
    <a href={props.href} class={props.class} aria-current={props['aria-current']} onClick={onLinkClick}>
      {props.children}
    </a>
  );
}

/** A phone number a phone can call with one tap. */
export function Phone({ number }: { number: string }) {
  return <a href={telHref(number)}>{phoneText(number)}</a>;
}

/** A message for everyone, read out by screen readers: an error (alert) or a confirmation (status). */
export function Notice({ kind, children }: { kind: 'error' | 'success' | 'info'; children: ComponentChildren }) {
  return (
    <div class={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

let counter = 0;
const useId = (prefix: string) => useState(() => `${prefix}-${++counter}`)[0];

type FieldProps = { label: string; error?: string | undefined; hint?: string; required?: boolean; children: (attrs: { id: string; 'aria-invalid'?: 'true'; 'aria-describedby'?: string; required?: boolean }) => JSX.Element };

/** A labelled field with its own Danish error message right beneath it, tied to the input for screen readers. */
export function Field({ label, error, hint, required, children }: FieldProps) {
  const id = useId('f');
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div class={`field${error ? ' field-invalid' : ''}`}>
      <label for={id}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {hint && (
        <small id={`${id}-hint`} class="hint">
          {hint}
        </small>
      )}
      {children({ id, ...(error && { 'aria-invalid': 'true' as const }), ...(described && { 'aria-describedby': described }), ...(required && { required: true }) })}
      {error && (
        <span id={`${id}-error`} class="field-error">
          {error}
        </span>
      )}
    </div>
  );
}

/** A group of checkboxes (needs, tasks) as one fieldset with a legend. */
export function Checkboxes<T extends string>(props: { legend: string; options: Record<T, string>; value: T[]; onChange: (value: T[]) => void; error?: string | undefined }) {
  return (
    <fieldset class={`checkboxes${props.error ? ' field-invalid' : ''}`}>
      <legend>{props.legend}</legend>
      {(Object.keys(props.options) as T[]).map((code) => (
        <label key={code} class="check">
          <input
            type="checkbox"
            checked={props.value.includes(code)}
            onChange={(e) => props.onChange((e.currentTarget as HTMLInputElement).checked ? [...props.value, code] : props.value.filter((c) => c !== code))}
          />
          {props.options[code]}
        </label>
      ))}
      {props.error && <span class="field-error">{props.error}</span>}
    </fieldset>
  );
}

export function Options<T extends string>({ options, empty }: { options: Record<T, string>; empty?: string }) {
  return (
    <>
      {empty !== undefined && <option value="">{empty}</option>}
      {(Object.keys(options) as T[]).map((code) => (
        <option key={code} value={code}>
          {options[code]}
        </option>
      ))}
    </>
  );
}

/** A labelled choice from a code list (the filters above a list, a choice in a form). */
export function SelectField<T extends string>(props: { label: string; value: string; onChange: (value: T) => void; options: Record<T, string>; empty?: string; error?: string | undefined }) {
  return (
    <Field label={props.label} error={props.error}>
      {(a) => (
        <select {...a} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value as T)}>
          <Options options={props.options} empty={props.empty} />
        </select>
      )}
    </Field>
  );
}

export interface Loaded<T> {
  data?: T;
  error?: ApiError;
  loading: boolean;
  reload: () => void;
}

/** Loads from the API when the inputs change; `reload` after a command. */
export function useLoad<T>(load: () => Promise<T>, inputs: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) => live && setState({ error: error instanceof ApiError ? error : new ApiError(0, 'client', String(error)), loading: false }),
    );
    return () => {
      live = false;
    };
  }, [...inputs, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}

/** What a loading view shows before and instead of its data. */
export function LoadState({ loaded, children }: { loaded: Loaded<unknown>; children: () => ComponentChildren }) {
  if (loaded.error) return <Notice kind="error">{loaded.error.message}</Notice>;
  if (loaded.data === undefined) return <p class="muted" aria-live="polite">Henter …</p>;
  return <>{children()}</>;
}
