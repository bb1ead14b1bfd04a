import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_STORE, EventStore } from '../../src/event-store/event-store.port';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite.event-store';
import { createApp } from '../../src/app.factory';
import { karenReferral } from '../e2e/support/fixtures';
import { startTestApp, TestApp, testConfig } from '../e2e/support/test-app';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A small tmpfs of our own as the data directory, when this machine lets us mount one (root, no container veto). */
function smallDisk(dir: string, size: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function unmount(dir: string): void {
  try {
    execFileSync('umount', [dir], { stdio: 'ignore' });
  } catch {
    execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
  }
}

/** Fills the file system under `dir` to the last byte. */
function fill(file: string): void {
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(64 * 1024);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
}

const assess = (t: TestApp, caseId: string) => t.http.post(`/cases/${caseId}/assessments`).send({ instrument: 'ucla3', answers: [2, 2, 2] });

describe('the embedded store when its disk fails', () => {
  const dir = mkdtempSync(join(tmpdir(), 'brobygger-disk-'));
  // RELIABILITY_NO_MOUNT=1 tries the fallback on a machine that could mount.
  const mounted = process.env.RELIABILITY_NO_MOUNT !== '1' && smallDisk(dir, '8m');
  let t: TestApp | undefined;
  afterAll(async () => {
    await t?.close();
    if (mounted) unmount(dir);
    rmSync(dir, { recursive: true, force: true });
  });

  it(`answers 503 problems on a full disk (${mounted ? 'a real 8 MB tmpfs filled up' : 'SQLITE_FULL by PRAGMA max_page_count: this machine cannot mount'}), keeps what it acknowledged, and recovers when space returns`, async () => {
    t = await startTestApp('sqlite', dir, false);
    const store = t.app.get<EventStore>(EVENT_STORE);
    const { caseId } = (await t.http.post('/cases').send(karenReferral()).expect(201)).body;
    let acknowledged = 0;
    for (let i = 0; i < 5; i++, acknowledged++) await assess(t, caseId).expect(200);

    if (mounted) fill(join(dir, 'filler'));
    else (store as SqliteEventStore).connection().pragma(`max_page_count = ${(store as SqliteEventStore).connection().pragma('page_count', { simple: true }) as number}`);
    // The WAL may still have room for a few; sooner or later every write needs new pages.
    let refused = 0;
    for (let i = 0; i < 2000 && refused < 5; i++) {
      const before = await store.headPosition();
      const res = await assess(t, caseId);
      if (res.status === 200) {
        acknowledged += 1;
        continue;
      }
      expect(res.status).toBe(503);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.headers['retry-after']).toBeDefined();
      expect(res.body).toMatchObject({ status: 503, code: 'store_unavailable', type: expect.any(String), title: expect.any(String), detail: expect.any(String), instance: expect.any(String) });
      expect(await store.headPosition()).toBe(before);
      refused += 1;
    }
    expect(refused).toBe(5);

    // Space returns: the store takes commands again, without a restart.
    if (mounted) rmSync(join(dir, 'filler'));
    else (store as SqliteEventStore).connection().pragma('max_page_count = 4294967294');
    let recovered = false;
    for (let i = 0; i < 50 && !recovered; i++) {
      const res = await assess(t, caseId);
      if (res.status === 200) {
        acknowledged += 1;
        recovered = true;
      } else await sleep(50);
    }
    expect(recovered).toBe(true);

    // Everything acknowledged is there, once, after a restart; the read models caught up on what they missed.
    t = await t.restart();
    const events = (await t.http.get(`/cases/${caseId}/events`).expect(200)).body as Array<{ revision: number }>;
    expect(events.map((e) => e.revision)).toEqual(Array.from({ length: 1 + acknowledged }, (_, i) => i));
    const history = (await t.http.get(`/cases/${caseId}/history`).expect(200)).body as Array<{ revision: number }>;
    expect(history.map((e) => e.revision)).toEqual(events.map((e) => e.revision));
    console.log(`disk full (${mounted ? 'tmpfs' : 'max_page_count'}): ${acknowledged} acknowledged and found, ${refused} refused with 503, recovered without a restart`);
  }, 120_000);

  it('answers 503 problems while the file is read-only, and takes commands again once it is writable', async () => {
    t ??= await startTestApp('sqlite', dir, false);
    const store = t.app.get<EventStore>(EVENT_STORE);
    const { caseId } = (await t.http.post('/cases').send(karenReferral()).expect(201)).body;
    const before = await store.headPosition();
    // SQLITE_READONLY on every write, as a file system remounted read-only gives (the kernel will not
    // remount one read-only under a process holding files open for writing, so the connection is told).
    (store as SqliteEventStore).connection().pragma('query_only = ON');
    for (let i = 0; i < 3; i++) {
      const res = await assess(t, caseId);
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ status: 503, code: 'store_unavailable' });
    }
    expect(await store.headPosition()).toBe(before);
    expect((await t.http.get(`/cases/${caseId}`).expect(200)).body.caseId).toBe(caseId);
    (store as SqliteEventStore).connection().pragma('query_only = OFF');
    await assess(t, caseId).expect(200);
  });

  (mounted ? it : it.skip)('refuses to start on a read-only data directory, naming the file', async () => {
    await t?.close();
    t = undefined;
    execFileSync('mount', ['-o', 'remount,ro', dir]);
    try {
      const config = testConfig('sqlite', dir);
      await expect(createApp(config, { logs: false })).rejects.toThrow(join(dir, 'brobygger.db'));
    } finally {
      execFileSync('mount', ['-o', 'remount,rw', dir]);
    }
  });
});
