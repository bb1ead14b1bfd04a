import { useState } from 'preact/hooks';
import { get, query } from '../../api';
import { date } from '../../format';
import { label, REFERRER_ROLE } from '../../labels';
import { Field, LoadState, useLoad } from '../../ui';

interface Partner {
  organisation: string;
  role: string;
  referrals: number;
  lastReferralAt: string;
  daysSinceLastReferral: number;
  silent: boolean;
}

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
          if (partners.length === 0) return <p class="empty">Ingen henvisninger endnu.</p>;
          return (
            <>
              <p>{silent === 0 ? 'Alle partnere har henvist for nylig.' : `${silent} ${silent === 1 ? 'partner er' : 'partnere er'} gået i stå og kan have brug for et besøg.`}</p>
              <div class="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Organisation</th>
                      <th scope="col">Rolle</th>
                      <th scope="col" class="num">Henvisninger</th>
                      <th scope="col">Seneste henvisning</th>
                      <th scope="col" class="num">Dage siden</th>
                      <th scope="col">Status</th>
                    </tr>
                  </thead>
                  <tbody>
                    {partners.map((p) => (
                      <tr key={`${p.organisation}|${p.role}`} class={p.silent ? 'row-high' : ''}>
                        <td>{p.organisation || '–'}</td>
                        <td>{label(REFERRER_ROLE as Record<string, string>, p.role)}</td>
                        <td class="num">{p.referrals}</td>
                        <td>{date(p.lastReferralAt)}</td>
                        <td class="num">{p.daysSinceLastReferral}</td>
                        <td>{p.silent ? <span class="badge badge-risk">Gået i stå</span> : 'Aktiv'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          );
        }}
      </LoadState>
    </section>
  );
}
