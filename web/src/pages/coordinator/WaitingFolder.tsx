import { useState } from 'preact/hooks';
import type { WaitingListEntry as WaitingCase } from '../../../../projections/waiting-list/waiting-list';
import { get, query } from '../../api';
import { date } from '../../format';
import { helperWord } from '../../../../domain/shared/helper-words';
import { label, NEED, PRIORITY, PROGRAMME, REFERRER_ROLE, TRACK, WAITING_STAGE } from '../../labels';
import { Column, Table } from '../../components/Table';
import { Field, Link, LoadState, SelectField, useLoad } from '../../ui';
import { FollowUpsDue } from './FollowUpsDue';
import { NewCards } from './NewCards';
import { Attention } from '../volunteers/Attention';

interface CaseRow {
  caseId: string;
  citizenName?: string;
}

/** The cases that wait, with the citizen's name (the waiting list holds ids only; names come from the case list, decrypted). */
async function loadWaiting(stage: string, track: string, programme: string): Promise<Row[]> {
  const [waiting, referred, triaged] = await Promise.all([
    get<WaitingCase[]>(`/waiting-list${query({ stage, track, programme, limit: 10000 })}`),
    get<CaseRow[]>(`/cases${query({ status: 'Referred', limit: 100000 })}`),
    get<CaseRow[]>(`/cases${query({ status: 'Waiting', limit: 100000 })}`),
  ]);
  const names = new Map([...referred, ...triaged].map((c) => [c.caseId, c.citizenName ?? '–']));
  return waiting.map((w) => ({ ...w, name: names.get(w.caseId) ?? '–' }));
}

type Row = WaitingCase & { name: string };

const COLUMNS: Column<Row>[] = [
  {
    header: 'Borger',
    cell: (w) => (
      <>
        <Link href={`/app/sager/${w.caseId}`}>{w.name}</Link>
        {w.pause && (
          <>
            {' '}
            <span class="badge badge-paused">På pause{w.pause.until ? ` til ${date(w.pause.until)}` : ''}</span>
          </>
        )}
        {w.riskFlags.map((flag) => (
          <span key={flag} class="badge badge-risk">
            {label(NEED, flag)}
          </span>
        ))}
      </>
    ),
  },
  { header: 'Trin', cell: (w) => (w.stage === 'referred' ? <span class="badge">{label(WAITING_STAGE, w.stage)}</span> : `Venter på ${helperWord(w.programme)}`) },
  { header: 'Ordning', cell: (w) => label(PROGRAMME, w.programme) },
  { header: 'Spor', cell: (w) => label(TRACK, w.track) },
  { header: 'Prioritet', cell: (w) => (w.priority ? label(PRIORITY, w.priority) : '–') },
  {
    header: 'Henvist af',
    cell: (w) => (
      <>
        {label(REFERRER_ROLE, w.referrerRole)}
        {w.referrerOrganisation && <span class="muted">, {w.referrerOrganisation}</span>}
      </>
    ),
  },
  { header: 'Henvist', cell: (w) => date(w.referredAt) },
  { header: 'Dage på venteliste', numeric: true, cell: (w) => w.daysWaiting },
];

/** Ventemappen: referrals to triage (oldest first), then cases waiting for a visitor, high priority and longest wait first. */
export function WaitingFolder() {
  const [stage, setStage] = useState('');
  const [track, setTrack] = useState('');
  const [programme, setProgramme] = useState('');
  const [search, setSearch] = useState('');
  const [order, setOrder] = useState<'priority' | 'days'>('priority');
  const loaded = useLoad(() => loadWaiting(stage, track, programme), [stage, track, programme]);

  return (
    <section>
      <div class="page-head">
        <h1>Ventemappe</h1>
        <Link href="/app/henvisning" class="button primary">
          Ny henvisning
        </Link>
      </div>
      {/* Issue 21: referral cards from /henvis waiting to be taken in. */}
      <NewCards />
      <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <SelectField label="Trin" value={stage} onChange={setStage} options={WAITING_STAGE} empty="Alle trin" />
        <SelectField label="Spor" value={track} onChange={setTrack} options={TRACK} empty="Alle spor" />
        <SelectField label="Ordning" value={programme} onChange={setProgramme} options={PROGRAMME} empty="Alle ordninger" />
        <Field label="Søg på navn">
          {(a) => <input {...a} type="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />}
        </Field>
        <Field label="Sortér">
          {(a) => (
            <select {...a} value={order} onChange={(e) => setOrder(e.currentTarget.value as 'priority' | 'days')}>
              <option value="priority">Til vurdering først, så prioritet og længst ventetid</option>
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
          const empty = `Ingen sager i ventemappen${stage || track || programme || needle ? ' med disse filtre' : ''}.`;
          return <Table rows={rows} columns={COLUMNS} rowKey={(w) => w.caseId} rowClass={(w) => (w.priority === 'high' ? 'row-high' : undefined)} caption="Sager i ventemappen" empty={empty} />;
        }}
      </LoadState>
      {/* Issue #19: the follow-ups after the end, on the coordinator's start page. */}
      <FollowUpsDue />
      <Attention />
    </section>
  );
}
