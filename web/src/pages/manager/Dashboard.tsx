import { useState } from 'preact/hooks';
import type { ChartConfiguration } from 'chart.js';
import { get, query } from '../../api';
import { Chart, PALETTE } from '../../components/Chart';
import { month, now } from '../../format';
import { CLOSURE, DECLINE, label, PROGRAMME, REFERRER_ROLE, RELATION } from '../../labels';

/** Closures and declines share the chart: a decline counts by its own reason (issue #19). */
const ENDINGS: Record<string, string> = { ...DECLINE, ...CLOSURE };
import { Field, LoadState, SelectField, useLoad } from '../../ui';
import { periodMedian } from './headline';
import { CourseFigures, type CourseMonth } from './CourseFigures';
import { ScreeningSummary } from './ScreeningSummary';
import { VolunteerFigures } from './VolunteerFigures';
import { Figure } from '../../components/Figure';

interface Stat {
  n: number;
  median?: number | null;
  p90?: number | null;
}
interface Month extends CourseMonth {
  month: string;
  referrals: { total: number; byProgramme: Record<string, number>; byReferrerRole: Record<string, number> };
  daysToTriage: Stat;
  daysToFirstVisit: Stat;
  waitingAtMonthEnd: number;
  relationsByKind: Record<string, number>;
  closuresByReason: Record<string, number>;
  /** Issue #19 (absent from a server before it). */
  goingAlong?: { accompanied: number; alone: number };
  loneliness: { cases: number; meanFirst?: number | null; meanLast?: number | null; meanChange?: number | null };
}
interface Dashboard {
  from: string;
  to: string;
  months: Month[];
}

const sum = (records: Array<Record<string, number>>): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const r of records) for (const [k, v] of Object.entries(r)) out[k] = (out[k] ?? 0) + v;
  return out;
};
const one = (n: number | null | undefined) => (n === null || n === undefined ? '–' : n.toLocaleString('da-DK', { maximumFractionDigits: 1 }));

/** Overblik: the manager's figures by month, in Copenhagen time; aggregates only. */
export function Dashboard() {
  const [months, setMonths] = useState('12');
  const [programme, setProgramme] = useState('');
  const today = now();
  const to = today.toISODate()!;
  const from = today.minus({ months: Number(months) - 1 }).startOf('month').toISODate()!;
  const loaded = useLoad(() => get<Dashboard>(`/dashboard${query({ from, to, programme })}`), [from, to, programme]);

  return (
    <section>
      <h1>Overblik</h1>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <Field label="Periode">
          {(a) => (
            <select {...a} value={months} onChange={(e) => setMonths(e.currentTarget.value)}>
              <option value="3">Seneste 3 måneder</option>
              <option value="6">Seneste 6 måneder</option>
              <option value="12">Seneste 12 måneder</option>
              <option value="24">Seneste 24 måneder</option>
            </select>
          )}
        </Field>
        <SelectField label="Ordning" value={programme} onChange={setProgramme} options={PROGRAMME} empty="Alle ordninger" />
      </form>
      <LoadState loaded={loaded}>{() => <Figures months={loaded.data!.months} />}</LoadState>
      <ScreeningSummary from={from} to={to} />
      <VolunteerFigures />
    </section>
  );
}

function Figures({ months }: { months: Month[] }) {
  const labels = months.map((m) => month(m.month));
  const referrals = months.reduce((n, m) => n + m.referrals.total, 0);
  const relations = Object.values(sum(months.map((m) => m.relationsByKind))).reduce((a, b) => a + b, 0);
  const latest = months[months.length - 1];
  // The same months as the chart beside it (issue #17: it was the latest month's median, often of one case).
  const firstVisit = periodMedian(months.map((m) => m.daysToFirstVisit));
  const byRole = Object.entries(sum(months.map((m) => m.referrals.byReferrerRole))).sort((a, b) => b[1] - a[1]);
  const closures = Object.entries(sum(months.map((m) => m.closuresByReason)));
  const programmes = Object.keys(sum(months.map((m) => m.referrals.byProgramme)));
  const kinds = Object.keys(sum(months.map((m) => m.relationsByKind)));
  // Seed 003: the guide goes along the first times; going alone is progress.
  const accompanied = months.reduce((n, m) => n + (m.goingAlong?.accompanied ?? 0), 0);
  const alone = months.reduce((n, m) => n + (m.goingAlong?.alone ?? 0), 0);

  const perMonth: ChartConfiguration = {
    type: 'bar',
    data: { labels, datasets: programmes.map((p, i) => ({ label: label(PROGRAMME as Record<string, string>, p), data: months.map((m) => m.referrals.byProgramme[p] ?? 0), backgroundColor: PALETTE[i] })) },
    options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
  };
  const waiting: ChartConfiguration = {
    type: 'line',
    data: {
      labels,
      datasets: [
        { label: 'Dage til første besøg (median)', data: months.map((m) => m.daysToFirstVisit.median ?? null), spanGaps: true, borderColor: PALETTE[0], backgroundColor: PALETTE[0] },
        { label: 'Dage til første besøg (90 %)', data: months.map((m) => m.daysToFirstVisit.p90 ?? null), spanGaps: true, borderColor: PALETTE[5], backgroundColor: PALETTE[5], borderDash: [6, 4] },
        { label: 'Dage til vurdering (median)', data: months.map((m) => m.daysToTriage.median ?? null), spanGaps: true, borderColor: PALETTE[1], backgroundColor: PALETTE[1] },
      ],
    },
    options: { scales: { y: { beginAtZero: true } } },
  };
  const partners: ChartConfiguration = {
    type: 'bar',
    data: { labels: byRole.map(([r]) => label(REFERRER_ROLE as Record<string, string>, r)), datasets: [{ label: 'Henvisninger', data: byRole.map(([, n]) => n), backgroundColor: PALETTE[0] }] },
    options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } }, y: { ticks: { autoSkip: false } } } },
  };
  const relationChart: ChartConfiguration = {
    type: 'bar',
    data: { labels, datasets: kinds.map((k, i) => ({ label: label(RELATION as Record<string, string>, k), data: months.map((m) => m.relationsByKind[k] ?? 0), backgroundColor: PALETTE[i % PALETTE.length] })) },
    options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
  };
  const closureChart: ChartConfiguration = {
    type: 'doughnut',
    data: { labels: closures.map(([r]) => label(ENDINGS, r)), datasets: [{ data: closures.map(([, n]) => n), backgroundColor: PALETTE }] },
    options: { plugins: { legend: { position: 'right' } } },
  };
  const goingChart: ChartConfiguration = {
    type: 'bar',
    data: {
      labels,
      datasets: [
        { label: 'Fulgt af hjælperen', data: months.map((m) => m.goingAlong?.accompanied ?? 0), backgroundColor: PALETTE[0] },
        { label: 'Gået selv', data: months.map((m) => m.goingAlong?.alone ?? 0), backgroundColor: PALETTE[2] },
      ],
    },
    options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  };
  const loneliness: ChartConfiguration = {
    type: 'line',
    data: {
      labels,
      datasets: [
        { label: 'Første måling (gns.)', data: months.map((m) => m.loneliness.meanFirst ?? null), spanGaps: true, borderColor: PALETTE[1], backgroundColor: PALETTE[1] },
        { label: 'Seneste måling (gns.)', data: months.map((m) => m.loneliness.meanLast ?? null), spanGaps: true, borderColor: PALETTE[2], backgroundColor: PALETTE[2] },
      ],
    },
    options: { scales: { y: { min: 3, max: 9 } } },
  };

  return (
    <>
      <div class="figures">
        <Figure name="Henvisninger i perioden" value={referrals} />
        <Figure name="I ventemappen nu" value={latest?.waitingAtMonthEnd ?? 0} />
        <Figure name="Dage til første besøg (median)" value={one(firstVisit?.median)} note={firstVisit ? `${firstVisit.n} ${firstVisit.n === 1 ? 'sag' : 'sager'} i perioden; månedernes medianer vægtet med antal sager` : 'ingen data i perioden'} />
        <Figure name="Relationer etableret" value={relations} />
        <Figure name="Gået selv / fulgt af hjælperen" value={`${alone} / ${accompanied}`} note="Gange borgerne gik selv til en aktivitet, og gange de blev fulgt" />
      </div>
      <div class="chart-grid">
        <figure class="card">
          <figcaption>Henvisninger pr. måned</figcaption>
          <Chart config={perMonth} summary={`Henvisninger pr. måned: i alt ${referrals}`} />
        </figure>
        <figure class="card">
          <figcaption>Ventetid i dage</figcaption>
          <Chart config={waiting} summary={`Ventetid til første besøg, median i perioden: ${one(firstVisit?.median)} dage`} />
        </figure>
        <figure class="card">
          <figcaption>Henvisninger efter henviser</figcaption>
          <Chart config={partners} height={Math.max(260, byRole.length * 26 + 60)} summary={byRole.map(([r, n]) => `${label(REFERRER_ROLE as Record<string, string>, r)}: ${n}`).join(', ') || 'Ingen henvisninger'} />
        </figure>
        <figure class="card">
          <figcaption>Relationer etableret</figcaption>
          <Chart config={relationChart} summary={`Relationer etableret i perioden: ${relations}`} />
        </figure>
        <figure class="card">
          <figcaption>Afslutninger efter årsag</figcaption>
          <Chart config={closureChart} summary={closures.map(([r, n]) => `${label(ENDINGS, r)}: ${n}`).join(', ') || 'Ingen afslutninger'} />
        </figure>
        <figure class="card">
          <figcaption>Følges ad og gået selv</figcaption>
          <Chart config={goingChart} summary={`I perioden: fulgt af hjælperen ${accompanied} gange, gået selv ${alone} gange`} />
        </figure>
        <figure class="card">
          <figcaption>Ensomhed (UCLA-3, 3–9) før og efter</figcaption>
          <Chart config={loneliness} summary="Gennemsnitlig UCLA-3 ved første og seneste måling for sager med mindst to målinger" />
        </figure>
      </div>
      <CourseFigures months={months} />
    </>
  );
}
