import { ok, strictEqual } from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Gate, runClient, SentCommand } from './clients';
import { sleep, stoppedCleanly, tail, workspace } from './harness';
import { freePort, Server } from './server';

export interface StartUpFigures {
  damage: string;
  exitCode: number | null;
  message: string;
  fileUnchanged: boolean;
}

/**
 * A damaged database file at start: the real entry point refuses it with an
 * error that names the file and exits non-zero; it never starts on a silent
 * empty store, and leaves the file as it found it.
 */
export async function startUpOnDamagedFile(): Promise<StartUpFigures[]> {
  const ws = workspace('sqlite', 'start-up');
  const file = ws.location.where;
  const log = join(ws.dataDir, 'server.log');
  const port = await freePort();
  try {
    // A real store with some cases in it, stopped cleanly.
    const server = Server.start({ port, env: ws.env, log });
    await server.healthy();
    const ledger: SentCommand[] = [];
    const gate = new Gate();
    const clients = Array.from({ length: 4 }, (_, i) => runClient(i, () => server.url, ws.token, gate, ledger, 'start-up'));
    await sleep(800);
    gate.finish();
    await Promise.all(clients);
    await stoppedCleanly(server, ws.location);
    const good = readFileSync(file);

    const damages: Array<[string, Buffer]> = [
      ['truncated to half', good.subarray(0, Math.floor(good.length / 2))],
      ['truncated to 0 bytes', Buffer.alloc(0)],
      ['overwritten with random bytes', randomBytes(good.length)],
      ['header cut off (first 40 bytes zeroed)', Buffer.concat([Buffer.alloc(40), good.subarray(40)])],
    ];
    const figures: StartUpFigures[] = [];
    for (const [damage, bytes] of damages) {
      writeFileSync(file, bytes);
      const attempt = Server.start({ port, env: ws.env, log });
      const exit = await Promise.race([attempt.ended(), sleep(30_000).then(() => undefined)]);
      attempt.killQuietly();
      ok(exit, `the server started on a file ${damage}`);
      strictEqual(exit.code, 1, `a file ${damage}: exit ${exit.code ?? exit.signal}`);
      const fatal = tail(log, 5).split('\n').reverse().find((line) => line.includes('failed to start')) ?? '';
      ok(fatal.includes(file), `a file ${damage}: the error does not name ${file}: ${fatal}`);
      const unchanged = readFileSync(file).equals(bytes) && !existsSync(`${file}-wal`);
      ok(unchanged, `a file ${damage}: the server changed it`);
      figures.push({ damage, exitCode: exit.code, message: (JSON.parse(fatal) as { error: string }).error, fileUnchanged: unchanged });
    }
    return figures;
  } catch (error) {
    process.stderr.write(`  start-up: failed; the server's log:\n${tail(log)}\n`);
    throw error;
  } finally {
    await ws.dispose();
  }
}
