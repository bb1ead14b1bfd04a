import { useState } from 'preact/hooks';
import type { OverdueVisit } from '../../../../projections/caseload/overdue';
import { get, query } from '../../api';
import { Column, Table } from '../../components/Table';
import { longDateTime } from '../../format';
import { label, PROGRAMME } from '../../labels';
import { Link, LoadState, SelectField, useLoad } from '../../ui';
import type { VisitorRow } from '../case/case-view';
import { overdueText } from '../case/overdue';

interface CaseRow {
  caseId: string;
  citizenName?: string;
}

type Row = OverdueVisit & { name: string; visitorName: string };

/** The overdue visits with the citizen's and the visitor's names (the list holds ids only; names from the case list and the visitors). */
async function loadOverdue(programme: string, visitorId: string): Promise<{ rows: Row[]; visitors: VisitorRow[] }> {
  const [overdue, active, visitors] = await Promise.all([
    get<OverdueVisit[]>(`/visits/overdue${query({ programme, visitorId })}`),
    get<CaseRow[]>(`/cases${query({ status: 'Active', limit: 100000 })}`),
    get<VisitorRow[]>('/visitors'),
  ]);
  const names = new Map(active.map((c) => [c.caseId, c.citizenName ?? '–']));
  const visitorNames = new Map(visitors.map((v) => [v.visitorId, v.name]));
  return { rows: overdue.map((o) => ({ ...o, name: names.get(o.caseId) ?? '–', visitorName: visitorNames.get(o.visitorId) ?? '–' })), visitors };
}

const COLUMNS: Column<Row>[] = [
  { header: 'Borger', cell: (o) => <Link href={`/app/sager/${o.caseId}`}>{o.name}</Link> },
  { header: 'Frivillig eller ansat', cell: (o) => o.visitorName },
  { header: 'Ordning', cell: (o) => label(PROGRAMME, o.programme) },
  { header: 'Aftalt besøg', cell: (o) => longDateTime(o.dueAt) },
  { header: 'Over tid', numeric: true, cell: (o) => <span class="badge badge-late">{overdueText(o.daysOverdue)}</span> },
];

/**
 * Besøg over tid: agreed visits whose time has passed with no visit recorded
 * since (paused cases are not here), the oldest first, so the coordinator can
 * call the visitor or the citizen.
 */
export function Overdue() {
  const [programme, setProgramme] = useState('');
  const [visitorId, setVisitorId] = useState('');
  const loaded = useLoad(() => loadOverdue(programme, visitorId), [programme, visitorId]);
  const visitorOptions = Object.fromEntries((loaded.data?.visitors ?? []).map((v) => [v.visitorId, v.name]));
  return (
    <section>
      <h1>Besøg over tid</h1>
      <p class="muted">Aftalte besøg, hvor tiden er gået, uden at et besøg er registreret siden. Sager på pause er ikke med.</p>
      <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <SelectField label="Ordning" value={programme} onChange={setProgramme} options={PROGRAMME} empty="Alle ordninger" />
        <SelectField label="Frivillig eller ansat" value={visitorId} onChange={setVisitorId} options={visitorOptions} empty="Alle" />
      </form>
      <LoadState loaded={loaded}>
        {() => (
          <Table
            rows={loaded.data!.rows}
            columns={COLUMNS}
            rowKey={(o) => o.caseId}
            caption="Besøg over tid, ældste først"
            empty={`Ingen besøg er over tid${programme || visitorId ? ' med disse filtre' : ''}.`}
          />
        )}
      </LoadState>
    </section>
  );
}
