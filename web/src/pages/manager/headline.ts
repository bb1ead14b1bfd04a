/** A month's days-to-first-visit as `GET /dashboard` gives it. */
export interface MonthStat {
  n: number;
  median?: number | null;
}

/**
 * The headline "Dage til første besøg (median)" over the same months the chart
 * shows. The server gives each month's median and count, not the cases'
 * days, so the period's median is taken as the median of the monthly medians
 * with each month weighing as many cases as it has: a month of one case
 * weighs one, a month of thirty weighs thirty (it was the latest month's
 * median alone, often of one case, beside a chart of 20–30 days).
 */
export function periodMedian(months: readonly MonthStat[]): { median: number; n: number; months: number } | undefined {
  const counted = months.filter((m): m is { n: number; median: number } => m.n > 0 && typeof m.median === 'number').sort((a, b) => a.median - b.median);
  const n = counted.reduce((sum, m) => sum + m.n, 0);
  if (n === 0) return undefined;
  // The lower middle case for an even count, as the server's nearest-rank median.
  const middle = Math.ceil(n / 2);
  let seen = 0;
  for (const m of counted) {
    seen += m.n;
    if (seen >= middle) return { median: m.median, n, months: counted.length };
  }
  return undefined;
}
