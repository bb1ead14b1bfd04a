/**
 * The harness's arithmetic, kept pure so that a unit test can check it
 * (test/unit/bench/stats.spec.ts): medians of repetitions, ratios against a
 * baseline measured in the same run, and whether a target holds.
 */

/** Several repetitions of one figure. */
export interface Summary {
  median: number;
  min: number;
  max: number;
  samples: number[];
}

/** The middle value; for an even count, the mean of the two middle ones. */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new Error('median of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function summarise(samples: readonly number[]): Summary {
  return { median: median(samples), min: Math.min(...samples), max: Math.max(...samples), samples: [...samples] };
}

/** The nearest-rank percentile (p in 0..100) of latencies. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('percentile of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/**
 * A target: `at-least` for throughput ratios (W1 ≥ 0.8×), `at-most` for latency
 * ratios and absolute ceilings (W5a ≤ 3×, W5b ≤ 2×, W6 < 300 MB, W7 < 2 s).
 * `on` says whether the ratio or the value itself is compared.
 */
export interface Target {
  on: 'ratio' | 'value';
  direction: 'at-least' | 'at-most' | 'below';
  threshold: number;
}

export const describeTarget = ({ on, direction, threshold }: Target): string =>
  `${on === 'ratio' ? 'ratio' : 'value'} ${direction === 'at-least' ? '≥' : direction === 'at-most' ? '≤' : '<'} ${threshold}${on === 'ratio' ? '×' : ''}`;

export function meets(target: Target, figure: number): boolean {
  if (!Number.isFinite(figure)) return false;
  if (target.direction === 'at-least') return figure >= target.threshold;
  if (target.direction === 'at-most') return figure <= target.threshold;
  return figure < target.threshold;
}

/** One line of bench/results/latest.json. */
export interface Row {
  name: string;
  value: number | null;
  unit: string;
  min: number | null;
  max: number | null;
  baseline: { name: string; value: number; min: number; max: number; unit: string } | null;
  ratio: number | null;
  target: string;
  pass: boolean | null;
  /** Why a row was skipped, or anything a reader must know to judge it (p50 beside a p99, commits shared). */
  note?: string;
}

export interface Measured {
  name: string;
  unit: string;
  value: Summary;
  baseline?: { name: string; unit: string; value: Summary };
  target: Target;
  note?: string;
}

/** The ratio of two medians, both measured in this run. */
export const ratioOf = (value: Summary, baseline: Summary): number => value.median / baseline.median;

export function rowOf({ name, unit, value, baseline, target, note }: Measured): Row {
  const ratio = baseline ? ratioOf(value, baseline.value) : null;
  const compared = target.on === 'ratio' ? ratio : value.median;
  if (compared === null) throw new Error(`${name}: a ratio target needs a baseline`);
  return {
    name,
    value: value.median,
    unit,
    min: value.min,
    max: value.max,
    baseline: baseline ? { name: baseline.name, value: baseline.value.median, min: baseline.value.min, max: baseline.value.max, unit: baseline.unit } : null,
    ratio,
    target: describeTarget(target),
    pass: meets(target, compared),
    ...(note !== undefined && { note }),
  };
}

/** A workload that could not run here (W8 without PostgreSQL): no figure, no verdict, and why. */
export const skippedRow = (name: string, unit: string, target: Target, reason: string): Row => ({
  name,
  value: null,
  unit,
  min: null,
  max: null,
  baseline: null,
  ratio: null,
  target: describeTarget(target),
  pass: null,
  note: reason,
});

/** A workload that broke: no figure, a failing verdict, and the error. */
export const failedRow = (name: string, reason: string): Row => ({
  name,
  value: null,
  unit: '–',
  min: null,
  max: null,
  baseline: null,
  ratio: null,
  target: '–',
  pass: false,
  note: `failed: ${reason}`,
});
