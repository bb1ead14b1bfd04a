import Database from 'better-sqlite3';
import { sqliteFile } from '../../src/storage/open-storage';
import { signingKey } from '../../src/privacy/signing-key';
import { issueToken } from '../../src/privacy/tokens';
import { percentile } from '../lib/stats';
import { get, JWT_SECRET, RunningServer } from '../lib/server';

export interface Latencies {
  p50: number;
  p99: number;
}

const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6;

/** The order of cases asked for: random, from the whole store. */
const draw = (caseIds: readonly string[], count: number, offset: number): string[] =>
  Array.from({ length: count }, (_, i) => caseIds[(i * 7919 + offset) % caseIds.length]!);

/**
 * W5: `GET /cases/:caseId/history` on the real server with every production
 * feature on (a coordinator's bearer token checked, the read recorded in the
 * access log, personal data decrypted), one request at a time, random cases.
 */
export async function historyLatency(server: RunningServer, dataDir: string, caseIds: readonly string[], requests: number, offset: number): Promise<Latencies> {
  const token = issueToken(signingKey(dataDir, JWT_SECRET), { sub: 'bench-coordinator', role: 'coordinator' });
  const headers = { authorization: `Bearer ${token}` };
  const samples: number[] = [];
  for (const caseId of draw(caseIds, requests, offset)) {
    const started = process.hrtime.bigint();
    const { status, body } = await get(`${server.url}/cases/${caseId}/history`, headers);
    samples.push(ms(started));
    if (status !== 200) throw new Error(`GET /cases/${caseId}/history answered ${status}: ${body.slice(0, 300)}`);
  }
  return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

/** The baseline: a raw, prepared `SELECT` of the same streams' rows from the same file. */
export function rawStreamSelect(dataDir: string, caseIds: readonly string[], requests: number, offset: number): Latencies {
  const db = new Database(sqliteFile(dataDir), { readonly: true });
  const select = db.prepare('SELECT position, revision, type, schema_version, data, metadata, recorded_at FROM events WHERE stream_id = ? ORDER BY revision');
  const samples: number[] = [];
  for (const caseId of draw(caseIds, requests, offset)) {
    const started = process.hrtime.bigint();
    const rows = select.all(`case-${caseId}`);
    samples.push(ms(started));
    if (rows.length === 0) throw new Error(`no events for case ${caseId}`);
  }
  db.close();
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
