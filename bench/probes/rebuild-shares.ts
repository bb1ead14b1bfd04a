import { readFileSync } from 'node:fs';

/**
 * Whose time a CPU profile of a rebuild holds (issue #23, W4), for a profile
 * of `rebuild-in-process.js` (or of `cli rebuild`'s worker thread). Each
 * sample goes to the first area found walking its stack from the leaf up:
 * GC, the final move of the staged documents into place, staging, the read
 * (range read, row to event, JSON.parse), a reducer by file, or the
 * rebuild's own machinery (StageView, DocumentCache, the loop). The profiler
 * samples by wall clock, so on a loaded machine a share is of time, not CPU.
 *
 *   node dist-bench/bench/probes/rebuild-shares.js DIR/CPU….cpuprofile
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}
type Frame = ProfileNode['callFrame'];

const AREAS: [string, (frame: Frame) => boolean][] = [
  ['GC', ({ functionName }) => functionName === '(garbage collector)'],
  ['idle', ({ functionName }) => functionName === '(idle)' || functionName === '(program)'],
  ['finish (the move into place)', ({ url, functionName }) => /sqlite-shadow-staging|postgres-read-model/.test(url) && /finish|move/.test(functionName)],
  ['staging (stringify + insert)', ({ url, functionName }) => /sqlite-shadow-staging|postgres-read-model/.test(url) && functionName === 'stage'],
  ['read (range read, row → event, parse)', ({ url }) => /event-store\/|upcasters|privacy\/crypto/.test(url)],
];
const reducer = ({ url }: Frame) => {
  const found = /\/projections\/([^/]+)\/([^/.]+)/.exec(url);
  return found && `reducer ${found[1]}/${found[2]}`;
};
const machinery = ({ url }: Frame) => /read-models\/(stage-view|document-cache|rebuild)|projections\/shared\/projection/.test(url);

const profile = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as Profile;
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const areas = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const time = profile.timeDeltas[i] ?? 0;
  total += time;
  let area: string | undefined;
  for (let at: number | undefined = id; at !== undefined && !area; at = parent.get(at)) {
    const frame = nodes.get(at)!.callFrame;
    area = AREAS.find(([, test]) => test(frame))?.[0] ?? reducer(frame) ?? (machinery(frame) ? 'StageView, DocumentCache, the loop' : undefined);
  }
  area ??= 'other (start-up, module loading…)';
  areas.set(area, (areas.get(area) ?? 0) + time);
});
const busy = total - (areas.get('idle') ?? 0);
console.log(`busy ${(busy / 1000).toFixed(0)} ms`);
for (const [area, time] of [...areas].filter(([name]) => name !== 'idle').sort((a, b) => b[1] - a[1])) console.log(`${(time / 1000).toFixed(0).padStart(6)} ms ${((100 * time) / busy).toFixed(1).padStart(5)} %  ${area}`);
