import type { Programme } from '../../domain/shared/codes';

/**
 * The dashboard's read-model documents and their keys: what the reducer
 * writes (./aggregates.ts) and what the answer reads (./dashboard.ts and the
 * read controllers).
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
export type Field = 'referrals' | 'toTriage' | 'toFirstVisit' | 'relations' | 'closures' | 'loneliness' | 'goingAlong' | 'relief' | 'onward' | 'followUps';
