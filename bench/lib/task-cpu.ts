import { readFileSync } from 'node:fs';

/**
 * µs a task (a process id, or `self/task/<tid>` for one of this process's
 * threads) has run on a CPU, from /proc's schedstat, which counts nanoseconds
 * (/proc's stat only 10 ms ticks); NaN once the task has gone. The probes
 * measure PostgreSQL's backends and node's main thread by it.
 */
export function taskCpuMicros(task: number | string): number {
  try {
    return Number(readFileSync(`/proc/${task}/schedstat`, 'utf8').split(' ')[0]) / 1e3;
  } catch {
    return NaN;
  }
}
