import { useState } from 'preact/hooks';
import { get, query } from '../../api';
import { date } from '../../format';
import { label, PROGRAMME, STATUS, TRACK } from '../../labels';
import { Field, Link, LoadState, SelectField, useLoad } from '../../ui';

interface CaseRow {
  caseId: string;
  status: string;
  programme: string;
  referredAt: string;
  citizenName?: string;
  track?: string;
}

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
        {() =>
          loaded.data!.length === 0 ? (
            <p class="empty">Ingen sager fundet.</p>
          ) : (
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Borger</th>
                    <th scope="col">Status</th>
                    <th scope="col">Ordning</th>
                    <th scope="col">Spor</th>
                    <th scope="col">Henvist</th>
                  </tr>
                </thead>
                <tbody>
                  {loaded.data!.map((c) => (
                    <tr key={c.caseId}>
                      <td>
                        <Link href={`/app/sager/${c.caseId}`}>{c.citizenName ?? '–'}</Link>
                      </td>
                      <td>{label(STATUS, c.status)}</td>
                      <td>{label(PROGRAMME as Record<string, string>, c.programme)}</td>
                      <td>{c.track ? label(TRACK as Record<string, string>, c.track) : '–'}</td>
                      <td>{date(c.referredAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </LoadState>
    </section>
  );
}
