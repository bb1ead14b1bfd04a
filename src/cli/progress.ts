import { SingleBar } from 'cli-progress';

/** A progress bar on standard error, so standard output stays clean for results. */
export function progressBar(label: string, total: number): SingleBar {
  const bar = new SingleBar({
    format: `${label} [{bar}] {percentage}% | {value}/{total} | {eta_formatted} left`,
    stream: process.stderr,
    hideCursor: true,
    // Without a terminal (CI, a pipe), one line now and then instead of redrawing.
    noTTYOutput: !process.stderr.isTTY,
    notTTYSchedule: 2000,
  });
  bar.start(total, 0);
  return bar;
}
