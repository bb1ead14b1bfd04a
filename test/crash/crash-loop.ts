import { randomInt } from 'node:crypto';
import { strictEqual } from 'node:assert/strict';
import { join } from 'node:path';
import { Gate, runClient, SentCommand } from './clients';
import { cli, projectionsAtHead, sleep, stoppedCleanly, StoreKind, tail, workspace } from './harness';
import { freePort, Server } from './server';
import { readStore } from './store-view';
import { LedgerFigures, verifyLedger, verifyRebuild } from './verify';

export interface CrashFigures extends LedgerFigures {
  store: StoreKind;
  clients: number;
  sigkills: number;
  /** Kills that hit a server still starting (catching its projections up). */
  killedWhileStarting: number;
  readModelDocsCompared: number;
  seconds: number;
}

const CLIENTS = 8;

/**
 * 8 clients send referrals and triages to the real server while its whole
 * process group is SIGKILLed at random moments and started again; then every
 * command is checked against the store and the read models against a rebuild.
 */
export async function crashLoop(kind: StoreKind, kills: number): Promise<CrashFigures> {
  const started = Date.now();
  const ws = workspace(kind, 'crash');
  const port = await freePort();
  const log = join(ws.dataDir, 'server.log');
  let server = Server.start({ port, env: ws.env, log });
  try {
    await server.healthy();
    const gate = new Gate();
    const ledger: SentCommand[] = [];
    const prefix = `k${Date.now()}`;
    const clients = Array.from({ length: CLIENTS }, (_, i) => runClient(i, () => server.url, ws.token, gate, ledger, prefix));

    let killedWhileStarting = 0;
    for (let kill = 1; kill <= kills; kill++) {
      await sleep(randomInt(200, 1200));
      // New sends wait for the restart; those in flight meet the kill.
      gate.close();
      await server.stop('SIGKILL');
      server = Server.start({ port, env: ws.env, log });
      // Now and then the next kill comes while the server is still starting.
      if (kill < kills && randomInt(4) === 0) {
        await sleep(randomInt(300, 1500));
        await server.stop('SIGKILL');
        kill += 1;
        killedWhileStarting += 1;
        server = Server.start({ port, env: ws.env, log });
      }
      await server.healthy();
      gate.release();
      process.stderr.write(`  ${kind}: SIGKILL ${kill}/${kills}, ${ledger.length} commands sent\n`);
    }
    gate.finish();
    await Promise.all(clients);
    await projectionsAtHead(server.url);
    await stoppedCleanly(server, ws.location);

    const live = await readStore(ws.location, ws.subject);
    const figures = verifyLedger(ledger, live, ws.storedKey);
    const rebuild = await cli(ws.env, ['rebuild']);
    strictEqual(rebuild.code, 0, `cli rebuild failed: ${rebuild.stderr}`);
    const { docs } = verifyRebuild(live, await readStore(ws.location, ws.subject));
    return { store: kind, clients: CLIENTS, sigkills: kills, killedWhileStarting, ...figures, readModelDocsCompared: docs, seconds: Math.round((Date.now() - started) / 1000) };
  } catch (error) {
    process.stderr.write(`  ${kind}: failed; the server's log:\n${tail(log)}\n`);
    throw error;
  } finally {
    server.killQuietly();
    await ws.dispose();
  }
}
