import { useState } from 'preact/hooks';
import type { ScreeningFigures, ScreeningsAnswer } from '../../../../projections/screenings/screening-figures';
import { get, query } from '../../api';
import { Column, Table } from '../../components/Table';
import { month } from '../../format';
import { Field, LoadState, useLoad } from '../../ui';

const percent = (share: number) => `${Math.round(share * 100)} %`;

const COLUMNS: Column<ScreeningFigures>[] = [
  { header: 'Måned', cell: (r) => month(r.month) },
  { header: 'Enhed', cell: (r) => r.unit },
  { header: 'Opsporinger', numeric: true, cell: (r) => r.screened },
  { header: 'Tegn på ensomhed', numeric: true, cell: (r) => `${r.lonely} (${percent(r.lonelyShare)})` },
  { header: 'Samtykke', numeric: true, cell: (r) => r.consentToRefer },
  { header: 'Henvist', numeric: true, cell: (r) => r.referrals },
  { header: 'Sager i gang', numeric: true, cell: (r) => r.cases },
];

/**
 * Opsporinger (issue 22): the screenings per unit and month, the share that
 * scored as lonely (UCLA-3 ≥ 7), and how many became referrals and cases.
 * Aggregates only (GET /dashboard/screenings).
 */
export function Screenings() {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const loaded = useLoad(() => get<ScreeningsAnswer>(`/dashboard/screenings${query({ from, to })}`), [from, to]);
  return (
    <section>
      <h1>Opsporinger</h1>
      <div class="filters">
        <Field label="Fra">{(a) => <input {...a} type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />}</Field>
        <Field label="Til">{(a) => <input {...a} type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} />}</Field>
      </div>
      <LoadState loaded={loaded}>
        {() => {
          const { rows, totals } = loaded.data!;
          return (
            <>
              <p>
                {totals.screened} opsporinger, {totals.lonely} med tegn på ensomhed ({percent(totals.lonelyShare)}); {totals.referrals} henvist, {totals.cases} sager i gang.
              </p>
              <Table rows={rows} columns={COLUMNS} rowKey={(r) => `${r.month}:${r.unit}`} caption="Opsporinger pr. enhed og måned" empty="Ingen opsporinger i perioden." region="Opsporinger pr. enhed og måned" />
            </>
          );
        }}
      </LoadState>
    </section>
  );
}
