import { median, meets, percentile, rowOf, skippedRow, summarise } from '../../../bench/lib/stats';
import { table } from '../../../bench/lib/table';

describe('the benchmark harness arithmetic', () => {
  it('takes the middle of an odd number of repetitions, whatever their order', () => {
    expect(median([9, 1, 5])).toBe(5);
    expect(median([3])).toBe(3);
  });

  it('takes the mean of the two middle values of an even number', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('refuses a median of nothing rather than inventing a figure', () => {
    expect(() => median([])).toThrow();
  });

  it('summarises repetitions with their median, min and max', () => {
    expect(summarise([30, 10, 20])).toEqual({ median: 20, min: 10, max: 30, samples: [30, 10, 20] });
  });

  it('reads percentiles by nearest rank', () => {
    const latencies = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(latencies, 50)).toBe(50);
    expect(percentile(latencies, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
  });

  it('passes a throughput ratio at or above its target, and fails it below', () => {
    const target = { on: 'ratio', direction: 'at-least', threshold: 0.8 } as const;
    const row = rowOf({ name: 'W1', unit: 'commands/s', value: summarise([800, 790, 900]), baseline: { name: 'raw', unit: 'inserts/s', value: summarise([1000, 950, 1100]) }, target });
    expect(row.ratio).toBeCloseTo(0.8);
    expect(row.pass).toBe(true);
    expect(rowOf({ name: 'W1', unit: 'commands/s', value: summarise([799]), baseline: { name: 'raw', unit: 'inserts/s', value: summarise([1000]) }, target }).pass).toBe(false);
  });

  it('compares medians, so one lucky repetition does not make a pass', () => {
    const target = { on: 'ratio', direction: 'at-least', threshold: 3 } as const;
    const row = rowOf({ name: 'W2', unit: 'commands/s', value: summarise([1000, 2000, 9000]), baseline: { name: 'raw', unit: 'inserts/s', value: summarise([1000, 1000, 1000]) }, target });
    expect(row.ratio).toBe(2);
    expect(row.pass).toBe(false);
  });

  it('passes a latency ratio at or below its ceiling', () => {
    const target = { on: 'ratio', direction: 'at-most', threshold: 3 } as const;
    const of = (ms: number) => rowOf({ name: 'W5', unit: 'ms', value: summarise([ms]), baseline: { name: 'raw', unit: 'ms', value: summarise([1]) }, target });
    expect(of(3).pass).toBe(true);
    expect(of(3.01).pass).toBe(false);
  });

  it('holds an absolute ceiling strictly: 300 MB is not below 300 MB', () => {
    const target = { on: 'value', direction: 'below', threshold: 300 } as const;
    expect(rowOf({ name: 'W6', unit: 'MB', value: summarise([299.9]), target }).pass).toBe(true);
    expect(rowOf({ name: 'W6', unit: 'MB', value: summarise([300]), target }).pass).toBe(false);
    expect(rowOf({ name: 'W6', unit: 'MB', value: summarise([299.9]), target }).ratio).toBeNull();
  });

  it('never passes a figure that is not a number', () => {
    expect(meets({ on: 'value', direction: 'below', threshold: 2 }, Number.NaN)).toBe(false);
    expect(meets({ on: 'ratio', direction: 'at-least', threshold: 0.5 }, Number.NaN)).toBe(false);
  });

  it('refuses a ratio target without a baseline', () => {
    expect(() => rowOf({ name: 'W1', unit: 'commands/s', value: summarise([1]), target: { on: 'ratio', direction: 'at-least', threshold: 1 } })).toThrow(/baseline/);
  });

  it('gives a skipped workload no verdict, and says why', () => {
    const row = skippedRow('W8', 'commands/s', { on: 'ratio', direction: 'at-least', threshold: 0.7 }, 'PostgreSQL is not reachable');
    expect(row).toMatchObject({ value: null, ratio: null, pass: null, note: 'PostgreSQL is not reachable', target: 'ratio ≥ 0.7×' });
    expect(table([row])).toContain('skipped');
  });
});
