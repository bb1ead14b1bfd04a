import type { Row } from './stats';

/** Three significant figures is all a noisy, shared machine can vouch for. */
export function figure(value: number | null): string {
  if (value === null) return '–';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1000) return Math.round(value).toLocaleString('en-US');
  return Number(value.toPrecision(3)).toString();
}

const verdict = (pass: boolean | null): string => (pass === null ? 'skipped' : pass ? 'PASS' : 'FAIL');

/** The table printed at the end of a run (and pasted into docs/performance.md). */
export function table(rows: readonly Row[]): string {
  const header = ['workload', 'median', 'min–max', 'unit', 'baseline (median, min–max)', 'ratio', 'target', 'result'];
  const lines = rows.map((row) => [
    row.name,
    figure(row.value),
    row.min === null ? '–' : `${figure(row.min)}–${figure(row.max)}`,
    row.unit,
    row.baseline ? `${row.baseline.name}: ${figure(row.baseline.value)} (${figure(row.baseline.min)}–${figure(row.baseline.max)}) ${row.baseline.unit}` : '–',
    row.ratio === null ? '–' : `${figure(row.ratio)}×`,
    row.target,
    verdict(row.pass),
  ]);
  const render = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const notes = rows.filter((row) => row.note).map((row) => `- ${row.name}: ${row.note}`);
  return [render(header), render(header.map(() => '---')), ...lines.map(render), '', ...notes].join('\n');
}
