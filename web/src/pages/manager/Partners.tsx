import { useState } from 'preact/hooks';
import { PARTNER_KIND_DA } from '../../../../domain/partner/partner.codes';
import { get, query } from '../../api';
import { date } from '../../format';
import { label, REFERRER_ROLE } from '../../labels';
import { Column, Table } from '../../components/Table';
import type { Session } from '../../session';
import { Field, Link, LoadState, useLoad } from '../../ui';
import { RegisterPartner } from '../partners/RegisterPartner';

/** A row of GET /partners: a registered partner, or an organisation only named on referrals. */
export interface PartnerRow {
  partnerId: string | null;
  organisation: string | null;
  role: string | null;
  kind: string | null;
  referrals: number;
  totalReferrals: number;
  /** Referral cards from /henvis with the partner's code (issue 21). */
  cards?: number;
  lastReferralAt: string | null;
  daysSinceLastReferral: number | null;
  silent: boolean;
  lastMeetingAt: string | null;
  nextContactAt: string | null;
  contactDue: boolean;
  retired: boolean;
}

interface ChannelRow {
  channel: 'self' | 'relative';
  referrals: number;
}

const status = (p: PartnerRow) =>
  p.retired ? 'Udgået' : p.contactDue ? <span class="badge badge-risk">Kontakt snart</span> : p.silent ? <span class="badge">Gået i stå</span> : 'Aktiv';

const columns = (coordinator: boolean): Column<PartnerRow>[] => [
  { header: 'Samarbejdspartner', cell: (p) => (coordinator && p.partnerId ? <Link href={`/app/samarbejdspartnere/${p.partnerId}`}>{p.organisation}</Link> : p.organisation || '–') },
  { header: 'Henviser', cell: (p) => (p.role ? label(REFERRER_ROLE as Record<string, string>, p.role) : '–') },
  { header: 'Type', cell: (p) => (p.kind ? label(PARTNER_KIND_DA as Record<string, string>, p.kind) : 'Ikke i registret') },
  { header: 'Henvisninger', numeric: true, cell: (p) => p.referrals },
  // Issue 21: referral cards sent from /henvis with the partner's code.
  { header: 'Henvisningskort', numeric: true, cell: (p) => (p.partnerId ? (p.cards ?? 0) : '–') },
  { header: 'Seneste henvisning', cell: (p) => (p.lastReferralAt ? date(p.lastReferralAt) : 'Ingen endnu') },
  { header: 'Dage siden', numeric: true, cell: (p) => p.daysSinceLastReferral ?? '–' },
  { header: 'Sidste møde', cell: (p) => date(p.lastMeetingAt ?? undefined) },
  { header: 'Næste kontakt', cell: (p) => date(p.nextContactAt ?? undefined) },
  { header: 'Status', cell: status },
];

/** Samarbejdspartnere (issue 21): the register, "kontakt snart" first; who refers, and who needs a visit or a call. */
export function Partners({ session }: { session?: Session }) {
  const coordinator = session?.role === 'coordinator';
  const [silentDays, setSilentDays] = useState('90');
  const [version, setVersion] = useState(0);
  const loaded = useLoad(
    async () => ({
      partners: await get<PartnerRow[]>(`/partners${query({ silentDays })}`),
      channels: await get<ChannelRow[]>('/partners/channels'),
    }),
    [silentDays, version],
  );
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
          const { partners, channels } = loaded.data!;
          const due = partners.filter((p) => p.contactDue).length;
          const count = (c: ChannelRow['channel']) => channels.find((x) => x.channel === c)?.referrals ?? 0;
          return (
            <>
              {partners.length > 0 && <p>{due === 0 ? 'Ingen samarbejdspartnere skal kontaktes lige nu.' : `${due} ${due === 1 ? 'samarbejdspartner skal' : 'samarbejdspartnere skal'} kontaktes snart.`}</p>}
              <p class="muted">
                Borgeren selv og pårørende er ikke samarbejdspartnere og står ikke her: borgeren selv har henvist {count('self')} gange, pårørende {count('relative')} gange.
              </p>
              <Table
                rows={partners}
                columns={columns(coordinator)}
                rowKey={(p) => p.partnerId ?? `${p.organisation}|${p.role}`}
                rowClass={(p) => (p.contactDue ? 'row-high' : undefined)}
                empty="Ingen samarbejdspartnere eller henvisninger endnu."
                region="Samarbejdspartnere"
              />
            </>
          );
        }}
      </LoadState>
      {coordinator && <RegisterPartner onDone={() => setVersion((v) => v + 1)} />}
    </section>
  );
}
