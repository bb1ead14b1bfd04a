import { FOLLOW_UP_OUTCOMES } from '../../domain/shared/course-codes';
import { Cell, count, counts, days, DaysDistribution, mean, share, SMALL_CELL, SUPPRESSED } from './cells';
import { caseOutcome, CaseOutcome, SEVERE_FROM } from './case-outcome';
import type { OutcomeFacts } from './outcome-facts';

/** Time to the first relation in bands of days, for the distribution chart. */
export const RELATION_DAY_BANDS = [
  { band: '0-30', upTo: 30 },
  { band: '31-90', upTo: 90 },
  { band: '91-180', upTo: 180 },
  { band: '181+', upTo: Infinity },
] as const;

/** The outcome figures of one group of closed cases (the whole period, or one programme, referrer role or age band). */
export interface OutcomeFigures {
  cases: Cell;
  loneliness: {
    /** Cases with two UCLA-3 scores or more: the rest say nothing about change. */
    paired: Cell;
    meanFirst: Cell;
    meanLast: Cell;
    /** Last less first: negative is less lonely. */
    meanChange: Cell;
    improved: Cell;
    shareImproved: Cell;
    severeAtFirst: Cell;
    /** Severe (≥ 7) at the first score, under 7 at the last. */
    noLongerSevere: Cell;
    /** Of those severe at first. */
    shareNoLongerSevere: Cell;
  };
  relations: {
    /** Cases with at least one relation established. */
    withRelation: Cell;
    shareWithRelation: Cell;
    /** Relations per case, over every case of the group. */
    perCase: Cell;
    /** Per kind: the cases with one of that kind, and how many relations of it. */
    byKind: Record<string, { cases: Cell; relations: Cell }>;
    /** Closed with the reason `relation_established`. */
    endedWithRelation: Cell;
    shareEndedWithRelation: Cell;
  };
  daysToFirstRelation: DaysDistribution & { bands: Record<string, Cell> };
  daysToFirstVisit: DaysDistribution;
  dismissedButReturning: {
    /** Cases where the visitor was sent away at least once and came back (seed 000). */
    cases: Cell;
    /** How they ended: closures by reason. */
    endedBy: Record<string, Cell>;
    shareEndedWithRelation: Cell;
  };
  followUp: {
    /** Cases with a follow-up held after the end (3 months in every programme). */
    held: Cell;
    byOutcome: Record<string, Cell>;
    scored: Cell;
    meanScore: Cell;
    /** Score at the follow-up less the last score of the case. */
    meanChangeFromLast: Cell;
  };
}

const tally = (map: Map<string, number>, key: string, n = 1) => map.set(key, (map.get(key) ?? 0) + n);

/** A closed case's facts with its outcome variables, worked out once per request. */
export interface CaseRow {
  facts: OutcomeFacts;
  outcome: CaseOutcome;
}
export const caseRow = (facts: OutcomeFacts): CaseRow => ({ facts, outcome: caseOutcome(facts) });

/** The figures of a group of closed cases; every cell under the small-cell rule (./cells.ts). */
export function outcomeFigures(cases: readonly CaseRow[]): OutcomeFigures {
  return {
    cases: count(cases.length),
    loneliness: loneliness(cases.map((c) => c.outcome)),
    relations: relations(cases),
    daysToFirstRelation: relationDays(cases.map((c) => c.outcome)),
    daysToFirstVisit: days(cases.flatMap((c) => (c.outcome.daysToFirstVisit === undefined ? [] : [c.outcome.daysToFirstVisit]))),
    dismissedButReturning: dismissed(cases),
    followUp: followUp(cases.map((c) => c.outcome)),
  };
}

function loneliness(outcomes: readonly CaseOutcome[]): OutcomeFigures['loneliness'] {
  const paired = outcomes.filter((o) => o.scoreCount >= 2) as Array<CaseOutcome & { firstScore: number; lastScore: number }>;
  const improved = paired.filter((o) => o.lastScore < o.firstScore).length;
  const severe = paired.filter((o) => o.firstScore >= SEVERE_FROM);
  const noLonger = severe.filter((o) => o.lastScore < SEVERE_FROM).length;
  return {
    paired: count(paired.length),
    meanFirst: mean(paired.map((o) => o.firstScore)),
    meanLast: mean(paired.map((o) => o.lastScore)),
    meanChange: mean(paired.map((o) => o.lastScore - o.firstScore)),
    improved: count(improved),
    shareImproved: share(improved, paired.length),
    severeAtFirst: count(severe.length),
    noLongerSevere: count(noLonger),
    shareNoLongerSevere: share(noLonger, severe.length),
  };
}

function relations(cases: readonly CaseRow[]): OutcomeFigures['relations'] {
  const withRelation = cases.filter((c) => c.outcome.relations > 0).length;
  const ended = cases.filter((c) => c.outcome.endedWithRelation).length;
  const casesByKind = new Map<string, number>();
  const relationsByKind = new Map<string, number>();
  for (const { facts } of cases) {
    for (const kind of new Set(facts.relations.map((r) => r.kind))) tally(casesByKind, kind);
    for (const relation of facts.relations) tally(relationsByKind, relation.kind);
  }
  const total = cases.reduce((sum, c) => sum + c.outcome.relations, 0);
  const byKind = Object.fromEntries([...casesByKind.keys()].sort().map((kind) => [kind, { cases: count(casesByKind.get(kind)!), relations: count(relationsByKind.get(kind)!) }]));
  return {
    withRelation: count(withRelation),
    shareWithRelation: share(withRelation, cases.length),
    perCase: cases.length < SMALL_CELL ? SUPPRESSED : Math.round((total / cases.length) * 100) / 100,
    byKind,
    endedWithRelation: count(ended),
    shareEndedWithRelation: share(ended, cases.length),
  };
}

function relationDays(outcomes: readonly CaseOutcome[]): OutcomeFigures['daysToFirstRelation'] {
  const values = outcomes.flatMap((o) => (o.daysToFirstRelation === undefined ? [] : [o.daysToFirstRelation]));
  const bands = new Map<string, number>(RELATION_DAY_BANDS.map(({ band }) => [band, 0]));
  for (const value of values) tally(bands, RELATION_DAY_BANDS.find((b) => value <= b.upTo)!.band);
  // In the bands' order, not alphabetical: it is a distribution.
  return { ...days(values), bands: Object.fromEntries(RELATION_DAY_BANDS.map(({ band }) => [band, count(bands.get(band)!)])) };
}

function dismissed(cases: readonly CaseRow[]): OutcomeFigures['dismissedButReturning'] {
  const returning = cases.filter((c) => c.outcome.dismissals > 0);
  const endedBy = new Map<string, number>();
  for (const { facts } of returning) tally(endedBy, facts.closure!.reason);
  const ended = returning.filter((c) => c.outcome.endedWithRelation).length;
  return { cases: count(returning.length), endedBy: counts(endedBy), shareEndedWithRelation: share(ended, returning.length) };
}

function followUp(outcomes: readonly CaseOutcome[]): OutcomeFigures['followUp'] {
  const held = outcomes.filter((o) => o.followUp !== undefined);
  const byOutcome = new Map<string, number>(FOLLOW_UP_OUTCOMES.map((o) => [o, 0]));
  for (const o of held) tally(byOutcome, o.followUp!.outcome);
  const scored = held.filter((o) => o.followUp!.score !== undefined);
  const changes = scored.filter((o) => o.lastScore !== undefined).map((o) => o.followUp!.score! - o.lastScore!);
  return {
    held: count(held.length),
    byOutcome: Object.fromEntries(FOLLOW_UP_OUTCOMES.map((o) => [o, count(byOutcome.get(o)!)])),
    scored: count(scored.length),
    meanScore: mean(scored.map((o) => o.followUp!.score!)),
    meanChangeFromLast: mean(changes),
  };
}
