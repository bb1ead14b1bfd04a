import type { FollowUpItem } from '../../../../projections/follow-ups/follow-ups';
import { get, query } from '../../api';
import { Column, Table } from '../../components/Table';
import { date } from '../../format';
import { CLOSURE, label, PROGRAMME } from '../../labels';
import { Link, LoadState, useLoad } from '../../ui';

interface CaseRow {
  caseId: string;
  citizenName?: string;
}

type Row = FollowUpItem & { name: string };

/** The follow-ups due with the citizen's name (the list holds ids only; names from the closed cases). */
async function loadDue(): Promise<Row[]> {
  const [due, closed] = await Promise.all([get<FollowUpItem[]>('/follow-ups/due'), get<CaseRow[]>(`/cases${query({ status: 'Closed', limit: 100000 })}`)]);
  const names = new Map(closed.map((c) => [c.caseId, c.citizenName ?? '–']));
  return due.map((f) => ({ ...f, name: names.get(f.caseId) ?? '–' }));
}

const when = (f: FollowUpItem): string => {
  if (f.daysOverdue === 0) return 'i dag';
  if (f.daysOverdue > 0) return f.daysOverdue === 1 ? '1 dag over tid' : `${f.daysOverdue} dage over tid`;
  return f.daysOverdue === -1 ? 'i morgen' : `om ${-f.daysOverdue} dage`;
};

const COLUMNS: Column<Row>[] = [
  { header: 'Borger', cell: (f) => <Link href={`/app/sager/${f.caseId}`}>{f.name}</Link> },
  { header: 'Ordning', cell: (f) => label(PROGRAMME, f.programme) },
  { header: 'Afsluttet', cell: (f) => `${date(f.closedAt)}: ${label(CLOSURE, f.closureReason)}` },
  { header: 'Opfølgning', cell: (f) => date(f.dueAt) },
  { header: 'Hvornår', cell: (f) => <span class={f.overdue ? 'badge badge-late' : 'badge'}>{when(f)}</span> },
];

/**
 * "Opfølgning" on the coordinator's start page (issue #19): follow-ups after
 * the end that are overdue or due within two weeks, the oldest first; the
 * case page records each one.
 */
export function FollowUpsDue() {
  const loaded = useLoad(loadDue, []);
  return (
    <section class="follow-ups-due" aria-labelledby="opfoelgning">
      <h2 id="opfoelgning">Opfølgning</h2>
      <LoadState loaded={loaded}>
        {() => <Table rows={loaded.data!} columns={COLUMNS} rowKey={(f) => f.followUpId} caption="Opfølgninger efter afslutning, der er forfaldne eller forfalder inden for 14 dage" empty="Ingen opfølgninger forfalder de næste 14 dage." />}
      </LoadState>
    </section>
  );
}
