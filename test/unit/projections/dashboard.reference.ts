import type { DashboardQuery, Distribution, MonthFigures } from '../../../projections/dashboard/dashboard';
import { copenhagenDate, copenhagenMonth, endOfMonth, monthsBetween } from '../../../projections/shared/time';
import type { CaseFacts } from '../../../projections/dashboard/case-facts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Monthly figures by business time in Europe/Copenhagen. Depends on nothing but the facts and the query. */
export function dashboard(all: Iterable<CaseFacts>, query: DashboardQuery): MonthFigures[] {
  const months = new Map(monthsBetween(query.from, query.to).map((month) => [month, emptyMonth(month)]));
  const toTriage = new Map<string, number[]>();
  const toFirstVisit = new Map<string, number[]>();
  const scores = new Map<string, Array<{ first: number; last: number }>>();
  const inRange = (instant: string) => {
    const day = copenhagenDate(instant);
    return day >= query.from && day <= query.to;
  };
  const bucket = (instant: string) => (inRange(instant) ? months.get(copenhagenMonth(instant)) : undefined);

  for (const facts of all) {
    if (query.programme && facts.programme !== query.programme) continue;
    const referred = bucket(facts.referredAt);
    if (referred) {
      const month = referred.month;
      referred.referrals.total += 1;
      increment(referred.referrals.byProgramme, facts.programme);
      increment(referred.referrals.byReferrerRole, facts.referrerRole);
      if (facts.triagedAt) push(toTriage, month, days(facts.referredAt, facts.triagedAt));
      if (facts.firstVisitAt) push(toFirstVisit, month, days(facts.referredAt, facts.firstVisitAt));
    }
    for (const relation of facts.relations) {
      const month = bucket(relation.at);
      if (month) increment(month.relationsByKind, relation.kind);
    }
    if (facts.closure) {
      const month = bucket(facts.closure.at);
      if (month) increment(month.closuresByReason, facts.closure.reason);
    }
    for (const going of facts.goingAlong ?? []) {
      const month = bucket(going.at);
      if (month) month.goingAlong[going.alone ? 'alone' : 'accompanied'] += 1;
    }
    for (const relative of facts.relief ?? []) {
      const month = bucket(relative.at);
      if (month) month.relativesNeedingRelief += 1;
    }
    for (const onward of facts.onward ?? []) {
      const month = bucket(onward.at);
      if (month) increment(month.referredOnwardByDestination, onward.to);
    }
    for (const held of facts.followUps ?? []) {
      const month = bucket(held.at);
      if (month) increment(month.followUpOutcomes, held.outcome);
    }
    if (facts.scores.length >= 2) {
      const last = facts.scores[facts.scores.length - 1]!;
      const month = bucket(last.at);
      if (month) push(scores, month.month, { first: facts.scores[0]!.score, last: last.score });
    }
    for (const figures of months.values()) if (waitingAt(facts, endOfMonth(figures.month))) figures.waitingAtMonthEnd += 1;
  }

  for (const figures of months.values()) {
    figures.daysToTriage = distribution(toTriage.get(figures.month) ?? []);
    figures.daysToFirstVisit = distribution(toFirstVisit.get(figures.month) ?? []);
    figures.loneliness = loneliness(scores.get(figures.month) ?? []);
  }
  return [...months.values()];
}

/** In the waiting folder at that instant: triaged, not yet booked, not closed. */
function waitingAt(facts: CaseFacts, instant: string): boolean {
  const at = Date.parse(instant);
  const before = (time: string | undefined) => time !== undefined && Date.parse(time) <= at;
  return before(facts.triagedAt) && !before(facts.bookedAt) && !before(facts.closure?.at);
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

const days = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / DAY_MS;
const round1 = (value: number): number => Math.round(value * 10) / 10;
const increment = (counts: Record<string, number>, key: string) => (counts[key] = (counts[key] ?? 0) + 1);
const push = <T>(map: Map<string, T[]>, key: string, value: T) => map.set(key, [...(map.get(key) ?? []), value]);

/** Nearest-rank percentiles: the value below which p of the cases lie. */
export function distribution(values: number[]): Distribution {
  if (values.length === 0) return { n: 0, median: null, p90: null };
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
  return { n: sorted.length, median: round1(rank(0.5)), p90: round1(rank(0.9)) };
}

function loneliness(pairs: Array<{ first: number; last: number }>): MonthFigures['loneliness'] {
  if (pairs.length === 0) return { cases: 0, meanFirst: null, meanLast: null, meanChange: null };
  const mean = (xs: number[]) => round1(xs.reduce((a, b) => a + b, 0) / xs.length);
  return {
    cases: pairs.length,
    meanFirst: mean(pairs.map((p) => p.first)),
    meanLast: mean(pairs.map((p) => p.last)),
    meanChange: mean(pairs.map((p) => p.last - p.first)),
  };
}
