import type { ScreeningsAnswer } from '../../../../projections/screenings/screening-figures';
import { get, query } from '../../api';
import { Link, LoadState, useLoad } from '../../ui';
import { Figure } from '../../components/Figure';

const percent = (share: number) => `${Math.round(share * 100)} %`;

/**
 * The Overblik's screening section (issue 22: "the dashboard counts screenings
 * per unit and month, the share that scored as lonely, and how many became
 * referrals and cases"): the period's totals from GET /dashboard/screenings,
 * the same period as the rest of the page, and a link to Opsporinger for the
 * units and months. A screening has no programme: the programme filter does
 * not apply here.
 */
export function ScreeningSummary({ from, to }: { from: string; to: string }) {
  const loaded = useLoad(() => get<ScreeningsAnswer>(`/dashboard/screenings${query({ from, to })}`), [from, to]);
  return (
    <section aria-labelledby="screening-summary">
      <h2 id="screening-summary">Opsporing</h2>
      <LoadState loaded={loaded}>
        {() => {
          const { totals } = loaded.data!;
          return (
            <>
              <div class="figures">
                <Figure name="Opsporinger i perioden" value={totals.screened} note="UCLA-3 taget før en henvisning, alle ordninger" />
                <Figure name="Tegn på ensomhed" value={`${totals.lonely} (${percent(totals.lonelyShare)})`} note="UCLA-3 på 7 eller derover" />
                <Figure name="Henvist fra opsporing" value={totals.referrals} note={`${totals.consentToRefer} sagde ja til henvisning`} />
                <Figure name="Sager i gang fra opsporing" value={totals.cases} note="Første besøg aftalt" />
              </div>
              <p>
                <Link href="/app/opsporinger">Se opsporinger pr. enhed og måned</Link>
              </p>
            </>
          );
        }}
      </LoadState>
    </section>
  );
}
