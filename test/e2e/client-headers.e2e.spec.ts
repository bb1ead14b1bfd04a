import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { APP_CONFIG, AppConfig } from '../../src/config/config';
import { EVENT_STORE, EventStore } from '../../src/event-store/event-store.port';
import { SERVICE_SECRETS, ServiceSecrets } from '../../src/storage/secrets';
import { karenReferral } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';
import { testDatabaseUrl } from '../support/postgres';

/**
 * Headers a client chooses end up on disk: the Idempotency-Key in the store's
 * records, the X-Correlation-Id in every event's metadata (shown to auditors).
 * Neither may carry personal data there: the key is kept only as a keyed hash,
 * and the correlation id must be an id.
 */
describe('client headers kept by the service', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp('sqlite')));
  afterAll(() => t.close());

  const onPostgres = process.env.E2E_STORE === 'postgres';

  /** Runs one statement on the store's own database, bypassing the service. */
  async function raw<R>(sql: string, params: string[] = []): Promise<R[]> {
    if (onPostgres) {
      const client = new Client({ connectionString: testDatabaseUrl() });
      await client.connect();
      try {
        const schema = (t.app.get(APP_CONFIG) as AppConfig).databaseSchema;
        return (await client.query(sql.replace(/\bidempotency\b/, `"${schema}".idempotency`), params)).rows as R[];
      } finally {
        await client.end();
      }
    }
    const db = new Database(join(t.dataDir, 'brobygger.db'));
    try {
      const statement = db.prepare(sql.replace(/\$\d/g, '?'));
      return statement.reader ? (statement.all(...params) as R[]) : (statement.run(...params), []);
    } finally {
      db.close();
    }
  }

  /** HMAC-SHA256 with the secret the service keeps (its storage module's: src/storage/secrets.ts), as hex. */
  const keyedHash = (key: string) => createHmac('sha256', t.app.get<symbol, ServiceSecrets>(SERVICE_SECRETS).idempotencySecret).update(key).digest('hex');

  /** The store's head, read from the store (/health answers 503 while a restarted app catches up). */
  const head = () => t.app.get<EventStore>(EVENT_STORE).headPosition();

  const storedKeys = async () => (await raw<{ key: string }>('SELECT key FROM idempotency')).map((r) => r.key);

  it('stores an Idempotency-Key only as its keyed hash, and still answers a retry with the first answer', async () => {
    const first = await t.http.post('/cases').set('idempotency-key', 'karen-2026-03-02').send(karenReferral()).expect(201);
    const keys = await storedKeys();
    expect(keys).toContain(keyedHash('karen-2026-03-02'));
    expect(keys.filter((key) => /karen/i.test(key))).toEqual([]);
    // Not in any file under DATA_DIR either (the database, its WAL, the secrets).
    if (!onPostgres) for (const name of readdirSync(t.dataDir)) expect(readFileSync(join(t.dataDir, name)).includes('karen-2026-03-02')).toBe(false);

    const retry = await t.http.post('/cases').set('idempotency-key', 'karen-2026-03-02').send(karenReferral()).expect(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    t = await t.restart();
    const afterRestart = await t.http.post('/cases').set('idempotency-key', 'karen-2026-03-02').send(karenReferral()).expect(201);
    expect(afterRestart.body).toEqual(first.body);
    // Another body under the same key is still told apart.
    const reused = await t.http.post('/cases').set('idempotency-key', 'karen-2026-03-02').send(karenReferral({ programme: 'companion' })).expect(422);
    expect(reused.body.code).toBe('idempotency_key_reused');
    expect(reused.body.detail).not.toContain(keyedHash('karen-2026-03-02'));
  });

  it('hashes at the next start the clear keys an earlier version stored, and a retry across the upgrade is still recognised', async () => {
    const first = await t.http.post('/cases').set('idempotency-key', 'poul-hansen-2026-03-05').send(karenReferral()).expect(201);
    const before = await head();
    await t.app.close();
    // What an earlier version left: the key as the client sent it.
    await raw('UPDATE idempotency SET key = $1 WHERE key = $2', ['poul-hansen-2026-03-05', keyedHash('poul-hansen-2026-03-05')]);
    expect(await storedKeys()).toContain('poul-hansen-2026-03-05');

    t = await startTestApp('sqlite', t.dataDir, true);
    const keys = await storedKeys();
    expect(keys.filter((key) => !/^[0-9a-f]{64}$/.test(key))).toEqual([]);
    expect(keys).toContain(keyedHash('poul-hansen-2026-03-05'));
    const retry = await t.http.post('/cases').set('idempotency-key', 'poul-hansen-2026-03-05').send(karenReferral()).expect(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await head()).toBe(before);
  });

  describe('X-Correlation-Id', () => {
    it.each(['c-1', 'Karen Nielsen 120345-1234', 'karen-2026-03-02', '', '00000000000000000000000000000000', `${'a'.repeat(32)}-x`])(
      'refuses %j with a 400 naming the header, and appends nothing',
      async (value) => {
        const before = await head();
        const res = await t.http.post('/cases').set('x-correlation-id', value).send(karenReferral()).expect(400);
        expect(res.headers['content-type']).toMatch(/problem\+json/);
        expect(res.body).toMatchObject({ code: 'validation_failed', errors: [expect.objectContaining({ field: 'X-Correlation-Id' })] });
        expect(await head()).toBe(before);
      },
    );

    it.each([
      ['a UUID', '7c9e6679-7425-40de-944b-e07fc1f90ae7', '7c9e6679-7425-40de-944b-e07fc1f90ae7'],
      ['a UUID in capitals, kept in lower case', '7C9E6679-7425-40DE-944B-E07FC1F90AE7', '7c9e6679-7425-40de-944b-e07fc1f90ae7'],
      ['a W3C trace id', '4bf92f3577b34da6a3ce929d0e0e4736', '4bf92f3577b34da6a3ce929d0e0e4736'],
      ['a whole traceparent, kept as its trace id', '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', '4bf92f3577b34da6a3ce929d0e0e4736'],
    ])('accepts %s and records it in the events', async (_what, value, recorded) => {
      const { caseId } = (await t.http.post('/cases').set('x-correlation-id', value).send(karenReferral()).expect(201)).body;
      const events = (await t.http.get(`/cases/${caseId}/events`).expect(200)).body as Array<{ metadata: { correlationId: string } }>;
      expect(events.map((e) => e.metadata.correlationId)).toEqual([recorded]);
    });
  });
});
