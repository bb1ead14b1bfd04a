import PDFDocument from 'pdfkit';
import { DateTime } from 'luxon';
import type { MonthFigures } from '../../projections/dashboard/dashboard';
import { count } from '../../projections/outcomes/cells';
import type { OutcomeFigures } from '../../projections/outcomes/figures';
import type { Funnel } from '../../projections/outcomes/funnel';
import type { Outcomes } from '../../projections/outcomes/outcomes';
import { ZONE } from '../../projections/shared/time';
import { countBars, COLOURS, funnel, pairedBars } from './report-charts';
import { AGE_BAND_DA, CLOSURE_DA, da, dage, FOLLOW_UP_DA, FUNNEL_DA, num, PARTNER_GROUP_DA, pct, PROGRAMME_DA, REFERRER_DA, RELATION_DA } from './report-labels.da';

type Doc = InstanceType<typeof PDFDocument>;
const MARGIN = 50;
const WIDTH = 595.28 - 2 * MARGIN;

export interface ReportInput {
  outcomes: Outcomes;
  /** The funnel from screening to relation, for the screenings of the period. */
  funnel: Funnel;
  months: MonthFigures[];
  generatedAt: Date;
}

const dateDa = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).setLocale('da').toFormat('d. MMMM yyyy');

/**
 * The period's report for a board or a funder (issue 22): a one-page
 * summary, the outcomes as tables and charts, and the dashboard's activity,
 * in Danish; aggregates only, every cell under the small-cell rule. Made
 * with pdfkit, charts as its vector paths (docs/adr/0011-reports-with-pdfkit.md).
 */
export function periodReportPdf(input: ReportInput): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: 'Perioderapport', Author: 'brobygger', CreationDate: input.generatedAt } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  summaryPage(doc, input);
  doc.addPage();
  lonelinessPage(doc, input.outcomes);
  doc.addPage();
  relationsPage(doc, input.outcomes.all);
  doc.addPage();
  funnelPage(doc, input.funnel);
  doc.addPage();
  splitsPage(doc, input.outcomes);
  doc.addPage();
  activityPage(doc, input.months);
  doc.end();
  return done;
}

function heading(doc: Doc, text: string, size = 16): void {
  doc.fillColor(COLOURS.text).font('Helvetica-Bold').fontSize(size).text(text, MARGIN, doc.y, { width: WIDTH });
  doc.font('Helvetica').moveDown(0.4);
}

function paragraph(doc: Doc, text: string): void {
  doc.fillColor(COLOURS.muted).font('Helvetica').fontSize(9).text(text, MARGIN, doc.y, { width: WIDTH });
  doc.moveDown(0.6);
}

/** A table: the first column wide, the rest right-aligned. */
function table(doc: Doc, header: readonly string[], rows: ReadonlyArray<readonly string[]>): void {
  const first = header.length === 2 ? WIDTH - 100 : header.length > 3 ? 150 : 260;
  const rest = (WIDTH - first) / Math.max(1, header.length - 1);
  const line = (cells: readonly string[], bold: boolean) => {
    if (doc.y > 770) doc.addPage();
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9).fillColor(COLOURS.text);
    cells.forEach((cell, i) => doc.text(cell, i === 0 ? MARGIN : MARGIN + first + (i - 1) * rest, y, { width: i === 0 ? first - 6 : rest - 6, align: i === 0 ? 'left' : 'right', lineBreak: false }));
    doc.y = y + 15;
    doc.moveTo(MARGIN, doc.y - 3).lineTo(MARGIN + WIDTH, doc.y - 3).lineWidth(0.4).strokeColor(COLOURS.rule).stroke();
  };
  line(header, true);
  for (const row of rows) line(row, false);
  doc.font('Helvetica').moveDown(0.8);
}

function summaryPage(doc: Doc, { outcomes, funnel: screenings, months, generatedAt }: ReportInput): void {
  const all = outcomes.all;
  const referrals = months.reduce((sum, m) => sum + m.referrals.total, 0);
  heading(doc, 'Perioderapport: hvad indsatsen mod ensomhed opnåede', 20);
  const programme = outcomes.programme ? PROGRAMME_DA[outcomes.programme] : 'Alle indsatser';
  paragraph(doc, `Periode: ${dateDa(outcomes.from)} til ${dateDa(outcomes.to)}. ${programme}. Dannet ${DateTime.fromJSDate(generatedAt, { zone: ZONE }).setLocale('da').toFormat("d. MMMM yyyy 'kl.' HH:mm")}.`);
  heading(doc, 'Sammenfatning', 14);
  table(doc, ['Nøgletal', 'Værdi'], [
    ['Henvisninger i perioden', num(count(referrals))],
    ['Opsporinger i perioden (UCLA-3 før henvisning)', num(screenings.stages[0]!.count)],
    ['Afsluttede forløb i perioden', num(all.cases)],
    ['Forløb med to UCLA-3-målinger eller flere', num(all.loneliness.paired)],
    ['Gennemsnitlig UCLA-3 ved første måling', num(all.loneliness.meanFirst)],
    ['Gennemsnitlig UCLA-3 ved sidste måling', num(all.loneliness.meanLast)],
    ['Gennemsnitlig ændring (negativ er mindre ensom)', num(all.loneliness.meanChange)],
    ['Andel med lavere score ved sidste måling', pct(all.loneliness.shareImproved)],
    ['Andel af de alvorligt ensomme, der ikke længere er det', pct(all.loneliness.shareNoLongerSevere)],
    ['Andel med mindst én ny relation', pct(all.relations.shareWithRelation)],
    ['Andel afsluttet med en ny relation', pct(all.relations.shareEndedWithRelation)],
    ['Tid fra henvisning til første relation (median)', dage(all.daysToFirstRelation.median)],
    ['Ventetid fra henvisning til første besøg (median)', dage(all.daysToFirstVisit.median)],
    ['Opfølgning efter 3 måneder holdt', num(all.followUp.held)],
    ['Stadig i relationen ved opfølgningen', num(all.followUp.byOutcome.still_connected ?? count(0))],
  ]);
  heading(doc, 'Ensomhed før og efter (UCLA-3, gennemsnit)', 12);
  const top = doc.y;
  pairedBars(doc, { x: MARGIN, y: top, width: WIDTH, height: 170 }, lonelinessGroups(outcomes));
  doc.y = top + 182;
  heading(doc, 'Sådan læses rapporten', 12);
  paragraph(doc, 'Tallene gælder forløb afsluttet i perioden (ikke afviste henvisninger). Ensomhed måles med UCLA-3 (3-9 point); 7 og derover læses som alvorlig ensomhed. Før og efter sammenlignes kun for forløb med mindst to målinger. Dage er kalenderdage i dansk tid.');
  paragraph(doc, 'Ingen personoplysninger: rapporten indeholder kun optællinger. Et tal, der bygger på færre end 5 forløb, vises ikke og står som "< 5", så ingen kan genkendes. En gruppe, hvis tal sammen med det samlede tal ville afsløre en mindre gruppe, står som "skjult".');
}

function lonelinessPage(doc: Doc, outcomes: Outcomes): void {
  heading(doc, 'Ensomhed før og efter (UCLA-3)');
  paragraph(doc, 'Gennemsnit af første og sidste måling for de forløb, der har mindst to målinger, i alt og pr. indsats.');
  const top = doc.y;
  pairedBars(doc, { x: MARGIN, y: top, width: WIDTH, height: 230 }, lonelinessGroups(outcomes));
  doc.y = top + 245;
  const l = outcomes.all.loneliness;
  table(doc, ['UCLA-3, i alt', 'Værdi'], [
    ['Forløb med parrede målinger', num(l.paired)],
    ['Gennemsnitlig ændring', num(l.meanChange)],
    ['Forbedret (lavere score)', num(l.improved)],
    ['Andel forbedret', pct(l.shareImproved)],
    ['Alvorligt ensomme ved første måling', num(l.severeAtFirst)],
    ['Ikke længere alvorligt ensomme', num(l.noLongerSevere)],
    ['Andel ikke længere alvorligt ensomme', pct(l.shareNoLongerSevere)],
  ]);
  const f = outcomes.all.followUp;
  table(doc, ['Opfølgning efter 3 måneder', 'Forløb'], [
    ['Opfølgninger holdt', num(f.held)],
    ...Object.entries(f.byOutcome).map(([o, c]) => [FOLLOW_UP_DA[o as keyof typeof FOLLOW_UP_DA], num(c)]),
    ['Gennemsnitlig UCLA-3 ved opfølgningen', num(f.meanScore)],
    ['Ændring fra sidste måling i forløbet', num(f.meanChangeFromLast)],
  ]);
}

/** The paired chart's groups: all cases, then each programme. */
function lonelinessGroups(outcomes: Outcomes): Array<{ label: string; first: OutcomeFigures['cases']; last: OutcomeFigures['cases'] }> {
  const groups: Array<[string, OutcomeFigures]> = [['I alt', outcomes.all], ...Object.entries(outcomes.byProgramme).map(([p, f]): [string, OutcomeFigures] => [PROGRAMME_DA[p as keyof typeof PROGRAMME_DA], f])];
  return groups.map(([label, f]) => ({ label, first: f.loneliness.meanFirst, last: f.loneliness.meanLast }));
}

function relationsPage(doc: Doc, all: OutcomeFigures): void {
  heading(doc, 'Tid til første relation');
  paragraph(doc, `Dage fra henvisning til den første nye relation. Median ${dage(all.daysToFirstRelation.median)}, 90 % inden for ${dage(all.daysToFirstRelation.p90)}.`);
  const top = doc.y;
  countBars(doc, { x: MARGIN, y: top, width: WIDTH * 0.7, height: 150 }, Object.entries(all.daysToFirstRelation.bands).map(([band, value]) => ({ label: `${band} dage`, value })));
  doc.y = top + 160;
  heading(doc, 'Fra afsluttet forløb til varig relation', 13);
  const funnelTop = doc.y;
  funnel(doc, { x: MARGIN, y: funnelTop, width: WIDTH, height: 110 }, [
    { label: 'Afsluttede forløb', value: all.cases },
    { label: 'Med mindst én ny relation', value: all.relations.withRelation },
    { label: 'Afsluttet med en ny relation', value: all.relations.endedWithRelation },
    { label: 'Opfølgning holdt', value: all.followUp.held },
    { label: 'Stadig i relationen', value: all.followUp.byOutcome.still_connected ?? count(0) },
  ]);
  doc.y = funnelTop + 120;
  table(doc, ['Relationer efter art', 'Forløb', 'Relationer'], Object.entries(all.relations.byKind).map(([kind, c]) => [RELATION_DA[kind] ?? kind, num(c.cases), num(c.relations)]));
  paragraph(doc, `Relationer pr. forløb: ${num(all.relations.perCase)}.`);
  const d = all.dismissedButReturning;
  table(doc, ['"Fyret, men vi kommer igen": hvordan forløbene endte', 'Forløb'], [['Forløb, hvor den besøgende blev sendt væk og kom igen', num(d.cases)], ...Object.entries(d.endedBy).map(([reason, c]) => [CLOSURE_DA[reason] ?? reason, num(c)])]);
}

function funnelPage(doc: Doc, f: Funnel): void {
  heading(doc, 'Fra opsporing til relation');
  paragraph(doc, `Opsporinger (UCLA-3 taget før en henvisning) fra ${dateDa(f.from)} til ${dateDa(f.to)}, fulgt til i dag: hvert trin er en del af trinnet før. ${f.programme ? `Fra "henvist" tæller kun henvisninger til ${PROGRAMME_DA[f.programme].toLowerCase()}.` : ''}`);
  const top = doc.y;
  funnel(doc, { x: MARGIN, y: top, width: WIDTH, height: 170 }, f.stages.map((s) => ({ label: FUNNEL_DA[s.stage], value: s.count })));
  doc.y = top + 182;
  table(doc, ['Trin', 'Antal', 'Af trinnet før'], f.stages.map((s) => [FUNNEL_DA[s.stage], num(s.count), s.shareOfPrevious === undefined ? '' : pct(s.shareOfPrevious)]));
  paragraph(doc, `Henvist uden at score som ensom: ${num(f.referredNotLonely)}. Ensom: UCLA-3 på 7 eller derover. Forløb startet: første besøg aftalt. Stadig i relationen: ved den første opfølgning efter afslutningen.`);
}

function splitsPage(doc: Doc, outcomes: Outcomes): void {
  heading(doc, 'Fordelt på indsats, henviser og alder');
  const header = ['Gruppe', 'Forløb', 'Ændring', 'Forbedret', 'Med relation', 'Ventetid'];
  const row = (label: string, f: OutcomeFigures) => [label, num(f.cases), num(f.loneliness.meanChange), pct(f.loneliness.shareImproved), pct(f.relations.shareWithRelation), dage(f.daysToFirstVisit.median)];
  table(doc, ['Indsats', ...header.slice(1)], Object.entries(outcomes.byProgramme).map(([k, f]) => row(PROGRAMME_DA[k as keyof typeof PROGRAMME_DA], f)));
  table(doc, ['Henviser', ...header.slice(1)], Object.entries(outcomes.byReferrerRole).map(([k, f]) => row(REFERRER_DA[k as keyof typeof REFERRER_DA] ?? k, f)));
  table(doc, ['Henvist af (partnertype)', ...header.slice(1)], Object.entries(outcomes.byPartnerKind).map(([k, f]) => row(PARTNER_GROUP_DA[k as keyof typeof PARTNER_GROUP_DA] ?? k, f)));
  table(doc, ['Alder ved henvisning', ...header.slice(1)], Object.entries(outcomes.byAgeBand).map(([k, f]) => row(AGE_BAND_DA[k as keyof typeof AGE_BAND_DA], f)));
  paragraph(doc, 'Ændring: gennemsnitlig ændring i UCLA-3 for forløb med to målinger. Ventetid: median dage fra henvisning til første besøg.');
}

function activityPage(doc: Doc, months: readonly MonthFigures[]): void {
  heading(doc, 'Aktivitet i perioden (overblikket)');
  paragraph(doc, 'Månedens tal fra overblikket: henvisninger, ventemappen ved månedens udgang, nye relationer, afslutninger og median ventetid til første besøg for månedens henvisninger. Også her vises tal under 5 som "< 5".');
  const sum = (counts: Record<string, number>) => Object.values(counts).reduce((s, n) => s + n, 0);
  table(doc, ['Måned', 'Henvisninger', 'Ventende', 'Relationer', 'Afsluttet', 'Ventetid'], months.map((m) => [
    DateTime.fromFormat(m.month, 'yyyy-MM').setLocale('da').toFormat('MMMM yyyy'),
    num(count(m.referrals.total)),
    num(count(m.waitingAtMonthEnd)),
    num(count(sum(m.relationsByKind))),
    num(count(sum(m.closuresByReason))),
    m.daysToFirstVisit.n >= 5 && m.daysToFirstVisit.median !== null ? `${da(m.daysToFirstVisit.median)} dage` : '< 5',
  ]));
}
