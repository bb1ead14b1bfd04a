import { signingKey } from '../../src/privacy/signing-key';
import { issueToken } from '../../src/privacy/tokens';
import { percentile } from '../lib/stats';
import { get, JWT_SECRET, RunningServer } from '../lib/server';

export interface Latencies {
  p50: number;
  p99: number;
}

export const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6;

/** The order of cases asked for: random, from the whole store. */
export const draw = (caseIds: readonly string[], count: number, offset: number): string[] =>
  Array.from({ length: count }, (_, i) => caseIds[(i * 7919 + offset) % caseIds.length]!);

/**
 * W5: `GET /cases/:caseId/history` on the real server with every production
 * feature on (a coordinator's bearer token checked, the read recorded in the
 * access log, personal data decrypted), one request at a time, random cases.
 */
export async function historyLatency(server: RunningServer, dataDir: string, caseIds: readonly string[], requests: number, offset: number): Promise<Latencies> {
  const token = issueToken(signingKey(dataDir, JWT_SECRET), { sub: 'bench-coordinator', role: 'coordinator' });
  return historyRoundTrips(server, { authorization: `Bearer ${token}` }, caseIds, requests, offset);
}

/**
 * W5b's baseline: the same client, cases and count against the bare Fastify
 * route in its own process (`startBareFastify`) that runs the raw SELECT and
 * answers the rows as JSON.
 */
export const bareFastifyLatency = (server: RunningServer, caseIds: readonly string[], requests: number, offset: number): Promise<Latencies> =>
  historyRoundTrips(server, {}, caseIds, requests, offset);

async function historyRoundTrips(server: RunningServer, headers: Record<string, string>, caseIds: readonly string[], requests: number, offset: number): Promise<Latencies> {
  const samples: number[] = [];
  for (const caseId of draw(caseIds, requests, offset)) {
    const started = process.hrtime.bigint();
    const { status, body } = await get(`${server.url}/cases/${caseId}/history`, headers);
    samples.push(ms(started));
    if (status !== 200) throw new Error(`GET ${server.url}/cases/${caseId}/history answered ${status}: ${body.slice(0, 300)}`);
  }
  return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

/** The server's lightest route: a `GET /health` round trip, for the notes. */
export const healthLatency = (server: RunningServer, requests: number): Promise<Latencies> => roundTrips(`${server.url}/health`, requests);

/** The floor any HTTP read stands on here: round trips to a bare node:http server (`startBareServer`), same client. */
export const bareLatency = (server: RunningServer, requests: number): Promise<Latencies> => roundTrips(`${server.url}/`, requests);

async function roundTrips(url: string, requests: number): Promise<Latencies> {
  const samples: number[] = [];
  for (let i = 0; i < requests; i++) {
    const started = process.hrtime.bigint();
    const { status } = await get(url);
    samples.push(ms(started));
    if (status !== 200) throw new Error(`GET ${url} answered ${status}`);
  }
  return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
}
