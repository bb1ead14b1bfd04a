import { readFileSync } from 'node:fs';

/**
 * Whose time an in-process command path's CPU profile holds (docs/performance.md,
 * "Issue #23: the command path"). Not part of the bench's table. Each sample
 * goes to the first area any frame of its stack belongs to, in the order
 * below (the COMMIT and the sync by the sample's own frame). Samples are
 * counted, not their time deltas: on a loaded machine the profiler's thread
 * is late now and then, and the sample after such a gap carries all of it.
 *
 *   node --cpu-prof --cpu-prof-dir=DIR dist-bench/bench/probes/write-cpu.js dist-bench FULL 800 32
 *   node dist-bench/bench/probes/command-shares.js DIR/*.cpuprofile
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

const OWN_FRAME: [string, RegExp][] = [
  ['garbage collector', /^ \(garbage collector\)$/],
  ["group commit's COMMIT (SQLite writing the WAL)", /sqlite\.group-commit\.js commit$/],
  ['disk sync (fdatasync)', / fdatasync$/],
];
const ANY_FRAME: [string, RegExp][] = [
  ['start-up, the visitors registered', /cjs\/loader|compileFunction|registerVisitors/],
  ['listeners: citizen index', /citizen-index/],
  ['listeners: Directory', /directory-feed|projections\/directory\//],
  ['sealing (src/privacy/crypto)', /privacy\/crypto/],
  ['deciding (domain)', /\/domain\/\S+ \w*[dD]ecide\w*$/],
  ['folding (evolve)', /evolve/],
  ['the append (batch writer: head, INSERT, JSON)', /batch-writer|sqlite\.rows/],
  ['group commit, sync pipeline', /group-commit|wal-sync/],
  ['runner, Directory lookups, locks', /case-commands|case-lookups|keyed-mutex/],
  ['command handler, stream cache', /command-handler|stream-cache/],
  ["the bench's client (the seed's stories)", /case-story|casework|seed\/random|seed\/calendar/],
];

const profile = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as { nodes: ProfileNode[]; samples: number[] };
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const frame = (id: number) => `${nodes.get(id)!.callFrame.url} ${nodes.get(id)!.callFrame.functionName}`;

const areas = new Map<string, number>();
let busy = 0;
for (const id of profile.samples) {
  if (nodes.get(id)!.callFrame.functionName === '(idle)') continue;
  busy += 1;
  const frames: string[] = [];
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) frames.push(frame(at));
  const area = OWN_FRAME.find(([, pattern]) => pattern.test(frames[0]!))?.[0] ?? ANY_FRAME.find(([, pattern]) => frames.some((f) => pattern.test(f)))?.[0] ?? 'other';
  areas.set(area, (areas.get(area) ?? 0) + 1);
}
console.log(`${busy} busy samples`);
for (const [area, samples] of [...areas].sort((a, b) => b[1] - a[1])) console.log(`${((100 * samples) / busy).toFixed(1).padStart(5)} %  ${String(samples).padStart(6)}  ${area}`);
