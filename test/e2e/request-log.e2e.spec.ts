import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../src/app.factory';
import { testConfig } from './support/test-app';

/**
 * The request log tells how long a request took as its client saw it: one
 * that waited behind a blocked event loop shows the wait, not the 0 ms its
 * handling took (/health logged 0 ms after 29.5 s behind a dashboard).
 */
describe('the request log', () => {
  let app: NestFastifyApplication;
  let dir: string;
  let lines: string[] = [];
  let write: jest.SpyInstance;
  beforeAll(async () => {
    // The log's lines are read where they go, standard output (kept off the test's own output).
    write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (lines.push(String(chunk)), true));
    dir = mkdtempSync(join(tmpdir(), 'brobygger-request-log-'));
    app = await createApp({ ...testConfig('memory', dir), logLevel: 'log' }, { logs: true });
    await app.listen(0, '127.0.0.1');
  });
  beforeEach(() => (lines = []));
  afterAll(async () => {
    await app.close();
    write.mockRestore();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Sends GET /health on a connected socket, holds the event loop for `blockMs`, then reads the answer. */
  const healthBehindABlockedLoop = async (blockMs: number) => {
    const { port } = app.getHttpServer().address() as AddressInfo;
    const socket = connect(port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    const answered = new Promise((resolve) => socket.once('data', resolve));
    // Written at once on a connected socket: the request waits in the kernel while the loop is held.
    socket.write('GET /health HTTP/1.1\r\nhost: localhost\r\nconnection: close\r\n\r\n');
    const until = Date.now() + blockMs;
    while (Date.now() < until);
    await answered;
    socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const logged = lines.flatMap((line) => line.split('\n')).filter((line) => line.includes('"route":"/health"'));
    return logged.map((line) => (JSON.parse(line) as { message: Record<string, number> }).message);
  };

  it('logs the event loop delay a request met on arrival, and the time as the client saw it', async () => {
    const [logged] = await healthBehindABlockedLoop(400);
    expect(logged).toMatchObject({ method: 'GET', route: '/health', status: 200 });
    expect(logged!.loopDelayMs).toBeGreaterThanOrEqual(300);
    expect(logged!.ms).toBeGreaterThanOrEqual(logged!.loopDelayMs! + logged!.handlingMs! - 1);
  });

  it('does not blame a request for a stall that ended before it arrived', async () => {
    await healthBehindABlockedLoop(300);
    lines = [];
    await new Promise((resolve) => setTimeout(resolve, 100));
    const [logged] = await healthBehindABlockedLoop(0);
    expect(logged!.loopDelayMs).toBeLessThan(100);
  });
});
