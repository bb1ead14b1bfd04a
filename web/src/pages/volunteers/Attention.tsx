import { get } from '../../api';
import { date } from '../../format';
import { Column, Table } from '../../components/Table';
import { Link, LoadState, useLoad } from '../../ui';
import { ATTENTION_REASON, AttentionRow, VOLUNTEER_STATUS } from './volunteer-labels';

const COLUMNS: Column<AttentionRow>[] = [
  { header: 'Frivillig', cell: (r) => <Link href={`/app/frivillige/${r.visitorId}`}>{r.name}</Link> },
  { header: 'Status', cell: (r) => VOLUNTEER_STATUS[r.status] ?? r.status },
  {
    header: 'Hvad',
    cell: (r) =>
      r.reasons.map((x) => (
        <span key={`${x.reason}:${x.detail ?? ''}`} class="badge badge-late">
          {ATTENTION_REASON[x.reason] ?? x.reason}
          {x.detail && `: ${x.detail}`}
          {x.since && ` (${date(x.since)})`}
        </span>
      )),
  },
];

/** "Brug for opmærksomhed" (issue 20): volunteers who need something, on the coordinator's start page and the volunteers' page. */
export function Attention() {
  const loaded = useLoad(() => get<AttentionRow[]>('/visitors/attention'), []);
  return (
    <section class="attention" aria-labelledby="attention-heading">
      <h2 id="attention-heading">Brug for opmærksomhed</h2>
      <LoadState loaded={loaded}>{() => <Table rows={loaded.data!} columns={COLUMNS} rowKey={(r) => r.visitorId} empty="Ingen frivillige har brug for noget lige nu." caption="Frivillige med brug for opmærksomhed" />}</LoadState>
    </section>
  );
}
