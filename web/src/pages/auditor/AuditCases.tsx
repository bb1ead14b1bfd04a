import { useState } from 'preact/hooks';
import { ApiError, get, query } from '../../api';
import { loadSession } from '../../session';
import { date } from '../../format';
import { label, PRIORITY, PROGRAMME, STATUS, TRACK } from '../../labels';
import { Column, Table } from '../../components/Table';
import { Link, LoadState, Notice, SelectField, useLoad } from '../../ui';

interface AuditRow {
  caseId: string;
  citizen: string;
  status: string;
  programme: string;
  referredAt: string;
  track?: string;
  priority?: string;
}

const COLUMNS: Column<AuditRow>[] = [
  { header: 'Pseudonym', cell: (c) => <Link href={`/app/evaluering/${c.caseId}`}>{c.citizen}</Link> },
  { header: 'Ordning', cell: (c) => label(PROGRAMME as Record<string, string>, c.programme) },
  { header: 'Status', cell: (c) => label(STATUS, c.status) },
  { header: 'Spor', cell: (c) => (c.track ? label(TRACK as Record<string, string>, c.track) : '–') },
  { header: 'Prioritet', cell: (c) => (c.priority ? label(PRIORITY as Record<string, string>, c.priority) : '–') },
  { header: 'Henvist', cell: (c) => date(c.referredAt) },
];

/** Downloads GET /audit/export (NDJSON, pseudonymised) with the token, as a file. */
async function downloadExport(): Promise<void> {
  const session = loadSession();
  const response = await fetch('/audit/export', { headers: { authorization: `Bearer ${session?.token ?? ''}` } });
  if (!response.ok) throw new ApiError(response.status, 'export', 'Eksporten kunne ikke hentes. Prøv igen.');
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: `brobygger-evaluering-${new Date().toISOString().slice(0, 10)}.ndjson` });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Evaluering: every case under a pseudonym, no personal data; each opens a timeline that replays the case. */
export function AuditCases() {
  const [status, setStatus] = useState('');
  const [programme, setProgramme] = useState('');
  const [exportError, setExportError] = useState<string>();
  const loaded = useLoad(() => get<AuditRow[]>(`/cases${query({ status, programme, limit: 1000 })}`), [status, programme]);
  return (
    <section>
      <div class="page-head">
        <h1>Evaluering</h1>
        <button type="button" onClick={() => downloadExport().catch((e: Error) => setExportError(e.message))}>
          Hent eksport (NDJSON)
        </button>
      </div>
      <p class="muted">Pseudonymiseret: borgere vises med et fast pseudonym, uden navne, kontaktoplysninger eller fritekst.</p>
      {exportError && <Notice kind="error">{exportError}</Notice>}
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <SelectField label="Status" value={status} onChange={setStatus} options={STATUS} empty="Alle" />
        <SelectField label="Ordning" value={programme} onChange={setProgramme} options={PROGRAMME} empty="Alle ordninger" />
      </form>
      <LoadState loaded={loaded}>
        {() => <Table rows={loaded.data!} columns={COLUMNS} rowKey={(c) => c.caseId} empty="Ingen sager." />}
      </LoadState>
    </section>
  );
}
