import { useState } from 'preact/hooks';
import type { Role } from '../../../../domain/shared/codes';
import { ApiError, query, request } from '../../api';
import { Column, Table } from '../../components/Table';
import { dateTime, DateTime, ZONE } from '../../format';
import { label, ROLE } from '../../labels';
import { Field, Notice, SelectField } from '../../ui';
import { readWhat } from './citizen-facts';

interface AccessEntry {
  at: string;
  subject: string;
  role: string;
  route: string;
}

const PAGE = 25;

const COLUMNS: Column<AccessEntry>[] = [
  { header: 'Hvornår', cell: (e) => dateTime(e.at) },
  { header: 'Hvem', cell: (e) => e.subject },
  { header: 'Rolle', cell: (e) => label(ROLE, e.role) },
  {
    header: 'Hvad blev læst',
    cell: (e) => (
      <>
        {readWhat(e.route)}
        <br />
        <small class="muted">{e.route}</small>
      </>
    ),
  },
];

/** A Copenhagen calendar day as the instant it starts (`plusDays` 1: the next day's start, for an end date). */
const dayStart = (day: string, plusDays = 0): string | undefined => (day ? (DateTime.fromISO(day, { zone: ZONE }).plus({ days: plusDays }).toISO() ?? undefined) : undefined);

/** Who has read the citizen's data: newest first, by period and role, a page at a time. */
export function AccessLog({ citizenId }: { citizenId: string }) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [entries, setEntries] = useState<AccessEntry[]>();
  const [next, setNext] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const load = async (path: string, more: boolean) => {
    setBusy(true);
    setError(undefined);
    try {
      const answer = await request<AccessEntry[]>(path);
      setEntries(more ? [...(entries ?? []), ...answer.data] : answer.data);
      setNext(answer.next);
    } catch (e) {
      setError(e instanceof ApiError && e.status === 404 ? 'Der findes ingen borger med det id.' : (e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const show = (event: Event) => {
    event.preventDefault();
    const params = { order: 'newest', limit: PAGE, from: dayStart(from), to: dayStart(to, 1), role: role || undefined };
    void load(`/citizens/${citizenId}/access-log${query(params)}`, false);
  };

  return (
    <section class="card" aria-labelledby="access-log-title">
      <h2 id="access-log-title">Adgangslog: hvem har læst borgerens oplysninger</h2>
      <form class="filters" onSubmit={show} noValidate>
        <Field label="Fra dato">{(a) => <input {...a} type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />}</Field>
        <Field label="Til og med dato">{(a) => <input {...a} type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} />}</Field>
        <SelectField label="Rolle" value={role} onChange={setRole} options={ROLE} empty="Alle roller" />
        <div class="field">
          <button type="submit" disabled={busy}>
            Vis adgangslog
          </button>
        </div>
      </form>
      {error && <Notice kind="error">{error}</Notice>}
      {entries && (
        <>
          <p class="muted" aria-live="polite">
            {entries.length} {entries.length === 1 ? 'opslag' : 'opslag'} vist, nyeste først{next ? '; der er flere' : ''}.
          </p>
          <Table rows={entries} columns={COLUMNS} rowKey={(e) => `${e.at}|${e.subject}|${e.route}`} empty="Ingen har læst borgerens oplysninger i den periode." caption="Adgangslog" />
          {next && (
            <div class="actions">
              <button type="button" onClick={() => void load(next, true)} disabled={busy}>
                Vis flere
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
