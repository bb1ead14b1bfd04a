import { get } from '../../api';
import { Column, Table } from '../../components/Table';
import { LoadState, useLoad } from '../../ui';
import { VOLUNTEER_STATUS } from './volunteer-labels';

interface LedVolunteer {
  visitorId: string;
  name: string;
  status: string;
  capacity: number;
  activeCases: number;
}

const COLUMNS: Column<LedVolunteer>[] = [
  { header: 'Navn', cell: (r) => r.name },
  { header: 'Status', cell: (r) => VOLUNTEER_STATUS[r.status] ?? r.status },
  { header: 'Borgere', numeric: true, cell: (r) => r.activeCases },
  { header: 'Pladser', numeric: true, cell: (r) => r.capacity },
];

/** A frivillighedstovholder's volunteers (seed 001): status and caseload counts, nothing of citizens. */
export function MyVolunteers() {
  const loaded = useLoad(() => get<LedVolunteer[]>('/visitors/led'), []);
  return (
    <section>
      <h1>Mine frivillige</h1>
      <LoadState loaded={loaded}>{() => <Table rows={loaded.data!} columns={COLUMNS} rowKey={(r) => r.visitorId} empty="Du er ikke kontaktperson for nogen frivillige endnu." caption="Mine frivillige" />}</LoadState>
    </section>
  );
}
