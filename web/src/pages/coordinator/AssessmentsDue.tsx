import type { AssessmentItem } from '../../../../projections/assessments/assessments-due';
import type { AssessmentKind } from '../../../../domain/shared/assessment-schedule';
import { get, query } from '../../api';
import { Column, Table } from '../../components/Table';
import { date } from '../../format';
import { label, PROGRAMME } from '../../labels';
import { Link, LoadState, useLoad } from '../../ui';

interface CaseRow {
  caseId: string;
  citizenName?: string;
}

type Row = AssessmentItem & { name: string };

/** Why the UCLA-3 is due, in Danish. */
export const ASSESSMENT_KIND: Record<AssessmentKind, string> = {
  intake: 'Ved opstart (inden for 14 dage efter første besøg)',
  periodic: 'Løbende måling',
  close: 'Før afslutning',
  follow_up: 'Ved opfølgning',
};

/** The measurements due with the citizen's name (the list holds ids only). */
async function loadDue(): Promise<Row[]> {
  const [due, cases] = await Promise.all([get<AssessmentItem[]>('/assessments/due'), get<CaseRow[]>(`/cases${query({ limit: 100000 })}`)]);
  const names = new Map(cases.map((c) => [c.caseId, c.citizenName ?? '–']));
  return due.map((a) => ({ ...a, name: names.get(a.caseId) ?? '–' }));
}

const when = (a: AssessmentItem): string => {
  if (a.daysOverdue === 0) return 'i dag';
  if (a.daysOverdue > 0) return a.daysOverdue === 1 ? '1 dag over tid' : `${a.daysOverdue} dage over tid`;
  return a.daysOverdue === -1 ? 'i morgen' : `om ${-a.daysOverdue} dage`;
};

const COLUMNS: Column<Row>[] = [
  { header: 'Borger', cell: (a) => <Link href={`/app/sager/${a.caseId}`}>{a.name}</Link> },
  { header: 'Ordning', cell: (a) => label(PROGRAMME, a.programme) },
  { header: 'Måling', cell: (a) => ASSESSMENT_KIND[a.kind] },
  { header: 'Senest', cell: (a) => date(a.dueAt) },
  { header: 'Hvornår', cell: (a) => <span class={a.overdue ? 'badge badge-late' : 'badge'}>{when(a)}</span> },
];

/**
 * Målinger (issue 22): the UCLA-3 measurements due or overdue on the cases
 * (GET /assessments/due), the oldest first: at intake, along the way, before
 * the end and at the follow-up.
 */
export function AssessmentsDue() {
  const loaded = useLoad(loadDue, []);
  return (
    <section>
      <h1>Målinger</h1>
      <p class="muted">Ensomhedsmålinger (UCLA-3), der mangler eller skal tages inden for 14 dage. En måling tages ved opstart, med ordningens interval (se <Link href="/app/ordninger">Ordninger</Link>), før aftalt afslutning og ved opfølgningen.</p>
      <LoadState loaded={loaded}>
        {() => <Table rows={loaded.data!} columns={COLUMNS} rowKey={(a) => `${a.caseId}:${a.kind}:${a.followUpId ?? ''}`} caption="Ensomhedsmålinger der mangler" empty="Ingen målinger mangler de næste 14 dage." />}
      </LoadState>
    </section>
  );
}
