import { join, resolve } from 'node:path';
import { getHeapSpaceStatistics } from 'node:v8';

/**
 * What the global pipe costs `GET /cases/:caseId/history` for its query
 * (docs/performance.md, "W5a and W5b: the store read and the query"): the
 * pipe's transform of an empty query and of `?asOf=…` into `AsOfQuery`, with
 * every module of the app loaded (class-validator's cost grows with the
 * classes it knows), for two or more builds in one process, in alternating
 * rounds: young-generation bytes and CPU per call.
 *
 *   node dist-bench/bench/probes/history-query.js ROUNDS DIST-A [DIST-B …]
 *
 * A DIST is a tree's `dist` (or `dist-bench`) directory.
 */
const CALLS = 2000;

const usedNow = () => {
  let used = 0;
  for (const space of getHeapSpaceStatistics()) if (space.space_name === 'new_space' || space.space_name === 'new_large_object_space') used += space.space_used_size;
  return used;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function main(): Promise<void> {
  const [rounds = '10', ...dists] = process.argv.slice(2);
  if (dists.length === 0) throw new Error('usage: history-query.js ROUNDS DIST-A [DIST-B …]');
  const builds = dists.map((dist) => {
    const from = (path: string): any => require(join(resolve(dist), path));
    from('src/app.module');
    const pipe = from('src/http/validation').createValidationPipe();
    const metadata = { type: 'query', metatype: from('src/read-models/history/as-of.query').AsOfQuery, data: undefined };
    return { dist, transform: (query: object) => pipe.transform(query, metadata) as Promise<unknown> };
  });
  const queries = { empty: () => ({}), asOf: () => ({ asOf: '2026-04-01T00:00:00+02:00' }) };
  const overhead = median(Array.from({ length: 50 }, () => -(usedNow() - usedNow())));
  const figures = builds.map(() => Object.fromEntries(Object.keys(queries).map((q) => [q, { cpuUs: [] as number[], bytes: [] as number[] }])));
  for (let round = -1; round < Number(rounds); round++) {
    for (const b of round % 2 ? [...builds.keys()].reverse() : [...builds.keys()]) {
      for (const [name, query] of Object.entries(queries)) {
        const c0 = process.cpuUsage();
        for (let i = 0; i < CALLS; i++) await builds[b]!.transform(query());
        const c = process.cpuUsage(c0);
        const bytes: number[] = [];
        for (let i = 0; i < 200; i++) {
          const u0 = usedNow();
          await builds[b]!.transform(query());
          // Below the measurement's own bytes counts as none.
          bytes.push(Math.max(0, usedNow() - u0 - overhead));
        }
        if (round < 0) continue;
        figures[b]![name]!.cpuUs.push((c.user + c.system) / CALLS);
        figures[b]![name]!.bytes.push(median(bytes));
      }
    }
  }
  builds.forEach(({ dist }, b) =>
    console.log(JSON.stringify({ dist, ...Object.fromEntries(Object.entries(figures[b]!).map(([q, f]) => [q, { cpuUs: Number(median(f.cpuUs).toFixed(1)), bytes: median(f.bytes) }])) })),
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
