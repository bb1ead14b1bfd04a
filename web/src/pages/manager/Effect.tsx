import { useState } from 'preact/hooks';
import type { Programme } from '../../../../domain/shared/codes';
import { PARTNER_KIND_DA } from '../../../../domain/partner/partner.codes';
import { get, query } from '../../api';
import { Chart } from '../../components/Chart';
import { Column, Table } from '../../components/Table';
import { now } from '../../format';
import { label, PROGRAMME, REFERRER_ROLE } from '../../labels';
import { loadSession } from '../../session';
import { Field, LoadState, Notice, SelectField, useLoad } from '../../ui';
import { AGE_BAND, days, Figures, funnelChart, funnelSteps, OutcomesAnswer, pairedChart, percent, relationDaysChart, screeningFunnelChart, screeningFunnelSummary, text } from './effect-data';
import { Figure } from '../../components/Figure';

/** The split by partner kind: the register's kinds, then the referrals by no partner of it (docs/api.md). */
const PARTNER_GROUP: Record<string, string> = { ...PARTNER_KIND_DA, not_in_register: 'Fagperson uden for partnerregistret', self: 'Borgeren selv', relative: 'Pårørende' };

type Group = [string, Figures];
const GROUP_COLUMNS: Column<Group>[] = [
  { header: 'Gruppe', cell: ([name]) => name },
  { header: 'Forløb', numeric: true, cell: ([, f]) => text(f.cases) },
  { header: 'Ændring UCLA-3', numeric: true, cell: ([, f]) => text(f.loneliness.meanChange) },
  { header: 'Forbedret', numeric: true, cell: ([, f]) => percent(f.loneliness.shareImproved) },
  { header: 'Med ny relation', numeric: true, cell: ([, f]) => percent(f.relations.shareWithRelation) },
  { header: 'Ventetid (median)', numeric: true, cell: ([, f]) => days(f.daysToFirstVisit.median) },
];

/** Downloads a report route with the token, as a file. */
async function download(path: string, fileName: string): Promise<void> {
  const response = await fetch(path, { headers: { authorization: `Bearer ${loadSession()?.token ?? ''}` } });
  if (!response.ok) throw new Error('Rapporten kunne ikke hentes. Prøv igen.');
  const url = URL.createObjectURL(await response.blob());
  Object.assign(document.createElement('a'), { href: url, download: fileName }).click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Effekt (issue 22): what the work achieved for the cases closed in a period; aggregates only, no cell under 5 cases. */
export function Effect() {
  const today = now();
  const [from, setFrom] = useState(today.minus({ years: 1 }).plus({ days: 1 }).toISODate()!);
  const [to, setTo] = useState(today.toISODate()!);
  const [programme, setProgramme] = useState<Programme | ''>('');
  const [failed, setFailed] = useState<string | undefined>();
  const period = query({ from, to, programme });
  const loaded = useLoad(() => get<OutcomesAnswer>(`/outcomes${period}`), [from, to, programme]);
  const suffix = `${from}-${to}${programme ? `-${programme}` : ''}`;
  return (
    <section>
      <h1>Effekt af indsatsen</h1>
      <p class="muted">Forløb afsluttet i perioden. Et tal, der bygger på færre end 5 forløb, vises som "&lt; 5", så ingen kan genkendes; en gruppe, hvis tal ville afsløre en mindre gruppe (det samlede tal minus de viste), står som "skjult".</p>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <Field label="Afsluttet fra">{(a) => <input {...a} type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />}</Field>
        <Field label="Afsluttet til">{(a) => <input {...a} type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} />}</Field>
        <SelectField label="Ordning" value={programme} onChange={setProgramme} options={PROGRAMME} empty="Alle" />
      </form>
      <p class="actions">
        <button type="button" onClick={() => download(`/reports/period.pdf${period}`, `perioderapport-${suffix}.pdf`).catch((e: Error) => setFailed(e.message))}>Hent rapporten (PDF)</button>{' '}
        <button type="button" onClick={() => download(`/reports/period.csv${period}`, `datasaet-${suffix}.csv`).catch((e: Error) => setFailed(e.message))}>Hent datasættet (CSV)</button>
      </p>
      {failed && <Notice kind="error">{failed}</Notice>}
      <LoadState loaded={loaded}>
        {() => {
          const o = loaded.data!;
          const all = o.all;
          const byProgramme: Group[] = Object.entries(o.byProgramme).map(([p, f]) => [label(PROGRAMME as Record<string, string>, p), f]);
          return (
            <>
              <div class="figures">
                <Figure name="Afsluttede forløb" value={text(all.cases)} />
                <Figure name="Ændring i UCLA-3 (gennemsnit)" value={text(all.loneliness.meanChange)} />
                <Figure name="Mindre ensomme ved sidste måling" value={percent(all.loneliness.shareImproved)} />
                <Figure name="Afsluttet med en ny relation" value={percent(all.relations.shareEndedWithRelation)} />
                <Figure name="Dage til første relation (median)" value={text(all.daysToFirstRelation.median)} />
                <Figure name="Stadig i relationen efter 3 måneder" value={text(all.followUp.byOutcome.still_connected)} />
              </div>
              <div class="chart-grid">
                <figure class="card">
                  <figcaption>Ensomhed før og efter (UCLA-3, 3–9)</figcaption>
                  <Chart config={pairedChart([['I alt', all], ...byProgramme])} summary={`Forløb med to målinger: ${text(all.loneliness.paired)}. Gennemsnit ved første måling ${text(all.loneliness.meanFirst)}, ved sidste ${text(all.loneliness.meanLast)}.`} />
                </figure>
                <figure class="card">
                  <figcaption>Tid fra henvisning til første relation</figcaption>
                  <Chart config={relationDaysChart(all)} summary={`Median ${days(all.daysToFirstRelation.median)}; ${Object.entries(all.daysToFirstRelation.bands).map(([b, c]) => `${b} dage: ${text(c)}`).join(', ')}`} />
                </figure>
                <figure class="card">
                  <figcaption>Fra afsluttet forløb til varig relation</figcaption>
                  <Chart config={funnelChart(all)} summary={funnelSteps(all).map(([name, c]) => `${name}: ${text(c)}`).join(', ')} />
                </figure>
                {o.funnel && (
                  <figure class="card">
                    <figcaption>Fra opsporing til relation (opsporinger i perioden)</figcaption>
                    <Chart config={screeningFunnelChart(o.funnel)} summary={screeningFunnelSummary(o.funnel)} />
                  </figure>
                )}
              </div>
              <div class="card">
                <h2>Efter ordning</h2>
                <Table rows={byProgramme} columns={GROUP_COLUMNS} rowKey={([name]) => name} empty="Ingen forløb afsluttet i perioden." />
              </div>
              <div class="card">
                <h2>Efter henviser</h2>
                <Table rows={Object.entries(o.byReferrerRole).map(([r, f]): Group => [label(REFERRER_ROLE as Record<string, string>, r), f])} columns={GROUP_COLUMNS} rowKey={([name]) => name} empty="Ingen forløb afsluttet i perioden." />
              </div>
              {o.byPartnerKind && (
                <div class="card">
                  <h2>Efter samarbejdspartner (partnerregistret)</h2>
                  <Table rows={Object.entries(o.byPartnerKind).map(([k, f]): Group => [PARTNER_GROUP[k] ?? k, f])} columns={GROUP_COLUMNS} rowKey={([name]) => name} empty="Ingen forløb afsluttet i perioden." />
                </div>
              )}
              <div class="card">
                <h2>Efter alder ved henvisning</h2>
                <Table rows={Object.entries(o.byAgeBand).map(([b, f]): Group => [AGE_BAND[b] ?? b, f])} columns={GROUP_COLUMNS} rowKey={([name]) => name} empty="Ingen forløb afsluttet i perioden." />
              </div>
            </>
          );
        }}
      </LoadState>
    </section>
  );
}
