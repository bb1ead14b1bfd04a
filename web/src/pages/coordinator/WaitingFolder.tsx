import { useState } from 'preact/hooks';
import type { WaitingCase as WaitingListEntry } from '../../../../projections/waiting-list/waiting-list';
import { get, query } from '../../api';
import { date } from '../../format';
import { label, NEED, PRIORITY, PROGRAMME, REFERRER_ROLE, TRACK } from '../../labels';
import { Field, Link, LoadState, SelectField, useLoad } from '../../ui';

/** An entry of `GET /waiting-list`: the read model's entry and the days it has waited (counted at query time). */
interface WaitingCase extends WaitingListEntry {
  daysWaiting: number;
}

interface CaseRow {
  caseId: string;
  citizenName?: string;
}

/** The cases that wait, with the citizen's name (the waiting list holds ids only; names come from the case list, decrypted). */
async function loadWaiting(track: string, programme: string): Promise<Array<WaitingCase & { name: string }>> {
  const [waiting, referred, triaged] = await Promise.all([
    get<WaitingCase[]>(`/waiting-list${query({ track, programme, limit: 10000 })}`),
    get<CaseRow[]>(`/cases${query({ status: 'Referred', limit: 100000 })}`),
    get<CaseRow[]>(`/cases${query({ status: 'Waiting', limit: 100000 })}`),
  ]);
  const names = new Map([...referred, ...triaged].map((c) => [c.caseId, c.citizenName ?? '–']));
  return waiting.map((w) => ({ ...w, name: names.get(w.caseId) ?? '–' }));
}

/** Ventemappen: referrals to triage and cases waiting for a visitor, high priority and longest wait first. */
export function WaitingFolder() {
  const [track, setTrack] = useState('');
  const [programme, setProgramme] = useState('');
  const [search, setSearch] = useState('');
  const [order, setOrder] = useState<'priority' | 'days'>('priority');
  const loaded = useLoad(() => loadWaiting(track, programme), [track, programme]);

  return (
    <section>
      <div class="page-head">
        <h1>Ventemappe</h1>
        <Link href="/app/henvisning" class="button primary">
          Ny henvisning
        </Link>
      </div>
      <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <SelectField label="Spor" value={track} onChange={setTrack} options={TRACK} empty="Alle spor" />
        <SelectField label="Ordning" value={programme} onChange={setProgramme} options={PROGRAMME} empty="Alle ordninger" />
        <Field label="Søg på navn">
          {(a) => <input {...a} type="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />}
        </Field>
        <Field label="Sortér">
          {(a) => (
            <select {...a} value={order} onChange={(e) => setOrder(e.currentTarget.value as 'priority' | 'days')}>
              <option value="priority">Prioritet, så længst ventetid</option>
              <option value="days">Længst ventetid</option>
            </select>
          )}
        </Field>
      </form>
      <LoadState loaded={loaded}>
        {() => {
          const needle = search.trim().toLocaleLowerCase('da');
          const rows = loaded.data!.filter((w) => !needle || w.name.toLocaleLowerCase('da').includes(needle));
          if (order === 'days') rows.sort((a, b) => b.daysWaiting - a.daysWaiting);
          if (rows.length === 0) return <p class="empty">Ingen sager i ventemappen{track || programme || needle ? ' med disse filtre' : ''}.</p>;
          return (
            <div class="table-wrap">
              <table>
                <caption class="sr-only">Sager i ventemappen</caption>
                <thead>
                  <tr>
                    <th scope="col">Borger</th>
                    <th scope="col">Ordning</th>
                    <th scope="col">Spor</th>
                    <th scope="col">Prioritet</th>
                    <th scope="col">Henvist af</th>
                    <th scope="col">Henvist</th>
                    <th scope="col" class="num">Dage på venteliste</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((w) => (
                    <tr key={w.caseId} class={w.priority === 'high' ? 'row-high' : ''}>
                      <td>
                        <Link href={`/app/sager/${w.caseId}`}>{w.name}</Link>
                        {w.riskFlags.map((flag) => (
                          <span key={flag} class="badge badge-risk">
                            {label(NEED, flag)}
                          </span>
                        ))}
                      </td>
                      <td>{label(PROGRAMME, w.programme)}</td>
                      <td>{w.track ? label(TRACK, w.track) : <span class="badge">Skal vurderes</span>}</td>
                      <td>{w.priority ? label(PRIORITY, w.priority) : '–'}</td>
                      <td>
                        {label(REFERRER_ROLE, w.referrerRole)}
                        {w.referrerOrganisation && <span class="muted">, {w.referrerOrganisation}</span>}
                      </td>
                      <td>{date(w.referredAt)}</td>
                      <td class="num">{w.daysWaiting}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          );
        }}
      </LoadState>
    </section>
  );
}
