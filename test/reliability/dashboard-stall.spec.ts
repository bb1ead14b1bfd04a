import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { seed } from '../../src/cli/seed/seed';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite.event-store';
import { ReadModelsService } from '../../src/read-models/read-models.service';
import { startTestApp, TestApp, tokenFor } from '../e2e/support/test-app';
import { sqliteStorage } from '../support/storage';

/**
 * The largest dashboard (120 months) on 5,000 seeded cases does not hold the
 * event loop: /health, asked every 25 ms from another thread (whose clock a
 * blocked server cannot stop), keeps answering throughout (the bound is 2 s, for loaded machines; the figures are printed). The pass
 * over every case for every month held it for seconds.
 */
const CASES = Number(process.env.STALL_CASES ?? 5_000);

/** Asks /health every 25 ms until told to stop; posts when each request began (ms since the epoch) and how long it took, and the requests that failed. */
const PROBE = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { performance } = require('node:perf_hooks');
const latencies = [];
const failures = [];
let stopped = false;
parentPort.on('message', () => (stopped = true));
// The thread's first request loads and compiles its HTTP client: not measured.
let warm = false;
const probe = () => {
  if (stopped || latencies.length + failures.length >= 2000) return parentPort.postMessage({ latencies, failures });
  const started = performance.now();
  const next = () => setTimeout(probe, 25);
  http
    .get(workerData.url, (res) => {
      res.resume();
      res.on('end', () => {
        if (warm) latencies.push({ at: performance.timeOrigin + started, ms: performance.now() - started });
        warm = true;
        next();
      });
    })
    .on('error', (error) => {
      failures.push(error.message);
      next();
    });
};
probe();
`;

/** One /health request: when it began, ms since the epoch (the same clock in both threads), and how long it took. */
interface Probe {
  at: number;
  ms: number;
}
const now = () => performance.timeOrigin + performance.now();

describe('the dashboard on a large store', () => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    // Seeded through the real command path into the service's SQLite file (without a sync per commit: it is thrown away), then served.
    const dir = mkdtempSync(join(tmpdir(), 'brobygger-stall-'));
    const started = Date.now();
    const store = SqliteEventStore.open({ file: join(dir, 'brobygger.db'), synchronous: 'NORMAL' });
    await seed(sqliteStorage(store), { cases: CASES, seed: 15, asOf: Date.parse('2026-10-31T12:00:00+01:00') }, () => undefined);
    const head = await store.headPosition();
    await store.close();
    const seeded = Date.now();
    t = await startTestApp('sqlite', dir, true);
    expect(await t.app.get(ReadModelsService).projector.waitFor('dashboard', head, 300_000)).toBe(true);
    console.log(`seeded ${CASES} cases (${head} events) in ${seeded - started} ms, projected them in ${Date.now() - seeded} ms`);
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    // A first request of a route compiles its validation and serialisation (~100 ms, whatever the store): one small dashboard first.
    const warm = await fetch(`${base}/dashboard?from=2026-10-01&to=2026-10-31`, { headers: { authorization: `Bearer ${tokenFor(t.dataDir, { sub: 'test-manager', role: 'manager' })}` } });
    expect(warm.status).toBe(200);
    expect((await fetch(`${base}/health`)).status).toBe(200);
  }, 600_000);
  afterAll(() => t?.close());

  it('keeps answering /health (well within 2 s, never held for seconds) while the largest dashboard is asked for', async () => {
    const probe = new Worker(PROBE, { eval: true, workerData: { url: `${base}/health` } });
    const measured = new Promise<{ latencies: Probe[]; failures: string[] }>((resolve) => probe.once('message', resolve));
    const window = { from: 0, to: 0 };
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const manager = tokenFor(t.dataDir, { sub: 'test-manager', role: 'manager' });
      const largest = async (programme?: string) => {
        const query = new URLSearchParams({ from: '2016-11-01', to: '2026-11-01', ...(programme && { programme }) });
        const res = await fetch(`${base}/dashboard?${query}`, { headers: { authorization: `Bearer ${manager}` }, signal: AbortSignal.timeout(60_000) });
        return { status: res.status, body: (await res.json()) as { months: Array<{ referrals: { total: number } }> } };
      };
      window.from = now();
      // Ten rounds of two at once: long enough for several /health requests to fall within them.
      for (let round = 0; round < 10; round++) {
        const answers = await Promise.all([largest(), largest('care_visits')]);
        for (const { status, body } of answers) {
          expect(status).toBe(200);
          expect(body.months).toHaveLength(121);
        }
        expect(answers[0]!.body.months.reduce((sum, m) => sum + m.referrals.total, 0)).toBe(CASES);
      }
      window.to = now();
      console.log(`twenty 121-month dashboards, two at a time, answered in ${Math.round(window.to - window.from)} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    } catch (error) {
      // A failed expectation must not leave the probe thread running (it would keep Jest from exiting).
      await probe.terminate();
      throw error;
    } finally {
      probe.postMessage('stop');
    }
    const { latencies, failures } = await measured;
    await probe.terminate();
    // The /health requests under way while the dashboards were (the machine's own hiccups before and after are not the dashboard's).
    const during = latencies.filter(({ at, ms }) => at <= window.to && at + ms >= window.from).map(({ ms }) => ms);
    console.log(`/health latencies while the dashboards were asked for (ms): ${during.map((ms) => ms.toFixed(1)).join(' ')}`);
    expect(failures).toEqual([]);
    expect(during.length).toBeGreaterThanOrEqual(3);
    // Not a speed target (those are benchmarks): the loop-blocking dashboard this guards against held
    // /health for many seconds (twenty dashboards did not answer within 60 s). A bound well above a
    // loaded machine's own hiccups (300 ms seen with a full test run and other work on 2 cores) and
    // far below that, so the test fails on the blocking only.
    expect(Math.max(...during)).toBeLessThan(2_000);
  }, 120_000);
});
