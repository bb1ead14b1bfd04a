import type { ChartConfiguration } from 'chart.js';
import { get } from '../../api';
import { Chart, PALETTE } from '../../components/Chart';
import { month } from '../../format';
import { LoadState, useLoad } from '../../ui';
import { VOLUNTEER_STATUS } from '../volunteers/volunteer-labels';

interface VolunteerDashboard {
  byStatus: Record<string, number>;
  funnel: { applied: number; interviewed: number; approved: number; declined: number };
  retention: { volunteers: number; averageMonths: number; medianMonths: number; left: number };
  supervision: { due: number; onTime: number };
  hoursByMonth: Array<{ month: string; visits: number; hours: number }>;
}

const STATUS: Record<string, string> = { ...VOLUNTEER_STATUS, registered: 'Oprettet direkte' };
const one = (n: number) => n.toLocaleString('da-DK', { maximumFractionDigits: 1 });

/** Issue 20: the volunteers on the dashboard: by status, the recruitment funnel, retention, supervision kept, hours given. */
export function VolunteerFigures() {
  const loaded = useLoad(() => get<VolunteerDashboard>('/dashboard/volunteers'), []);
  return (
    <section aria-labelledby="volunteer-figures">
      <h2 id="volunteer-figures">Frivillige</h2>
      <LoadState loaded={loaded}>
        {() => {
          const d = loaded.data!;
          const hours: ChartConfiguration = {
            type: 'bar',
            data: { labels: d.hoursByMonth.map((m) => month(m.month)), datasets: [{ label: 'Timer', data: d.hoursByMonth.map((m) => m.hours), backgroundColor: PALETTE[0] }] },
          };
          const total = d.hoursByMonth.reduce((n, m) => n + m.hours, 0);
          return (
            <>
              <div class="figures">
                {Object.entries(d.byStatus).map(([status, n]) => (
                  <div key={status} class="figure" role="group" aria-label={STATUS[status] ?? status}>
                    <span class="figure-value">{n}</span>
                    <span class="figure-name">{STATUS[status] ?? status}</span>
                  </div>
                ))}
              </div>
              <dl class="facts card">
                <dt>Rekruttering</dt>
                <dd>
                  {d.funnel.applied} ansøgt → {d.funnel.interviewed} til samtale → {d.funnel.approved} godkendt ({d.funnel.declined} afslag)
                </dd>
                <dt>Fastholdelse</dt>
                <dd>
                  {one(d.retention.medianMonths)} måneder (median) for {d.retention.volunteers} godkendte; {d.retention.left} er stoppet
                </dd>
                <dt>Sparring til tiden</dt>
                <dd>
                  {d.supervision.onTime} af {d.supervision.due}
                </dd>
              </dl>
              <figure class="card">
                <figcaption>Timer givet pr. måned</figcaption>
                <Chart config={hours} summary={`Timer givet de seneste 12 måneder: ${one(total)}`} />
              </figure>
            </>
          );
        }}
      </LoadState>
    </section>
  );
}
