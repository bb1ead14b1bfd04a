import { spawn } from 'node:child_process';
import { once } from 'node:events';
import autocannon from 'autocannon';
import { cpuSecondsOf } from '../lib/server';

/**
 * Fastify alone, as the service's edge uses it for a command: a POST with
 * W3's JSON body through a `parseAs: 'buffer'` content-type parser (as
 * src/http/json-body.ts) to a route that answers 201. Each tree's own
 * `node_modules/fastify` runs in a child of its own, trees in turns, and the
 * child's CPU per request is what is printed: the figure for a Fastify
 * upgrade, which the whole server's noise (the projector, other sessions)
 * hides in `edge-cpu.js`.
 *
 *   node dist-bench/bench/probes/fastify-body.js TURNS REQUESTS TREE...
 */
const SERVER = `
const fastify = require(require.resolve('fastify', { paths: [process.cwd()] }))({ logger: false });
fastify.removeAllContentTypeParsers();
fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, JSON.parse(body.toString('utf8'))));
fastify.post('/cases/:caseId/assessments', async (request, reply) => reply.code(201).send({ caseId: request.params.caseId, score: request.body.answers.length }));
fastify.listen({ port: 0, host: '127.0.0.1' }).then(() => process.stdout.write(fastify.server.address().port + ' ' + require(require.resolve('fastify/package.json', { paths: [process.cwd()] })).version + '\\n'));
`;

async function turn(tree: string, requests: number): Promise<{ tree: string; version: string; cpuUsPerRequest: number; perSecond: number }> {
  const child = spawn(process.execPath, ['-e', SERVER], { cwd: tree, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const [line] = (await once(child.stdout!, 'data')) as [Buffer];
    const [port, version] = line.toString().trim().split(' ');
    const run = (amount: number) =>
      autocannon({
        url: `http://127.0.0.1:${port}`,
        connections: 32,
        amount,
        headers: { 'content-type': 'application/json' },
        requests: [{ method: 'POST', path: '/cases/c-1/assessments', body: JSON.stringify({ instrument: 'ucla3', answers: [2, 3, 2] }) }],
      });
    await run(2_000);
    const before = cpuSecondsOf(child.pid);
    const result = await run(requests);
    const cpu = cpuSecondsOf(child.pid) - before;
    return { tree, version: version!, cpuUsPerRequest: Math.round((cpu / result['2xx']) * 1e6), perSecond: Math.round(result['2xx'] / result.duration) };
  } finally {
    child.kill();
  }
}

async function main(): Promise<void> {
  const [turns = '4', requests = '40000', ...trees] = process.argv.slice(2);
  for (let i = 0; i < Number(turns); i++) {
    for (const tree of i % 2 ? [...trees].reverse() : trees) console.log(JSON.stringify(await turn(tree, Number(requests))));
  }
}

void main();
