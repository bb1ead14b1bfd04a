import Database from 'better-sqlite3';
import { caseStreamId } from '../../domain/shared/ids';
import { SEALED_PREFIX } from '../../domain/shared/personal';
import { caseHistory, historyAsOf } from '../../projections/case-history/case-history';
import { loadConfig } from '../../src/config/config';
import { PersonalDataCipher } from '../../src/privacy/crypto/personal-data.cipher';
import { openStorage, sqliteFile } from '../../src/storage/open-storage';
import { JWT_SECRET } from '../lib/server';
import { RAW_STREAM_SELECT } from '../lib/raw-stream';
import { percentile } from '../lib/stats';
import { draw, Latencies, ms } from './history';

/**
 * W5a: what `GET /cases/:caseId/history` does below the HTTP edge, in this
 * process, with the service's own parts built as the server builds them: the
 * storage module `openStorage` picks from the server's environment (as
 * EventStoreModule does), its event store's `readStream`, the fold
 * `caseHistory` + `historyAsOf` (src/read-models/history/history.controller.ts),
 * and the answer's sealed fields opened by `PersonalDataCipher.reveal` over the
 * storage's citizen keys (as crypto.providers.ts and app.factory.ts do).
 * Not in it: auth, the access log's record, serialisation (W5b has them).
 */
export async function historyInProcess(dataDir: string, caseIds: readonly string[], requests: number, offset: number): Promise<Latencies> {
  const config = loadConfig({ DATA_DIR: dataDir, JWT_SECRET, EVENT_STORE: 'sqlite', LOG_LEVEL: 'warn' });
  const storage = await openStorage(config);
  const cipher = new PersonalDataCipher(storage.citizenKeys);
  const read = async (caseId: string) => {
    const entries = caseHistory(await storage.events.readStream(caseStreamId(caseId)));
    if (entries.length === 0) throw new Error(`no history for case ${caseId}`);
    return cipher.reveal(historyAsOf(entries, undefined, 'occurred'));
  };
  try {
    // Warm up the way a day's first reads would, then measure.
    for (const caseId of draw(caseIds, 20, offset + 1)) await read(caseId);
    const samples: number[] = [];
    for (const caseId of draw(caseIds, requests, offset)) {
      const started = process.hrtime.bigint();
      const answer = await read(caseId);
      samples.push(ms(started));
      if (JSON.stringify(answer).includes(`"${SEALED_PREFIX}`)) throw new Error(`case ${caseId}: a sealed value left in the answer`);
    }
    return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
  } finally {
    await storage.close();
  }
}

/** W5a's baseline: the raw prepared SELECT of the same streams' rows, with `JSON.parse` of each row's data and metadata. */
export function rawStreamParse(dataDir: string, caseIds: readonly string[], requests: number, offset: number): Latencies {
  const db = new Database(sqliteFile(dataDir), { readonly: true });
  const select = db.prepare<[string], { data: string; metadata: string }>(RAW_STREAM_SELECT);
  const parse = (caseId: string) => select.all(`case-${caseId}`).map((row) => ({ ...row, data: JSON.parse(row.data) as unknown, metadata: JSON.parse(row.metadata) as unknown }));
  try {
    for (const caseId of draw(caseIds, 20, offset + 1)) parse(caseId);
    const samples: number[] = [];
    for (const caseId of draw(caseIds, requests, offset)) {
      const started = process.hrtime.bigint();
      const rows = parse(caseId);
      samples.push(ms(started));
      if (rows.length === 0) throw new Error(`no events for case ${caseId}`);
    }
    return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
  } finally {
    db.close();
  }
}
