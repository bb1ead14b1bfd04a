import { readFileSync } from 'node:fs';

/**
 * Whose time a server's CPU profile holds (docs/performance.md, "Probes";
 * docs/performance.md's history, git log -p, "W3: the HTTP edge, third round"). Not part of the bench's table. Each sample goes to the
 * first area any frame of its stack belongs to (start-up, the read models'
 * projector, the group commit, the rest of the write path), or else to the
 * edge, which is then split by the sample's own frame (Node's HTTP, Fastify,
 * Nest, the ValidationPipe…). The COMMIT of the group commit is shown apart:
 * a CPU profile samples the thread while it waits in fsync, so its self time
 * is mostly the disk's, not CPU.
 *
 *   BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=DIR" node dist-bench/bench/probes/edge-cpu.js w3 DATA 6000
 *   node dist-bench/bench/probes/profile-shares.js DIR/CPU….cpuprofile
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const AREAS: [string, RegExp][] = [
  ['start-up', /executeUserEntryPoint|wrapSafe|cjs\/loader|NestFactory/],
  ['projector (read models)', /\/read-models\/|\/read-model-store\/|\/projections\//],
  ['group commit', /sqlite\.group-commit/],
  ['write path (handler, store, sealing)', /\/event-store\/|\/cases\/shared\/|\/domain\/|\/privacy\/crypto\/|\/directory\/|keyed-mutex/],
];
const EDGE: [string, RegExp][] = [
  ['ValidationPipe (class-validator, class-transformer)', /validation\.pipe|class-validator|class-transformer|dto-instance|validation-metadata|close-array-gaps/],
  ['JSON body', /json-body|secure-json-parse|content-type-parser|input-text/],
  ["AsyncResource (Fastify's body parser)", /async_hooks|internal\/util /],
  ['guard (token)', /auth\.guard|tokens\.js/],
  ['Nest', /@nestjs|cqrs|rxjs|iterare/],
  ['Fastify', /fastify\/|find-my-way|avvio/],
  ['own edge code', /\/src\/|\/dist\//],
  ['node HTTP out', /_http_outgoing|stream_base_commons|streams\/writable| writev/],
  ['node HTTP in', /_http_server|_http_common|_http_incoming|streams\/readable|node:net|end-of-stream|internal\/timers/],
  ['promise jobs', / runMicrotasks| processTicksAndRejections/],
];

const profile = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as Profile;
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const frame = (id: number) => `${nodes.get(id)!.callFrame.url} ${nodes.get(id)!.callFrame.functionName}`;
const stack = (id: number) => {
  const frames: string[] = [];
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) frames.push(frame(at));
  return frames;
};

const areas = new Map<string, number>();
const edge = new Map<string, number>();
const add = (map: Map<string, number>, key: string, time: number) => map.set(key, (map.get(key) ?? 0) + time);
profile.samples.forEach((id, i) => {
  const time = profile.timeDeltas[i] ?? 0;
  const own = nodes.get(id)!.callFrame;
  if (['(idle)', '(garbage collector)', '(program)'].includes(own.functionName)) return add(areas, own.functionName, time);
  if (own.functionName === 'commit' && own.url.includes('sqlite.group-commit')) return add(areas, 'group commit: COMMIT itself (mostly the fsync wait)', time);
  const frames = stack(id);
  const area = AREAS.find(([, pattern]) => frames.some((f) => pattern.test(f)));
  if (area) return add(areas, area[0], time);
  add(areas, 'edge', time);
  add(edge, EDGE.find(([, pattern]) => pattern.test(frames[0]!))?.[0] ?? 'other (node internals)', time);
});

const busy = [...areas].filter(([k]) => k !== '(idle)' && k !== 'start-up').reduce((sum, [, t]) => sum + t, 0);
const edgeTotal = areas.get('edge') ?? 1;
const row = (name: string, time: number, of: number) => console.log(`${(time / 1000).toFixed(0).padStart(7)} ms ${((100 * time) / of).toFixed(1).padStart(5)} %  ${name}`);
console.log(`areas, share of the busy samples (all but idle and start-up, ${(busy / 1000).toFixed(0)} ms):`);
for (const [name, time] of [...areas].sort((a, b) => b[1] - a[1])) if (name !== '(idle)' && name !== 'start-up') row(name, time, busy);
console.log('the edge, by the sample’s own frame:');
for (const [name, time] of [...edge].sort((a, b) => b[1] - a[1])) row(name, time, edgeTotal);
