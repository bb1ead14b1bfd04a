import type { ChartConfiguration } from 'chart.js';
import type { FunnelStage } from '../../../../projections/outcomes/funnel';
import { PALETTE } from '../../components/Chart';

/** A cell of GET /outcomes: a number, or suppressed under the small-cell rule (fewer than 5 cases). */
export type Cell = number | { suppressed: true; display: string };
interface Days {
  n: Cell;
  median: Cell;
  p90: Cell;
}
export interface Figures {
  cases: Cell;
  loneliness: { paired: Cell; meanFirst: Cell; meanLast: Cell; meanChange: Cell; improved: Cell; shareImproved: Cell; severeAtFirst: Cell; noLongerSevere: Cell; shareNoLongerSevere: Cell };
  relations: { withRelation: Cell; shareWithRelation: Cell; perCase: Cell; byKind: Record<string, { cases: Cell; relations: Cell }>; endedWithRelation: Cell; shareEndedWithRelation: Cell };
  daysToFirstRelation: Days & { bands: Record<string, Cell> };
  daysToFirstVisit: Days;
  dismissedButReturning: { cases: Cell; endedBy: Record<string, Cell>; shareEndedWithRelation: Cell };
  followUp: { held: Cell; byOutcome: Record<string, Cell>; scored: Cell; meanScore: Cell; meanChangeFromLast: Cell };
}
export interface OutcomesAnswer {
  from: string;
  to: string;
  programme: string | null;
  all: Figures;
  byProgramme: Record<string, Figures>;
  byReferrerRole: Record<string, Figures>;
  /** By the kind of the register's partner (absent from a server before it). */
  byPartnerKind?: Record<string, Figures>;
  byAgeBand: Record<string, Figures>;
  /** The funnel from screening to relation, for the screenings of the period (absent from a server before it). */
  funnel?: ScreeningFunnel;
}
export interface ScreeningFunnel {
  from: string;
  to: string;
  programme: string | null;
  stages: Array<{ stage: FunnelStage; count: Cell; shareOfPrevious?: Cell }>;
  referredNotLonely: Cell;
}

export const AGE_BAND: Record<string, string> = { under_50: 'Under 50 år', '50_64': '50-64 år', '65_74': '65-74 år', '75_84': '75-84 år', '85_plus': '85 år og derover', unknown: 'Alder ukendt' };

export const shown = (cell: Cell | undefined): cell is number => typeof cell === 'number';
/** A number the Danish way, or "< 5". */
export const text = (cell: Cell | undefined): string => (cell === undefined ? '< 5' : shown(cell) ? cell.toLocaleString('da-DK', { maximumFractionDigits: 1 }) : cell.display);
/** A share as a percentage, or "< 5". */
export const percent = (cell: Cell | undefined): string => (shown(cell) ? `${Math.round(cell * 100)} %` : text(cell));
/** Days, or "< 5". */
export const days = (cell: Cell | undefined): string => (shown(cell) ? `${text(cell)} dage` : text(cell));
/** A chart's value: null (no bar) where the cell is suppressed. */
const bar = (cell: Cell | undefined): number | null => (shown(cell) ? cell : null);

/** Before and after: the mean first and last UCLA-3 per group, on the scale 3–9. */
export function pairedChart(groups: ReadonlyArray<[string, Figures]>): ChartConfiguration {
  return {
    type: 'bar',
    data: {
      labels: groups.map(([name]) => name),
      datasets: [
        { label: 'Første måling', data: groups.map(([, f]) => bar(f.loneliness.meanFirst)), backgroundColor: PALETTE[5] },
        { label: 'Sidste måling', data: groups.map(([, f]) => bar(f.loneliness.meanLast)), backgroundColor: PALETTE[0] },
      ],
    },
    options: { scales: { y: { min: 3, max: 9, title: { display: true, text: 'UCLA-3 (7 og derover: alvorlig ensomhed)' } } } },
  };
}

/** The distribution of days to the first relation, in bands. */
export function relationDaysChart(f: Figures): ChartConfiguration {
  const bands = Object.entries(f.daysToFirstRelation.bands);
  return {
    type: 'bar',
    data: { labels: bands.map(([band]) => `${band} dage`), datasets: [{ label: 'Forløb', data: bands.map(([, c]) => bar(c)), backgroundColor: PALETTE[2] }] },
    options: { plugins: { legend: { display: false } }, scales: { y: { ticks: { precision: 0 }, beginAtZero: true } } },
  };
}

/** From the closed case to a lasting relation. */
export function funnelSteps(f: Figures): Array<[string, Cell | undefined]> {
  return [
    ['Afsluttede forløb', f.cases],
    ['Med mindst én ny relation', f.relations.withRelation],
    ['Afsluttet med en ny relation', f.relations.endedWithRelation],
    ['Opfølgning holdt', f.followUp.held],
    ['Stadig i relationen', f.followUp.byOutcome.still_connected],
  ];
}

export function funnelChart(f: Figures): ChartConfiguration {
  const steps = funnelSteps(f);
  return {
    type: 'bar',
    data: { labels: steps.map(([name]) => name), datasets: [{ label: 'Forløb', data: steps.map(([, c]) => bar(c)), backgroundColor: PALETTE[0] }] },
    options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { ticks: { precision: 0 }, beginAtZero: true } } },
  };
}

/** The screening funnel's stages in Danish (as the period report, src/outcomes/report-labels.da.ts). */
export const FUNNEL_STAGE: Record<FunnelStage, string> = {
  screened: 'Opsporet (UCLA-3 taget)',
  lonely: 'Scorede som ensom',
  consented: 'Sagde ja til henvisning',
  referred: 'Henvist',
  started: 'Forløb startet',
  relation: 'Ny relation etableret',
  stillConnected: 'Stadig i relationen ved opfølgning',
};

/** From screening to relation: one bar per stage, none where the stage is under 5. */
export function screeningFunnelChart(f: ScreeningFunnel): ChartConfiguration {
  return {
    type: 'bar',
    data: { labels: f.stages.map((s) => FUNNEL_STAGE[s.stage]), datasets: [{ label: 'Opsporinger', data: f.stages.map((s) => bar(s.count)), backgroundColor: PALETTE[2] }] },
    options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { ticks: { precision: 0 }, beginAtZero: true } } },
  };
}

/** The funnel as words, for the chart's summary and a screen reader: "Henvist: 12 (86 % af trinnet før)". */
export const screeningFunnelSummary = (f: ScreeningFunnel): string =>
  f.stages.map((s) => `${FUNNEL_STAGE[s.stage]}: ${text(s.count)}${s.shareOfPrevious === undefined ? '' : ` (${percent(s.shareOfPrevious)} af trinnet før)`}`).join(', ');
