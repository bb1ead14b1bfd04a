import { useState } from 'preact/hooks';
import { get, query } from '../../api';
import { date } from '../../format';
import { label, REFERRER_ROLE } from '../../labels';
import { Column, Table } from '../../components/Table';
import { Field, LoadState, useLoad } from '../../ui';

interface Partner {
  organisation: string;
  role: string;
  referrals: number;
  lastReferralAt: string;
  daysSinceLastReferral: number;
  silent: boolean;
}

const COLUMNS: Column<Partner>[] = [
  { header: 'Organisation', cell: (p) => p.organisation || '–' },
  { header: 'Rolle', cell: (p) => label(REFERRER_ROLE as Record<string, string>, p.role) },
  { header: 'Henvisninger', numeric: true, cell: (p) => p.referrals },
  { header: 'Seneste henvisning', cell: (p) => date(p.lastReferralAt) },
  { header: 'Dage siden', numeric: true, cell: (p) => p.daysSinceLastReferral },
  { header: 'Status', cell: (p) => (p.silent ? <span class="badge badge-risk">Gået i stå</span> : 'Aktiv') },
];

/** Samarbejdspartnere: who refers, and who has gone silent and needs a reminder visit. */
export function Partners() {
  const [silentDays, setSilentDays] = useState('90');
  const loaded = useLoad(() => get<Partner[]>(`/partners${query({ silentDays })}`), [silentDays]);
  return (
    <section>
      <h1>Samarbejdspartnere</h1>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <Field label="Stille efter">
          {(a) => (
            <select {...a} value={silentDays} onChange={(e) => setSilentDays(e.currentTarget.value)}>
              <option value="30">30 dage uden henvisning</option>
              <option value="60">60 dage uden henvisning</option>
              <option value="90">90 dage uden henvisning</option>
              <option value="180">180 dage uden henvisning</option>
            </select>
          )}
        </Field>
      </form>
      <LoadState loaded={loaded}>
        {() => {
          const partners = [...loaded.data!].sort((a, b) => Number(b.silent) - Number(a.silent) || b.daysSinceLastReferral - a.daysSinceLastReferral);
          const silent = partners.filter((p) => p.silent).length;
          return (
            <>
              <p class="muted">Henvisninger fra borgeren selv og fra pårørende er ikke fra en samarbejdspartner og står ikke her; de tælles under Henvisninger efter henviser i Overblik.</p>
              {partners.length > 0 && <p>{silent === 0 ? 'Alle partnere har henvist for nylig.' : `${silent} ${silent === 1 ? 'partner er' : 'partnere er'} gået i stå og kan have brug for et besøg.`}</p>}
              <Table rows={partners} columns={COLUMNS} rowKey={(p) => `${p.organisation}|${p.role}`} rowClass={(p) => (p.silent ? 'row-high' : undefined)} empty="Ingen henvisninger endnu." />
            </>
          );
        }}
      </LoadState>
    </section>
  );
}
