/**
 * The small-cell rule (issue 22): no figure about fewer than five cases is
 * shown. Such a cell reads "< 5" wherever it goes (JSON, PDF, web page), so
 * nobody can be recognised from a count of one or two in a small group.
 *
 * - A count of cases under 5 (0 included) is `{ suppressed: true, display: "< 5" }`.
 * - A share is shown only when both the cases it counts and the cases it is
 *   out of are 5 or more; a mean, median or percentile only when it is over 5
 *   cases or more. Otherwise it is suppressed the same way.
 * - Shown figures are plain numbers, so a client checks `typeof x === 'number'`.
 * - In a split by group, a group of 5 or more may be hidden too (`display: "skjult"`),
 *   when the total less the groups shown would give a small group away (./outcomes.ts).
 */
export const SMALL_CELL = 5;

export interface Suppressed {
  suppressed: true;
  /** "< 5": the figure is about fewer than five cases; "skjult": its group is hidden so that a smaller one cannot be worked out from the total. */
  display: '< 5' | 'skjult';
}
/** A count of cases, a share (0–1, three decimals), or a mean/median (one decimal): a number, or suppressed. */
export type Cell = number | Suppressed;

export const SUPPRESSED: Suppressed = Object.freeze({ suppressed: true, display: '< 5' }) as Suppressed;
export const HIDDEN: Suppressed = Object.freeze({ suppressed: true, display: 'skjult' }) as Suppressed;

/** Every figure of a group hidden (a cell shown or not): for a group hidden as a complement. */
export function hideAll<T>(value: T): T {
  if (typeof value === 'number') return HIDDEN as T;
  if (value !== null && typeof value === 'object') {
    if ('suppressed' in value) return HIDDEN as T;
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, hideAll(inner)])) as T;
  }
  return value;
}

export const isShown = (cell: Cell): cell is number => typeof cell === 'number';
/** How a cell reads in a report: the number (Danish decimal comma) or "< 5". */
export const displayCell = (cell: Cell, format: (n: number) => string = String): string => (isShown(cell) ? format(cell) : cell.display);

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** A count of cases. */
export const count = (n: number): Cell => (n < SMALL_CELL ? SUPPRESSED : n);

/** `part` of `whole` cases, as a share with three decimals. */
export const share = (part: number, whole: number): Cell => (part < SMALL_CELL || whole < SMALL_CELL ? SUPPRESSED : round(part / whole, 3));

/** The mean of one value per case, one decimal. */
export const mean = (values: readonly number[]): Cell => (values.length < SMALL_CELL ? SUPPRESSED : round(values.reduce((s, v) => s + v, 0) / values.length, 1));

/** Nearest rank: the value at or below which `p` of the cases lie. */
function nearestRank(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

export interface DaysDistribution {
  n: Cell;
  median: Cell;
  p90: Cell;
}

/** Days per case: how many, the median and the 90th percentile (nearest rank). */
export function days(values: readonly number[]): DaysDistribution {
  if (values.length < SMALL_CELL) return { n: SUPPRESSED, median: SUPPRESSED, p90: SUPPRESSED };
  const sorted = [...values].sort((a, b) => a - b);
  return { n: values.length, median: nearestRank(sorted, 0.5), p90: nearestRank(sorted, 0.9) };
}

/** Counts of cases per key, each a cell; keys in alphabetical order. */
export function counts(tally: ReadonlyMap<string, number>): Record<string, Cell> {
  return Object.fromEntries([...tally.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, n]) => [key, count(n)]));
}
