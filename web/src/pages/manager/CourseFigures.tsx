import { FOLLOW_UP_OUTCOME, label, ONWARD } from '../../labels';

/** What issue #19 added to a month of GET /dashboard (absent from a server before it). */
export interface CourseMonth {
  relativesNeedingRelief?: number;
  referredOnwardByDestination?: Record<string, number>;
  followUpOutcomes?: Record<string, number>;
}

const total = (months: CourseMonth[], pick: (m: CourseMonth) => Record<string, number> | undefined): Array<[string, number]> => {
  const out: Record<string, number> = {};
  for (const m of months) for (const [k, v] of Object.entries(pick(m) ?? {})) out[k] = (out[k] ?? 0) + v;
  return Object.entries(out).sort((a, b) => b[1] - a[1]);
};

/** A count per code under its caption; `column` heads the codes' column (not the caption again: a screen reader would read it twice). */
function Counts({ caption, column, rows, names, empty }: { caption: string; column: string; rows: Array<[string, number]>; names: Record<string, string>; empty: string }) {
  return (
    <figure class="card">
      <figcaption>{caption}</figcaption>
      {rows.length === 0 ? (
        <p class="muted">{empty}</p>
      ) : (
        <table aria-label={caption}>
          <thead>
            <tr>
              <th scope="col">{column}</th>
              <th scope="col">Antal</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([code, n]) => (
              <tr key={code}>
                <td>{label(names, code)}</td>
                <td>{n}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </figure>
  );
}

/**
 * Seed 003 on the dashboard (issue #19): relatives who need relief themselves,
 * where citizens were referred onward ("hvor der mangler tilbud"), and how the
 * follow-ups after the end went. Aggregates only.
 */
export function CourseFigures({ months }: { months: CourseMonth[] }) {
  const relief = months.reduce((n, m) => n + (m.relativesNeedingRelief ?? 0), 0);
  return (
    <div class="chart-grid course-figures">
      <figure class="card">
        <figcaption>Pårørende med brug for aflastning</figcaption>
        <p class="figure-value">{relief}</p>
        <p class="muted">Pårørende registreret i perioden, som selv har brug for aflastning</p>
      </figure>
      <Counts caption="Henvist videre til" column="Modtager" rows={total(months, (m) => m.referredOnwardByDestination)} names={ONWARD} empty="Ingen henvist videre i perioden." />
      <Counts caption="Opfølgning efter afslutning" column="Udfald" rows={total(months, (m) => m.followUpOutcomes)} names={FOLLOW_UP_OUTCOME} empty="Ingen opfølgninger i perioden." />
    </div>
  );
}
