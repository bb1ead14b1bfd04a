import type { ChartConfiguration } from 'chart.js';
import { useState } from 'preact/hooks';
import type { Programme } from '../../../../domain/shared/codes';
import { get, query } from '../../api';
import { Chart, PALETTE } from '../../components/Chart';
import { Column, Table } from '../../components/Table';
import { PROGRAMME } from '../../labels';
import { Field, LoadState, SelectField, useLoad } from '../../ui';

interface GapsAnswer {
  casesWithWishes: number;
  interests: Array<{ interest: string; label: string; cases: number; withoutOffer: number }>;
  postcodes: Array<{ postcode: string; cases: number; withoutOffer: number }>;
  introductions: Array<{ kind: string; label: string; introduced: number; joined: number; triedNotForMe: number; droppedOut: number }>;
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const POSTCODES: Column<GapsAnswer['postcodes'][number]>[] = [
  { header: 'Postnr.', cell: (r) => r.postcode },
  { header: 'Borgere med ønsker', numeric: true, cell: (r) => r.cases },
  { header: 'Uden tilbud i nærheden', numeric: true, cell: (r) => r.withoutOffer },
];
const KINDS: Column<GapsAnswer['introductions'][number]>[] = [
  { header: 'Type', cell: (r) => capital(r.label) },
  { header: 'Introduceret', numeric: true, cell: (r) => r.introduced },
  { header: 'Fortsatte', numeric: true, cell: (r) => r.joined },
  { header: 'Ikke noget for dem', numeric: true, cell: (r) => r.triedNotForMe },
  { header: 'Faldt fra', numeric: true, cell: (r) => r.droppedOut },
];

/** Mangler: where citizens wished for something no offer nearby has (seed 003: "synligt, hvor der mangler tilbud"). Aggregates only. */
export function Gaps() {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [programme, setProgramme] = useState<Programme | ''>('');
  const loaded = useLoad(() => get<GapsAnswer>(`/offers/gaps${query({ from, to, programme })}`), [from, to, programme]);
  return (
    <section>
      <h1>Hvor mangler der tilbud?</h1>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <Field label="Henvist fra">{(a) => <input {...a} type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />}</Field>
        <Field label="Henvist til">{(a) => <input {...a} type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} />}</Field>
        <SelectField label="Ordning" value={programme} onChange={setProgramme} options={PROGRAMME} empty="Alle" />
      </form>
      <LoadState loaded={loaded}>
        {() => {
          const g = loaded.data!;
          const top = g.interests.slice(0, 12);
          const chart: ChartConfiguration = {
            type: 'bar',
            data: {
              labels: top.map((r) => capital(r.label)),
              datasets: [
                { label: 'Uden tilbud i nærheden', data: top.map((r) => r.withoutOffer), backgroundColor: PALETTE[1] },
                { label: 'Med tilbud i nærheden', data: top.map((r) => r.cases - r.withoutOffer), backgroundColor: PALETTE[0] },
              ],
            },
            options: { indexAxis: 'y', scales: { x: { stacked: true, ticks: { precision: 0 } }, y: { stacked: true } } },
          };
          const summary = top.length === 0 ? 'Ingen ønsker i perioden.' : top.map((r) => `${capital(r.label)}: ${r.withoutOffer} af ${r.cases} uden tilbud`).join('; ');
          return (
            <>
              <p>{g.casesWithWishes} {g.casesWithWishes === 1 ? 'borger' : 'borgere'} med registrerede ønsker i perioden.</p>
              <div class="card">
                <h2>Ønskede interesser</h2>
                <Chart config={chart} summary={summary} height={Math.max(200, top.length * 32)} />
              </div>
              <div class="columns">
                <div class="card">
                  <h2>Postnumre</h2>
                  <Table rows={g.postcodes} columns={POSTCODES} rowKey={(r) => r.postcode} empty="Ingen ønsker i perioden." />
                </div>
                <div class="card">
                  <h2>Introduktioner efter type</h2>
                  <Table rows={g.introductions} columns={KINDS} rowKey={(r) => r.kind} empty="Ingen introduktioner i perioden." />
                </div>
              </div>
            </>
          );
        }}
      </LoadState>
    </section>
  );
}
