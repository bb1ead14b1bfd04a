import type { Programme } from '../../domain/shared/codes';
import { DashboardSummary, DayCounts, MonthDoc, MonthTotals } from './aggregate-docs';
import { round1 } from './aggregates';

export interface Distribution {
  n: number;
  /** Days, one decimal. */
  median: number | null;
  p90: number | null;
}

export interface MonthFigures {
  month: string;
  referrals: { total: number; byProgramme: Record<string, number>; byReferrerRole: Record<string, number> };
  /** For cases referred this month. */
  daysToTriage: Distribution;
  daysToFirstVisit: Distribution;
  waitingAtMonthEnd: number;
  relationsByKind: Record<string, number>;
  closuresByReason: Record<string, number>;
  /** Issue #19: times citizens went along with their helper, and on their own (going alone is progress). */
  goingAlong: { accompanied: number; alone: number };
  /** Issue #19: relatives added this month who need relief themselves (seed 003: "pårørende kan også have behov for aflastning"), still on their case. */
  relativesNeedingRelief: number;
  /** Issue #19: where citizens were referred onward (seed 003: "hvor der mangler tilbud"), by destination code. */
  referredOnwardByDestination: Record<string, number>;
  /** Issue #19: follow-ups held after the end, by outcome code. */
  followUpOutcomes: Record<string, number>;
  /** Cases with two or more UCLA-3 scores whose last one falls this month. */
  loneliness: { cases: number; meanFirst: number | null; meanLast: number | null; meanChange: number | null };
}

export interface DashboardQuery {
  /** Copenhagen dates, both included. */
  from: string;
  to: string;
  programme?: Programme;
}

/** The stored sums a range needs, by `YYYY-MM`: a month's totals where the range holds all of it, its days where it holds part. */
export interface MonthDocs {
  totals: ReadonlyMap<string, MonthTotals>;
  days: ReadonlyMap<string, MonthDoc>;
}

/** Whether the range holds every day of the month `YYYY-MM`. */
export function wholeMonth(month: string, query: DashboardQuery): boolean {
  const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  return query.from <= `${month}-01` && query.to >= `${month}-${last}`;
}

/**
 * Monthly figures by business time in Europe/Copenhagen, from the sums kept
 * per month and per day (./aggregates.ts): the work is the keys of the months
 * asked for, not the cases.
 */
export function dashboard(summary: DashboardSummary | undefined, stored: MonthDocs, query: DashboardQuery): MonthFigures[] {
  const waiting = waitingByMonth(summary, query.programme);
  return monthsOf(query.from, query.to).map((month) => {
    const figures = emptyMonth(month);
    const toTriage = new Map<number, number>();
    const toFirstVisit = new Map<number, number>();
    const loneliness = { cases: 0, first: 0, last: 0 };
    const take = (programmes: MonthTotals) => {
      for (const [programme, counts] of Object.entries(programmes) as Array<[Programme, DayCounts]>) {
        if (query.programme && programme !== query.programme) continue;
        for (const [role, n] of Object.entries(counts.referrals ?? {})) {
          figures.referrals.total += n;
          add(figures.referrals.byProgramme, programme, n);
          add(figures.referrals.byReferrerRole, role, n);
        }
        for (const [days, n] of Object.entries(counts.toTriage ?? {})) tally(toTriage, Number(days), n);
        for (const [days, n] of Object.entries(counts.toFirstVisit ?? {})) tally(toFirstVisit, Number(days), n);
        for (const [kind, n] of Object.entries(counts.relations ?? {})) add(figures.relationsByKind, kind, n);
        for (const [reason, n] of Object.entries(counts.closures ?? {})) add(figures.closuresByReason, reason, n);
        figures.goingAlong.accompanied += counts.goingAlong?.accompanied ?? 0;
        figures.goingAlong.alone += counts.goingAlong?.alone ?? 0;
        figures.relativesNeedingRelief += counts.relief?.relatives ?? 0;
        for (const [to, n] of Object.entries(counts.onward ?? {})) add(figures.referredOnwardByDestination, to, n);
        for (const [outcome, n] of Object.entries(counts.followUps ?? {})) add(figures.followUpOutcomes, outcome, n);
        loneliness.cases += counts.loneliness?.cases ?? 0;
        loneliness.first += counts.loneliness?.first ?? 0;
        loneliness.last += counts.loneliness?.last ?? 0;
      }
    };
    if (wholeMonth(month, query)) take(stored.totals.get(month) ?? {});
    else {
      for (const [dayOfMonth, programmes] of Object.entries(stored.days.get(month)?.days ?? {})) {
        const day = `${month}-${dayOfMonth}`;
        if (day >= query.from && day <= query.to) take(programmes);
      }
    }
    // Keys in a fixed order (they came in the order of the cases before): a chart's series keep their colours.
    figures.referrals.byProgramme = sorted(figures.referrals.byProgramme);
    figures.referrals.byReferrerRole = sorted(figures.referrals.byReferrerRole);
    figures.relationsByKind = sorted(figures.relationsByKind);
    figures.closuresByReason = sorted(figures.closuresByReason);
    figures.referredOnwardByDestination = sorted(figures.referredOnwardByDestination);
    figures.followUpOutcomes = sorted(figures.followUpOutcomes);
    figures.daysToTriage = distribution(toTriage);
    figures.daysToFirstVisit = distribution(toFirstVisit);
    figures.waitingAtMonthEnd = waiting(month);
    if (loneliness.cases > 0) {
      const mean = (sum: number) => round1(sum / loneliness.cases);
      figures.loneliness = { cases: loneliness.cases, meanFirst: mean(loneliness.first), meanLast: mean(loneliness.last), meanChange: mean(loneliness.last - loneliness.first) };
    }
    return figures;
  });
}

/**
 * Every month `YYYY-MM` from one date `YYYY-MM-DD` to another, both included:
 * `monthsBetween` by counting, for dates that are Copenhagen's already
 * (Luxon's zoned month arithmetic took 25–130 ms for 121 months).
 */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const last = to.slice(0, 7);
  for (let next = from.slice(0, 7); next <= last; next = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`) {
    months.push(next);
    if (++month > 12) [year, month] = [year + 1, 1];
  }
  return months;
}

/** The cases waiting at a month's end: the changes of every month up to it, added up. */
function waitingByMonth(summary: DashboardSummary | undefined, programme: Programme | undefined): (month: string) => number {
  const changes: Array<[string, number]> = [];
  for (const [name, months] of Object.entries(summary?.waiting ?? {})) if (!programme || name === programme) changes.push(...Object.entries(months));
  changes.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // The range's months come in order: one pass over the changes.
  let next = 0;
  let waiting = 0;
  return (month) => {
    for (; next < changes.length && changes[next]![0] <= month; next++) waiting += changes[next]![1];
    return waiting;
  };
}

function emptyMonth(month: string): MonthFigures {
  const none: Distribution = { n: 0, median: null, p90: null };
  return {
    month,
    referrals: { total: 0, byProgramme: {}, byReferrerRole: {} },
    daysToTriage: none,
    daysToFirstVisit: none,
    waitingAtMonthEnd: 0,
    relationsByKind: {},
    closuresByReason: {},
    goingAlong: { accompanied: 0, alone: 0 },
    relativesNeedingRelief: 0,
    referredOnwardByDestination: {},
    followUpOutcomes: {},
    loneliness: { cases: 0, meanFirst: null, meanLast: null, meanChange: null },
  };
}

const sorted = (counts: Record<string, number>): Record<string, number> => Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1)));
const add = (counts: Record<string, number>, key: string, n: number) => (counts[key] = (counts[key] ?? 0) + n);
const tally = (counts: Map<number, number>, value: number, n: number) => counts.set(value, (counts.get(value) ?? 0) + n);

/** Nearest-rank percentiles over counted values (days, already rounded to 0.1): the value below which p of the cases lie. */
export function distribution(counted: ReadonlyMap<number, number>): Distribution {
  const values = [...counted.keys()].sort((a, b) => a - b);
  const n = values.reduce((sum, value) => sum + counted.get(value)!, 0);
  if (n === 0) return { n: 0, median: null, p90: null };
  const rank = (p: number) => {
    const wanted = Math.max(0, Math.ceil(p * n) - 1);
    let below = 0;
    for (const value of values) {
      below += counted.get(value)!;
      if (below > wanted) return value;
    }
    return values[values.length - 1]!;
  };
  return { n, median: rank(0.5), p90: rank(0.9) };
}
