import { join } from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { seed } from '../../src/cli/seed/seed';
import { sqliteFile } from '../../src/storage/open-storage';
import { SqliteStorage } from '../../src/storage/sqlite.storage';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite.event-store';
import { signingKey } from '../../src/privacy/signing-key';
import { issueToken } from '../../src/privacy/tokens';
import { JWT_SECRET, startServer } from '../lib/server';

export interface HttpRun {
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

/** Cases the seed left open: every open case takes a UCLA-3 assessment, whatever its state. */
export function openCases(dataDir: string): string[] {
  const db = new Database(sqliteFile(dataDir), { readonly: true });
  const rows = db
    .prepare(
      `SELECT stream_id FROM events WHERE stream_id LIKE 'case-%' GROUP BY stream_id
        HAVING sum(type IN ('CaseClosed', 'ReferralDeclined')) = 0`,
    )
    .all() as Array<{ stream_id: string }>;
  db.close();
  return rows.map((r) => r.stream_id.slice('case-'.length));
}

/** Seeds `cases` cases through the command path into a fresh DATA_DIR, for W3's server. */
export async function prepareHttpData(dir: string, cases: number): Promise<string> {
  const dataDir = join(dir, 'w3');
  const store = SqliteEventStore.open({ file: sqliteFile(dataDir), synchronous: 'NORMAL' });
  await seed(new SqliteStorage(store, dataDir), { cases, seed: 3 }, () => undefined);
  await store.close();
  return dataDir;
}

/**
 * W3: the real server (`node dist/src/main.js`, synchronous=FULL, auth, access
 * log, encryption) under autocannon with 32 connections, each request a
 * coordinator's `POST /cases/:caseId/assessments` on the next open case.
 */
export async function httpCommands(dataDir: string, seconds: number, connections: number): Promise<HttpRun> {
  const ids = openCases(dataDir);
  if (ids.length < connections) throw new Error(`only ${ids.length} open cases for ${connections} connections`);
  const server = await startServer(dataDir, 60_000);
  try {
    const token = issueToken(signingKey(dataDir, JWT_SECRET), { sub: 'bench-coordinator', role: 'coordinator' });
    let next = 0;
    const body = JSON.stringify({ instrument: 'ucla3', answers: [2, 3, 2] });
    const result = await autocannon({
      url: server.url,
      connections,
      duration: seconds,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      requests: [{ method: 'POST', body, setupRequest: (req) => ({ ...req, path: `/cases/${ids[next++ % ids.length]}/assessments` }) }],
    });
    const ok = result['2xx'];
    return { perSecond: ok / result.duration, p50: result.latency.p50, p99: result.latency.p99, errors: result.non2xx + result.errors + result.timeouts };
  } finally {
    await server.stop();
  }
}
