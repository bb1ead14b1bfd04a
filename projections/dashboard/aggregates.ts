import type { Programme } from '../../domain/shared/codes';
import { copenhagenDay } from '../shared/copenhagen-day';
import type { CaseFacts } from './facts';

/**
 * The dashboard's figures kept summed per Copenhagen day (inside one document
 * per month), so an answer reads one document per month asked for, not every
 * case. Each case adds its contribution; when its facts change, the old
 * contribution is taken away and the new one added.
 */

/** One programme's counts on one day: field → key → count (or sum). */
export type DayCounts = Record<string, Record<string, number>>;

/** `month:YYYY-MM`: day of month `DD` → programme → counts (what a range holding part of the month reads). */
export interface MonthDoc {
  days: Record<string, Partial<Record<Programme, DayCounts>>>;
}

/** `total:YYYY-MM`: programme → counts for the whole month (what a range holding all of it reads). */
export type MonthTotals = Partial<Record<Programme, DayCounts>>;

/** `summary`: the default range, and the waiting folder's changes. */
export interface DashboardSummary {
  /** Copenhagen dates of the first and the latest referral (a case's referral never changes). */
  firstReferral?: string;
  lastReferral?: string;
  /** Programme → month `YYYY-MM` → cases that began (+) or stopped (−) waiting at the end of that month. */
  waiting: Partial<Record<Programme, Record<string, number>>>;
}

export const SUMMARY_KEY = 'summary';
export const monthKey = (month: string): string => `month:${month}`;
export const totalKey = (month: string): string => `total:${month}`;

/** The fields of `DayCounts`. `toTriage` and `toFirstVisit` count days rounded to 0.1, by referral day. */
export type Field = 'referrals' | 'toTriage' | 'toFirstVisit' | 'relations' | 'closures' | 'loneliness' | 'goingAlong';

const DAY_MS = 24 * 60 * 60 * 1000;
const days = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / DAY_MS;
/** Rounded as the answer shows them: nearest-rank on rounded days is the rounded nearest-rank (rounding keeps order). */
export const round1 = (value: number): number => Math.round(value * 10) / 10;

/** One count a case adds to a day's figures. */
interface Count {
  day: string;
  field: Field;
  key: string;
  amount: number;
}

/** Everything one case adds to the figures, by Copenhagen day. */
function counts(facts: CaseFacts): Count[] {
  const referred = copenhagenDay(facts.referredAt);
  const found: Count[] = [{ day: referred, field: 'referrals', key: facts.referrerRole, amount: 1 }];
  if (facts.triagedAt) found.push({ day: referred, field: 'toTriage', key: String(round1(days(facts.referredAt, facts.triagedAt))), amount: 1 });
  if (facts.firstVisitAt) found.push({ day: referred, field: 'toFirstVisit', key: String(round1(days(facts.referredAt, facts.firstVisitAt))), amount: 1 });
  for (const relation of facts.relations) found.push({ day: copenhagenDay(relation.at), field: 'relations', key: relation.kind, amount: 1 });
  if (facts.closure) found.push({ day: copenhagenDay(facts.closure.at), field: 'closures', key: facts.closure.reason, amount: 1 });
  // Issue #19: going along vs alone, on the day it happened.
  for (const going of facts.goingAlong ?? []) found.push({ day: copenhagenDay(going.at), field: 'goingAlong', key: going.alone ? 'alone' : 'accompanied', amount: 1 });
  if (facts.scores.length >= 2) {
    const last = facts.scores[facts.scores.length - 1]!;
    const day = copenhagenDay(last.at);
    found.push({ day, field: 'loneliness', key: 'cases', amount: 1 }, { day, field: 'loneliness', key: 'first', amount: facts.scores[0]!.score }, { day, field: 'loneliness', key: 'last', amount: last.score });
  }
  return found;
}

/**
 * The months at whose end the case is newly waiting (+1) or no longer (−1).
 * Waiting at a month's end: triaged by then, neither booked nor closed by
 * then; so from the month of the triage up to, not including, the month it
 * left the folder (none when it left in the month of the triage or before).
 */
function waiting(facts: CaseFacts): Array<{ month: string; amount: number }> {
  if (!facts.triagedAt) return [];
  const triaged = copenhagenDay(facts.triagedAt).slice(0, 7);
  const left = [facts.bookedAt, facts.closure?.at].filter((at) => at !== undefined).map((at) => copenhagenDay(at).slice(0, 7)).sort()[0];
  if (left === undefined) return [{ month: triaged, amount: 1 }];
  return left > triaged ? [{ month: triaged, amount: 1 }, { month: left, amount: -1 }] : [];
}

/**
 * The month documents a case's figures lie in, or may come to when its next
 * event adds nothing of its own month (a triage counts in the referral's
 * month; a late assessment makes the last score's month count): what its
 * facts lead to, for `keysReadThrough`.
 */
export function monthKeysOf(facts: CaseFacts): string[] {
  const last = facts.scores[facts.scores.length - 1];
  const instants = [facts.referredAt, ...facts.relations.map(({ at }) => at), ...(facts.closure ? [facts.closure.at] : []), ...(last ? [last.at] : [])];
  return [...new Set(instants.map((at) => copenhagenDay(at).slice(0, 7)))].flatMap((month) => [monthKey(month), totalKey(month)]);
}

/** Where the aggregates are read and written: the projection's view. */
export interface AggregateView {
  get(key: string): unknown;
  put(key: string, doc: unknown): void;
  delete(key: string): void;
}

/** Takes `before`'s contribution away and adds `after`'s; only what differs is written. */
export function moveContribution(view: AggregateView, before: CaseFacts | undefined, after: CaseFacts): void {
  // Net change by `day|field|programme|key` (none of them holds a '|'): what both count cancels out.
  const net = new Map<string, number>();
  const add = (facts: CaseFacts, sign: number) => {
    for (const { day, field, key, amount } of counts(facts)) {
      const id = `${day}|${field}|${facts.programme}|${key}`;
      net.set(id, (net.get(id) ?? 0) + sign * amount);
    }
  };
  if (before) add(before, -1);
  add(after, 1);
  const months = new Map<string, MonthDoc>();
  const totals = new Map<string, MonthTotals>();
  for (const [id, amount] of net) {
    if (amount === 0) continue;
    const [date, field, programme, key] = id.split('|') as [string, Field, Programme, string];
    const month = date.slice(0, 7);
    let doc = months.get(month);
    if (!doc) months.set(month, (doc = (view.get(monthKey(month)) as MonthDoc | undefined) ?? { days: {} }));
    let total = totals.get(month);
    if (!total) totals.set(month, (total = (view.get(totalKey(month)) as MonthTotals | undefined) ?? {}));
    const dayOfMonth = date.slice(8);
    changeIn((doc.days[dayOfMonth] ??= {}), programme, field, key, amount);
    if (isEmpty(doc.days[dayOfMonth]!)) delete doc.days[dayOfMonth];
    changeIn(total, programme, field, key, amount);
  }
  for (const [month, doc] of months) (isEmpty(doc.days) ? view.delete(monthKey(month)) : view.put(monthKey(month), doc));
  for (const [month, total] of totals) (isEmpty(total) ? view.delete(totalKey(month)) : view.put(totalKey(month), total));
  moveWaiting(view, before, after);
}

/** Changes one count of a programme's counts; a count gone to zero takes what it leaves empty with it, so an answer shows only what counts. */
function changeIn(programmes: MonthTotals, programme: Programme, field: Field, key: string, amount: number): void {
  const programmeCounts = (programmes[programme] ??= {});
  const fieldCounts = (programmeCounts[field] ??= {});
  if (!change(fieldCounts, key, amount)) return;
  if (isEmpty(fieldCounts)) delete programmeCounts[field];
  if (isEmpty(programmeCounts)) delete programmes[programme];
}

const isEmpty = (record: object): boolean => {
  for (const _ in record) return false;
  return true;
};

function moveWaiting(view: AggregateView, before: CaseFacts | undefined, after: CaseFacts): void {
  const summary = (view.get(SUMMARY_KEY) as DashboardSummary | undefined) ?? { waiting: {} };
  const referred = copenhagenDay(after.referredAt);
  if (summary.firstReferral === undefined || referred < summary.firstReferral) summary.firstReferral = referred;
  if (summary.lastReferral === undefined || referred > summary.lastReferral) summary.lastReferral = referred;
  if (before) for (const { month, amount } of waiting(before)) change((summary.waiting[before.programme] ??= {}), month, -amount);
  for (const { month, amount } of waiting(after)) change((summary.waiting[after.programme] ??= {}), month, amount);
  view.put(SUMMARY_KEY, summary);
}

/** Adds to a count, dropping it at zero (the answer shows only keys that count); true when dropped. */
function change(counts: Record<string, number>, key: string, amount: number): boolean {
  const next = (counts[key] ?? 0) + amount;
  if (next !== 0) {
    counts[key] = next;
    return false;
  }
  delete counts[key];
  return true;
}
