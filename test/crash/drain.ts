import { ok, strictEqual } from 'node:assert/strict';
import { join } from 'node:path';
import { Gate, runClient, SentCommand } from './clients';
import { sleep, stoppedCleanly, StoreKind, tail, workspace } from './harness';
import { freePort, Server } from './server';
import { readStore } from './store-view';
import { verifyLedger } from './verify';

export interface DrainFigures {
  store: StoreKind;
  sigterms: number;
  acknowledged: number;
  /** Commands sent before the SIGTERM and answered 2xx after it: the drain finished them. */
  finishedAfterSigterm: number;
  /** Commands without an answer: each must be absent from the store (a drain never commits and then drops the answer). */
  unanswered: number;
}

/**
 * SIGTERM to the real server's process group under load from 8 clients: it
 * stops taking requests, finishes those in flight and closes the store. Every
 * 2xx answer is in the store, and nothing is in the store that was not
 * answered.
 */
export async function drainOnSigterm(kind: StoreKind, rounds = 3): Promise<DrainFigures> {
  const ws = workspace(kind, 'drain');
  const port = await freePort();
  const log = join(ws.dataDir, 'server.log');
  const ledger: SentCommand[] = [];
  let server = Server.start({ port, env: ws.env, log });
  let finishedAfterSigterm = 0;
  try {
    await server.healthy();
    for (let round = 0; round < rounds; round++) {
      const gate = new Gate();
      // A client whose answer is lost gives up: so a command committed but not answered would show.
      const clients = Array.from({ length: 8 }, (_, i) => runClient(i, () => server.url, ws.token, gate, ledger, `drain${round}`, 1));
      await sleep(700);
      // No new sends from here; those under way meet the SIGTERM.
      gate.close();
      const before = new Set(ledger.filter((s) => s.answers.length === 0));
      await stoppedCleanly(server, ws.location);
      finishedAfterSigterm += [...before].filter((s) => s.answers.length > 0).length;
      gate.finish();
      server = Server.start({ port, env: ws.env, log });
      await server.healthy();
      gate.release();
      await Promise.all(clients);
    }
    await stoppedCleanly(server, ws.location);
    const figures = verifyLedger(ledger, await readStore(ws.location, ws.subject), ws.storedKey);
    strictEqual(figures.inDoubtThere, 0, `${figures.inDoubtThere} commands were committed during the drain but never answered`);
    ok(finishedAfterSigterm > 0, 'no command in flight at a SIGTERM was finished');
    return { store: kind, sigterms: rounds, acknowledged: figures.acknowledged, finishedAfterSigterm, unanswered: figures.inDoubt };
  } catch (error) {
    process.stderr.write(`  drain ${kind}: failed; the server's log:\n${tail(log)}\n`);
    throw error;
  } finally {
    server.killQuietly();
    await ws.dispose();
  }
}
