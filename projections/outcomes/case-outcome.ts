import { copenhagenDay } from '../shared/copenhagen-day';
import type { OutcomeFacts } from './outcome-facts';

const DAY_MS = 86_400_000;
/**
 * Whole Copenhagen calendar days from one instant to another (as
 * `calendarDaysBetween` in ../shared/time.ts), from the cached Copenhagen
 * dates: Luxon at every call cost seconds over a year of 5,000 cases.
 */
export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(copenhagenDay(to)) - Date.parse(copenhagenDay(from))) / DAY_MS);

/** "≥ 7 is severe" (UCLA-3, 3–9; domain/case/case.events.ts). */
export const SEVERE_FROM = 7;

export const AGE_BANDS = ['under_50', '50_64', '65_74', '75_84', '85_plus', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** The citizen's age band at the referral: the referral's Copenhagen year less the birth year. */
export function ageBandOf(facts: Pick<OutcomeFacts, 'birthYear' | 'referredAt'>): AgeBand {
  if (facts.birthYear === undefined) return 'unknown';
  const age = Number(copenhagenDay(facts.referredAt).slice(0, 4)) - facts.birthYear;
  if (age < 50) return 'under_50';
  if (age < 65) return '50_64';
  if (age < 75) return '65_74';
  if (age < 85) return '75_84';
  return '85_plus';
}

/**
 * One closed case's outcome variables, as the figures and the evaluation data
 * set both read them (docs/evaluation-codebook.md). Days are whole Copenhagen
 * calendar days.
 */
export interface CaseOutcome {
  ageBand: AgeBand;
  /** From the referral to the agreed first visit; absent: no visit booked. */
  daysToFirstVisit?: number;
  /** The first and last UCLA-3 score during the case (the same when only one). */
  firstScore?: number;
  lastScore?: number;
  /** How many UCLA-3 scores during the case: paired means two or more. */
  scoreCount: number;
  relations: number;
  /** From the referral to the first relation; absent: none. */
  daysToFirstRelation?: number;
  endedWithRelation: boolean;
  dismissals: number;
  /** The first follow-up held after the end. */
  followUp?: { outcome: string; score?: number; daysAfterClose: number };
}

export function caseOutcome(facts: OutcomeFacts): CaseOutcome {
  const first = facts.scores[0];
  const last = facts.scores[facts.scores.length - 1];
  const firstRelation = facts.relations.reduce<string | undefined>((min, r) => (min === undefined || r.at < min ? r.at : min), undefined);
  const followUp = facts.followUps[0];
  return {
    ageBand: ageBandOf(facts),
    ...(facts.firstVisitAt !== undefined && { daysToFirstVisit: Math.max(0, daysBetween(facts.referredAt, facts.firstVisitAt)) }),
    ...(first && last && { firstScore: first.score, lastScore: last.score }),
    scoreCount: facts.scores.length,
    relations: facts.relations.length,
    ...(firstRelation !== undefined && { daysToFirstRelation: Math.max(0, daysBetween(facts.referredAt, firstRelation)) }),
    endedWithRelation: facts.closure?.reason === 'relation_established',
    dismissals: facts.dismissals,
    ...(followUp && {
      followUp: {
        outcome: followUp.outcome,
        ...(followUp.score !== undefined && { score: followUp.score }),
        daysAfterClose: facts.closure ? daysBetween(facts.closure.at, followUp.at) : 0,
      },
    }),
  };
}
