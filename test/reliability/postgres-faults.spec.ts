import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../src/app.factory';
import type { AppConfig } from '../../src/config/config';
import { describePostgres, dropSchema, testDatabaseUrl, testSchema } from '../support/postgres';
import { karenReferral } from '../e2e/support/fixtures';
import { COORDINATOR, Http, httpAs, tokenFrom } from '../e2e/support/test-app';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The database URL with an application_name, so that this test kills its own backends and nobody else's. */
const tagged = (name: string): string => {
  const url = new URL(testDatabaseUrl());
  url.searchParams.set('application_name', name);
  return url.toString();
};

/** Terminates the backends of one application (never the server, never anyone else's); how many it hit. */
async function terminate(applicationName: string, onlyListen = false): Promise<number> {
  const admin = new Client({ connectionString: testDatabaseUrl() });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ pid: number }>(
      `SELECT pg_terminate_backend(pid) AS ok, pid FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid() AND ($2::boolean IS FALSE OR query LIKE 'LISTEN%')`,
      [applicationName, onlyListen],
    );
    return rows.length;
  } finally {
    await admin.end();
  }
}

/** Sends until answered with 2xx, retrying a 503 (with the same Idempotency-Key: safe); any other refusal fails. */
async function acknowledged(send: () => Promise<{ status: number; body: unknown; headers: Record<string, string> }>, refusals: { count: number }): Promise<Record<string, unknown>> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const res = await send();
    if (res.status < 300) return res.body as Record<string, unknown>;
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 503, code: 'store_unavailable' });
    refusals.count += 1;
    await sleep(50);
  }
  throw new Error('the store did not come back within 100 tries');
}

describePostgres('PostgreSQL connections killed under load', () => {
  const schemas = [testSchema(), testSchema()];
  const dir = mkdtempSync(join(tmpdir(), 'brobygger-pgfault-'));
  const apps: NestFastifyApplication[] = [];
  const config = (name: string, schema: string): AppConfig => ({ port: 0, dataDir: dir, eventStore: 'postgres', databaseUrl: tagged(name), databaseSchema: schema, sqliteSynchronous: 'FULL', logLevel: 'error' });
  afterAll(async () => {
    for (const app of apps) await app.close();
    for (const schema of schemas) await dropSchema(schema);
    rmSync(dir, { recursive: true, force: true });
  });
  const start = async (name: string, schema: string): Promise<Http> => {
    const app = await createApp(config(name, schema), { logs: process.env.FAULT_LOGS === '1' });
    apps.push(app);
    return httpAs(app.getHttpServer(), tokenFrom(app, COORDINATOR));
  };

  it('refuses clearly (503) while the connections are gone, takes retries with the same key exactly once, and its pool and projections recover', async () => {
    const name = `brobygger-fault-${schemas[0]}`;
    const http = await start(name, schemas[0]!);
    const refusals = { count: 0 };
    const cases: Array<{ caseId: string; assessments: number }> = [];
    let stop = false;
    const client = async (n: number) => {
      for (let i = 0; !stop && i < 40; i++) {
        const key = `pgfault-${n}-${i}`;
        const created = await acknowledged(() => http.post('/cases').set('idempotency-key', `${key}-r`).send(karenReferral()), refusals);
        const mine = { caseId: created.caseId as string, assessments: 0 };
        cases.push(mine);
        await acknowledged(() => http.post(`/cases/${mine.caseId}/assessments`).set('idempotency-key', `${key}-a`).send({ instrument: 'ucla3', answers: [2, 2, 2] }), refusals);
        mine.assessments += 1;
      }
    };
    const clients = Array.from({ length: 8 }, (_, n) => client(n));
    let killed = 0;
    for (let round = 0; round < 5; round++) {
      await sleep(300);
      killed += await terminate(name);
    }
    stop = true;
    await Promise.all(clients);
    expect(killed).toBeGreaterThan(0);

    // Every command acknowledged exactly once: one referral and its assessment per case, nothing twice.
    for (const { caseId, assessments } of cases) {
      const events = (await http.get(`/cases/${caseId}/events`).expect(200)).body as Array<{ type: string; revision: number }>;
      expect(events.map((e) => e.type)).toEqual(['ReferralReceived', ...Array.from({ length: assessments }, () => 'LonelinessAssessed')]);
    }
    // The projections went on from their checkpoints: every event in the history once, and no lag.
    const last = (await acknowledged(() => http.post('/cases').set('idempotency-key', 'pgfault-last').send(karenReferral()), refusals)) as { position: number };
    for (const { caseId, assessments } of cases.slice(0, 10)) {
      const history = (await http.get(`/cases/${caseId}/history`).query({ minPosition: last.position }).expect(200)).body as Array<{ revision: number }>;
      expect(history.map((h) => h.revision)).toEqual(Array.from({ length: 1 + assessments }, (_, i) => i));
    }
    // Each read model answers once it has applied the last command (read-your-writes), so /health must then show no lag.
    // (Without this the check raced the projector: a faster answer path reached /health before the last batch was applied.)
    const reached = { minPosition: last.position };
    for (const path of ['/waiting-list', '/dashboard', '/partners']) await http.get(path).query(reached).expect(200);
    await http.get(`/visitors/${randomUUID()}/caseload`).query(reached).expect(404); // waits for the caseload projection, then finds no such visitor
    const health = (await http.get('/health').expect(200)).body as { projections: Array<{ lag: number; status: string }> };
    expect(health.projections.every((p) => p.status === 'ok' && p.lag === 0)).toBe(true);
    console.log(`pg faults: ${killed} backends terminated under load, ${refusals.count} commands refused with 503 and retried, ${cases.length * 2 + 1} acknowledged exactly once`);
  }, 120_000);

  it('hears of the other process again when its LISTEN connection was killed, so the projections it applies do not stand still', async () => {
    // A starts first and takes every projection's lease; B only reads what A applies.
    const a = `brobygger-a-${schemas[1]}`;
    const httpA = await start(a, schemas[1]!);
    for (let i = 0; i < 100 && (await httpA.get('/health')).status !== 200; i++) await sleep(100);
    const httpB = await start(`brobygger-b-${schemas[1]}`, schemas[1]!);
    expect(await terminate(a, true)).toBe(1);
    // Appended through B while A's LISTEN connection is down, then once it is back.
    for (let i = 0; i < 2; i++) {
      const { position } = (await httpB.post('/cases').send(karenReferral()).expect(201)).body;
      const res = await httpB.get('/waiting-list').query({ minPosition: position });
      expect(res.status).toBe(200);
      await sleep(300);
    }
  }, 60_000);
});
