import type { Programme } from '../../domain/shared/codes';
import { DashboardSummary, Field, monthKey, MonthDoc, MonthTotals, SUMMARY_KEY, totalKey } from './aggregate-docs';
import { copenhagenDay } from '../shared/copenhagen-day';
import type { CaseFacts } from './facts';

/**
 * The dashboard's figures kept summed per Copenhagen day (inside one document
 * per month), so an answer reads one document per month asked for, not every
 * case. Each case adds its contribution; when its facts change, the old
 * contribution is taken away and the new one added.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const days = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / DAY_MS;
/** Rounded as the answer shows them: nearest-rank on rounded days is the rounded nearest-rank (rounding keeps order). */
export const round1 = (value: number): number => Math.round(value * 10) / 10;

/** One count a case adds to (or, negative, takes from) a programme's figures on a day. */
interface Count {
  day: string;
  field: Field;
  key: string;
  programme: Programme;
  amount: number;
}

/**
 * The parts of a case's figures, each made from its own facts: an event
 * changes only some (`CHANGES`), so only those are taken away and added again.
 */
export type Part = 'referral' | 'triage' | 'firstVisit' | 'relations' | 'closure' | 'loneliness' | 'goingAlong' | 'relief' | 'onward' | 'followUps';
export const ALL_PARTS: readonly Part[] = ['referral', 'triage', 'firstVisit', 'relations', 'closure', 'loneliness', 'goingAlong', 'relief', 'onward', 'followUps'];

/**
 * Adds what one case counts in the given parts, by Copenhagen day, times
 * `sign`, to the net change: a count both sides make cancels out in place (an
 * event's parts hold a few counts, so a list is quickest), and no list of
 * counts is made per side to be copied into it.
 */
function addCounts(net: Count[], facts: CaseFacts, parts: readonly Part[], sign: number): void {
  const { programme } = facts;
  const add = (day: string, field: Field, key: string, amount: number) => {
    for (const count of net) {
      if (count.day === day && count.field === field && count.key === key && count.programme === programme) {
        count.amount += sign * amount;
        return;
      }
    }
    net.push({ day, field, key, programme, amount: sign * amount });
  };
  for (const part of parts) {
    switch (part) {
      case 'referral':
        add(copenhagenDay(facts.referredAt), 'referrals', facts.referrerRole, 1);
        break;
      case 'triage':
        if (facts.triagedAt) add(copenhagenDay(facts.referredAt), 'toTriage', String(round1(days(facts.referredAt, facts.triagedAt))), 1);
        break;
      case 'firstVisit':
        if (facts.firstVisitAt) add(copenhagenDay(facts.referredAt), 'toFirstVisit', String(round1(days(facts.referredAt, facts.firstVisitAt))), 1);
        break;
      case 'relations':
        for (const relation of facts.relations) add(copenhagenDay(relation.at), 'relations', relation.kind, 1);
        break;
      case 'goingAlong':
        // Issue #19: going along vs alone, on the day it happened.
        for (const going of facts.goingAlong ?? []) add(copenhagenDay(going.at), 'goingAlong', going.alone ? 'alone' : 'accompanied', 1);
        break;
      // Issue #19: relatives needing relief (the day added), referrals onward by destination, follow-ups by outcome.
      case 'relief':
        for (const relative of facts.relief ?? []) add(copenhagenDay(relative.at), 'relief', 'relatives', 1);
        break;
      case 'onward':
        for (const onward of facts.onward ?? []) add(copenhagenDay(onward.at), 'onward', onward.to, 1);
        break;
      case 'followUps':
        for (const held of facts.followUps ?? []) add(copenhagenDay(held.at), 'followUps', held.outcome, 1);
        break;
      case 'closure':
        if (facts.closure) add(copenhagenDay(facts.closure.at), 'closures', facts.closure.reason, 1);
        break;
      case 'loneliness':
        if (facts.scores.length >= 2) {
          const last = facts.scores[facts.scores.length - 1]!;
          const day = copenhagenDay(last.at);
          add(day, 'loneliness', 'cases', 1);
          add(day, 'loneliness', 'first', facts.scores[0]!.score);
          add(day, 'loneliness', 'last', last.score);
        }
        break;
    }
  }
}

/**
 * The months at whose end the case is newly waiting (+1) or no longer (−1).
 * Waiting at a month's end: triaged by then, neither booked nor closed by
 * then; so from the month of the triage up to, not including, the month it
 * left the folder (none when it left in the month of the triage or before).
 */
function waitingMonths(facts: CaseFacts): Array<{ month: string; amount: number }> {
  if (!facts.triagedAt) return [];
  const triaged = copenhagenDay(facts.triagedAt).slice(0, 7);
  const left = [facts.bookedAt, facts.closure?.at].filter((at) => at !== undefined).map((at) => copenhagenDay(at).slice(0, 7)).sort()[0];
  if (left === undefined) return [{ month: triaged, amount: 1 }];
  return left > triaged ? [{ month: triaged, amount: 1 }, { month: left, amount: -1 }] : [];
}

/**
 * The month documents an event of the case may take a count away from, which
 * the event alone cannot name, found in the case's facts: the referral's
 * month for the parts counted by the referral day (a triage, a booking), the
 * last score's for the loneliness sums (a new score moves them), the
 * closure's for one closure replacing another, and every one of them (the
 * relations' months too) for a referral made again, which moves all parts.
 */
export function monthKeysOf(facts: CaseFacts, parts: readonly Part[]): string[] {
  const instants: string[] = [];
  for (const part of parts) {
    if (part === 'referral' || part === 'triage' || part === 'firstVisit') instants.push(facts.referredAt);
    // A new relation (or time going along) only adds to its own month (the event's); only a referral made again takes the old ones away.
    else if (part === 'relations' && parts.includes('referral')) instants.push(...facts.relations.map(({ at }) => at));
    else if (part === 'goingAlong' && parts.includes('referral')) instants.push(...(facts.goingAlong ?? []).map(({ at }) => at));
    else if (part === 'onward' && parts.includes('referral')) instants.push(...(facts.onward ?? []).map(({ at }) => at));
    else if (part === 'followUps' && parts.includes('referral')) instants.push(...(facts.followUps ?? []).map(({ at }) => at));
    // A relative removed takes their count away from the month they were added in.
    else if (part === 'relief') instants.push(...(facts.relief ?? []).map(({ at }) => at));
    else if (part === 'closure' && facts.closure) instants.push(facts.closure.at);
    else if (part === 'loneliness' && facts.scores.length > 0) instants.push(facts.scores[facts.scores.length - 1]!.at);
  }
  return [...new Set(instants.map((at) => copenhagenDay(at).slice(0, 7)))].flatMap((month) => [monthKey(month), totalKey(month)]);
}

/** Where the aggregates are read and written: the projection's view. */
export interface AggregateView {
  get(key: string): unknown;
  put(key: string, doc: unknown): void;
  delete(key: string): void;
}

/**
 * Takes `before`'s contribution to the given parts away and adds `after`'s
 * (the other parts are the same in both); the waiting folder's changes and the
 * referral range too when `waiting`. Only what differs is written.
 */
export function moveContribution(view: AggregateView, before: CaseFacts | undefined, after: CaseFacts, parts: readonly Part[] = ALL_PARTS, waiting = true): void {
  const net: Count[] = [];
  if (before) addCounts(net, before, parts, -1);
  addCounts(net, after, parts, 1);
  // Each month's two documents, and whether a count in either went to zero: only then can one have become empty.
  const months = new Map<string, { doc: MonthDoc; total: MonthTotals; dropped: boolean }>();
  for (const { day: date, field, programme, key, amount } of net) {
    if (amount === 0) continue;
    const month = date.slice(0, 7);
    let docs = months.get(month);
    if (!docs) {
      docs = { doc: (view.get(monthKey(month)) as MonthDoc | undefined) ?? { days: {} }, total: (view.get(totalKey(month)) as MonthTotals | undefined) ?? {}, dropped: false };
      months.set(month, docs);
    }
    const dayOfMonth = date.slice(8);
    const day = (docs.doc.days[dayOfMonth] ??= {});
    if (changeIn(day, programme, field, key, amount)) {
      docs.dropped = true;
      if (isEmpty(day)) delete docs.doc.days[dayOfMonth];
    }
    if (changeIn(docs.total, programme, field, key, amount)) docs.dropped = true;
  }
  for (const [month, { doc, total, dropped }] of months) {
    // With no count gone to zero, each still holds the count just changed: no need to look.
    if (dropped && isEmpty(doc.days)) view.delete(monthKey(month));
    else view.put(monthKey(month), doc);
    if (dropped && isEmpty(total)) view.delete(totalKey(month));
    else view.put(totalKey(month), total);
  }
  if (waiting) moveWaiting(view, before, after);
}

/**
 * Changes one count of a programme's counts; a count gone to zero takes what
 * it leaves empty with it, so an answer shows only what counts. True when
 * the count went to zero.
 */
function changeIn(programmes: MonthTotals, programme: Programme, field: Field, key: string, amount: number): boolean {
  const programmeCounts = (programmes[programme] ??= {});
  const fieldCounts = (programmeCounts[field] ??= {});
  if (!change(fieldCounts, key, amount)) return false;
  if (isEmpty(fieldCounts)) delete programmeCounts[field];
  if (isEmpty(programmeCounts)) delete programmes[programme];
  return true;
}

const isEmpty = (record: object): boolean => {
  for (const _ in record) return false;
  return true;
};

function moveWaiting(view: AggregateView, before: CaseFacts | undefined, after: CaseFacts): void {
  const summary = (view.get(SUMMARY_KEY) as DashboardSummary | undefined) ?? { waiting: {} };
  let changed = false;
  const referred = copenhagenDay(after.referredAt);
  if (summary.firstReferral === undefined || referred < summary.firstReferral) [summary.firstReferral, changed] = [referred, true];
  if (summary.lastReferral === undefined || referred > summary.lastReferral) [summary.lastReferral, changed] = [referred, true];
  const [was, is] = [before ? waitingMonths(before) : [], waitingMonths(after)];
  if (before?.programme !== after.programme || !sameChanges(was, is)) {
    if (before) for (const { month, amount } of was) change((summary.waiting[before.programme] ??= {}), month, -amount);
    for (const { month, amount } of is) change((summary.waiting[after.programme] ??= {}), month, amount);
    changed = true;
  }
  // Written only when it changed: most events leave the folder as it was.
  if (changed) view.put(SUMMARY_KEY, summary);
}

const sameChanges = (a: ReturnType<typeof waitingMonths>, b: ReturnType<typeof waitingMonths>): boolean =>
  a.length === b.length && a.every((item, i) => item.month === b[i]!.month && item.amount === b[i]!.amount);

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
