import { fork } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import helmet from 'helmet';
import { API_HELMET_OPTIONS, NO_STORE, securityHeaders } from '../../src/http/security-headers';

/**
 * What helmet's middleware costs per request (docs/performance.md, "The
 * command tables, without library patches"): a bare Fastify server answering a command-sized JSON, in a child
 * process, with the API's headers set three ways: helmet's middleware on each
 * request (as src/http/security-headers.ts does), helmet's headers recorded
 * once and set with `reply.headers`, and none. Reported: the server's CPU per
 * request (median of the rounds), under autocannon with 16 connections.
 *
 *   node dist-bench/bench/probes/security-headers.js [rounds] [requests]   # default 5 rounds of 30,000
 */
type Variant = 'helmet' | 'recorded' | 'none';

function serve(variant: Variant): void {
  const fastify = Fastify({ logger: false });
  const middleware = helmet(API_HELMET_OPTIONS);
  const recorded = { ...securityHeaders(API_HELMET_OPTIONS), ...NO_STORE };
  fastify.addHook('onRequest', (request, reply, done) => {
    if (variant === 'helmet') {
      void reply.headers(NO_STORE);
      middleware(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined));
    } else {
      if (variant === 'recorded') void reply.headers(recorded);
      done();
    }
  });
  fastify.post('/cases/:caseId/assessments', async (_request, reply) => {
    void reply.header('etag', '"3"');
    return { caseId: 'c1c7f7a2-4a8e-4a35-9a8e-0b7f0e0f4a11', revision: 3, position: 12345 };
  });
  void fastify.listen({ port: 0, host: '127.0.0.1' }).then(() => process.send!({ port: (fastify.server.address() as AddressInfo).port }));
  process.on('message', () => {
    const used = process.cpuUsage();
    process.send!({ cpu: used.user + used.system });
  });
}

async function measure(variant: Variant, requests: number): Promise<number> {
  const child = fork(__filename, ['serve', variant]);
  try {
    const { port } = await new Promise<{ port: number }>((resolve) => child.once('message', resolve as never));
    const cpu = () => new Promise<number>((resolve) => (child.once('message', (m: { cpu: number }) => resolve(m.cpu)), child.send('cpu')));
    const run = (amount: number) =>
      autocannon({ url: `http://127.0.0.1:${port}/cases/c1c7f7a2-4a8e-4a35-9a8e-0b7f0e0f4a11/assessments`, connections: 16, amount, method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"instrument":"ucla3","answers":[2,3,2]}' });
    await run(5000);
    const before = await cpu();
    const result = await run(requests);
    return ((await cpu()) - before) / result['2xx'];
  } finally {
    child.kill();
  }
}

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 5);
  const requests = Number(process.argv[3] ?? 30_000);
  const perRequest: Record<Variant, number[]> = { helmet: [], recorded: [], none: [] };
  // In turns, so each variant sees the same machine.
  for (let round = 0; round < rounds; round++) for (const variant of ['helmet', 'recorded', 'none'] as const) perRequest[variant].push(await measure(variant, requests));
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const summary = Object.fromEntries(Object.entries(perRequest).map(([variant, values]) => [variant, { medianUs: Number(median(values).toFixed(1)), all: values.map((v) => Number(v.toFixed(1))) }]));
  console.log(JSON.stringify({ serverCpuUsPerRequest: summary, helmetOverRecordedUs: Number((median(perRequest.helmet) - median(perRequest.recorded)).toFixed(1)) }));
}

if (process.argv[2] === 'serve') serve(process.argv[3] as Variant);
else void main();
