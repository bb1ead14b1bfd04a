import { useState } from 'preact/hooks';
import { get, query } from '../../api';
import { date } from '../../format';
import { label, PROGRAMME, STATUS, TRACK } from '../../labels';
import { Column, Table } from '../../components/Table';
import { Field, Link, LoadState, SelectField, useLoad } from '../../ui';

interface CaseRow {
  caseId: string;
  status: string;
  programme: string;
  referredAt: string;
  citizenName?: string;
  track?: string;
}

const COLUMNS: Column<CaseRow>[] = [
  { header: 'Borger', cell: (c) => <Link href={`/app/sager/${c.caseId}`}>{c.citizenName ?? '–'}</Link> },
  { header: 'Status', cell: (c) => label(STATUS, c.status) },
  { header: 'Ordning', cell: (c) => label(PROGRAMME as Record<string, string>, c.programme) },
  { header: 'Spor', cell: (c) => (c.track ? label(TRACK as Record<string, string>, c.track) : '–') },
  { header: 'Henvist', cell: (c) => date(c.referredAt) },
];

/** Alle sager: find a citizen's case by name (the server searches after decryption), newest referral first. */
export function Cases() {
  const [status, setStatus] = useState('Active');
  const [search, setSearch] = useState('');
  const [needle, setNeedle] = useState('');
  const loaded = useLoad(() => get<CaseRow[]>(`/cases${query({ status, search: needle, limit: 200 })}`), [status, needle]);
  return (
    <section>
      <h1>Sager</h1>
      <form class="filters" role="search" onSubmit={(e) => (e.preventDefault(), setNeedle(search.trim()))}>
        <SelectField label="Status" value={status} onChange={setStatus} options={STATUS} empty="Alle" />
        <Field label="Borgerens navn">
          {(a) => <input {...a} type="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />}
        </Field>
        <div class="field">
          <button type="submit">Søg</button>
        </div>
      </form>
      <LoadState loaded={loaded}>
        {() => <Table rows={loaded.data!} columns={COLUMNS} rowKey={(c) => c.caseId} empty="Ingen sager fundet." />}
      </LoadState>
    </section>
  );
}
