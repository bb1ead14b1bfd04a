import type { TimeSpan, Weekday } from '../../../../domain/matching/matching.codes';
import { WEEKDAY } from '../../matching';
import { Field } from '../../ui';

/** Weekly time spans (when someone can): a weekday and from–to per row, rows added and removed. */
export function SpansField({ legend, value, onChange, error }: { legend: string; value: TimeSpan[]; onChange: (spans: TimeSpan[]) => void; error?: string | undefined }) {
  const set = (i: number, span: Partial<TimeSpan>) => onChange(value.map((s, j) => (j === i ? { ...s, ...span } : s)));
  return (
    <fieldset class={`spans${error ? ' field-invalid' : ''}`}>
      <legend>{legend}</legend>
      {value.map((span, i) => (
        <div class="span-row" key={i}>
          <Field label="Dag">
            {(a) => (
              <select {...a} value={String(span.weekday)} onChange={(e) => set(i, { weekday: Number(e.currentTarget.value) as Weekday })}>
                {Object.entries(WEEKDAY).map(([day, text]) => (
                  <option key={day} value={day}>
                    {text}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Fra">{(a) => <input {...a} type="time" value={span.from} onInput={(e) => set(i, { from: e.currentTarget.value })} />}</Field>
          <Field label="Til">{(a) => <input {...a} type="time" value={span.to} onInput={(e) => set(i, { to: e.currentTarget.value })} />}</Field>
          <button type="button" class="link" onClick={() => onChange(value.filter((_, j) => j !== i))}>
            Fjern
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...value, { weekday: 1, from: '10:00', to: '12:00' }])}>
        Tilføj tidspunkt
      </button>
      {error && <span class="field-error">{error}</span>}
    </fieldset>
  );
}

/** A span whose end is not after its start, in Danish (the server says the same in English). */
export const spanError = (spans: TimeSpan[]): string | undefined =>
  spans.some((s) => !/^\d{2}:\d{2}$/.test(s.from) || !/^\d{2}:\d{2}$/.test(s.to) || s.from >= s.to) ? 'Hvert tidspunkt skal slutte efter det begynder.' : undefined;
