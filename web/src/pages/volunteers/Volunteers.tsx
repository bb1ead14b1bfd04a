import { get } from '../../api';
import { Column, Table } from '../../components/Table';
import { navigate } from '../../router';
import { Link, LoadState, useLoad } from '../../ui';
import { Attention } from './Attention';
import { StepForm } from './StepForm';
import { VOLUNTEER_STATUS } from './volunteer-labels';

interface Row {
  visitorId: string;
  name: string;
  kind: string;
  status?: string;
  active: boolean;
  capacity: number;
  activeCases: number;
}

const COLUMNS: Column<Row>[] = [
  { header: 'Navn', cell: (r) => <Link href={`/app/frivillige/${r.visitorId}`}>{r.name}</Link> },
  { header: 'Status', cell: (r) => VOLUNTEER_STATUS[r.status ?? (r.active ? 'active' : 'inactive')] },
  { header: 'Borgere', numeric: true, cell: (r) => r.activeCases },
  { header: 'Pladser', numeric: true, cell: (r) => r.capacity },
];

/** Frivillige (issue 20): who needs attention, a new application, and every volunteer with their status. */
export function Volunteers() {
  const loaded = useLoad(() => get<Row[]>('/visitors'), []);
  return (
    <section>
      <h1>Frivillige</h1>
      <Attention />
      <StepForm
        title="Ny ansøgning"
        submit="Registrér ansøgningen"
        path="/visitors/applications"
        onDone={({ visitorId }) => navigate(`/app/frivillige/${visitorId}`)}
        fields={[
          { name: 'name', label: 'Navn', kind: 'text', required: true },
          { name: 'phone', label: 'Telefon', kind: 'tel', required: true },
          { name: 'email', label: 'E-mail', kind: 'email' },
          { name: 'programmes', label: 'Søger til', kind: 'programmes', required: true },
          { name: 'motivation', label: 'Motivation', kind: 'textarea', hint: 'Med den frivilliges egne ord: krypteres' },
          { name: 'howHeard', label: 'Hørt om os gennem', kind: 'text' },
          { name: 'at', label: 'Ansøgt', kind: 'datetime', hint: 'Tom: nu. En ansøgning på papir kan dateres tilbage.' },
        ]}
      />
      <h2>Alle frivillige og ansatte</h2>
      <LoadState loaded={loaded}>{() => <Table rows={loaded.data!} columns={COLUMNS} rowKey={(r) => r.visitorId} empty="Ingen endnu." caption="Frivillige og ansatte" />}</LoadState>
    </section>
  );
}
