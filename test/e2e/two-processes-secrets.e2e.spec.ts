import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../src/app.factory';
import type { AppConfig } from '../../src/config/config';
import { EVENT_STORE, EventStore } from '../../src/event-store/event-store.port';
import { IdempotencyKeys } from '../../src/http/idempotency-keys';
import { Pseudonyms } from '../../src/privacy/pseudonyms';
import { signingKey } from '../../src/privacy/signing-key';
import { issueToken, Principal } from '../../src/privacy/tokens';
import { secretPath } from '../../src/storage/secrets';
import { describePostgres, dropSchema, testDatabaseUrl, testSchema } from '../support/postgres';
import { karenReferral } from './support/fixtures';
import { COORDINATOR, httpAs, tokenFrom } from './support/test-app';

const AUDITOR: Principal = { sub: 'evaluator@vive.dk', role: 'auditor' };

/**
 * Instances on other machines share one PostgreSQL database but each has its
 * own DATA_DIR: the service's secrets live in the database
 * (src/storage/postgres.secrets.ts), so they sign and verify the same tokens,
 * give an auditor the same pseudonym, and recognise the same Idempotency-Key.
 */
describePostgres('two instances on one PostgreSQL database, each with its own DATA_DIR', () => {
  const made: Array<{ schema?: string; dir?: string; app?: NestFastifyApplication }> = [];
  afterAll(async () => {
    for (const { app } of made) await app?.close();
    for (const { schema, dir } of made) {
      if (schema) await dropSchema(schema);
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
  });

  const freshDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'brobygger-secrets-'));
    made.push({ dir });
    return dir;
  };
  const instance = async (schema: string, dataDir: string, jwtSecret?: string) => {
    const config: AppConfig = { port: 0, dataDir, eventStore: 'postgres', databaseUrl: testDatabaseUrl(), databaseSchema: schema, sqliteSynchronous: 'FULL', logLevel: 'error', ...(jwtSecret && { jwtSecret }) };
    const app = await createApp(config, { logs: false });
    made.push({ app });
    return app;
  };
  const newSchema = () => {
    const schema = testSchema();
    made.push({ schema });
    return schema;
  };

  it('accept each other’s tokens, give the same pseudonym and recognise a retry sent to the other, with no secret file under either DATA_DIR', async () => {
    const schema = newSchema();
    const [dirA, dirB] = [freshDir(), freshDir()];
    const [a, b] = [await instance(schema, dirA), await instance(schema, dirB)];

    // Given a referral through A, signed by A's key, with an Idempotency-Key.
    const first = await httpAs(a.getHttpServer(), tokenFrom(a, COORDINATOR)).post('/cases').set('idempotency-key', 'karen-2026-03-02').send(karenReferral()).expect(201);
    // When the client's retry reaches B with the same token, B accepts the token and recognises the retry.
    const retry = await httpAs(b.getHttpServer(), tokenFrom(a, COORDINATOR)).post('/cases').set('idempotency-key', 'karen-2026-03-02').send(karenReferral()).expect(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);

    // An auditor sees the same pseudonym for the citizen on both.
    const { caseId } = first.body as { caseId: string };
    const pseudonyms = await Promise.all([a, b].map(async (app) => (await httpAs(app.getHttpServer(), tokenFrom(a, AUDITOR)).get(`/cases/${caseId}`).expect(200)).body.citizen as string));
    expect(pseudonyms[0]).toMatch(/^p-[0-9a-f]{20}$/);
    expect(pseudonyms[1]).toBe(pseudonyms[0]);

    for (const dir of [dirA, dirB]) for (const name of ['jwt-signing', 'pseudonym', 'idempotency'] as const) expect(existsSync(secretPath(dir, name))).toBe(false);
  });

  it('adopts the secret files an earlier version left under DATA_DIR on the first start after the upgrade, and leaves them as they were', async () => {
    const schema = newSchema();
    // Given the files a version that kept its secrets under DATA_DIR made there.
    const old = freshDir();
    const key = signingKey(old, undefined);
    const pseudonym = Pseudonyms.fromDataDir(old);
    const idempotency = IdempotencyKeys.fromDataDir(old);
    const files = (['jwt-signing', 'pseudonym', 'idempotency'] as const).map((name) => readFileSync(secretPath(old, name), 'utf8'));

    // When it starts on PostgreSQL with that DATA_DIR, and a second instance starts with an empty one.
    const a = await instance(schema, old);
    const b = await instance(schema, freshDir());

    // Then tokens signed before the upgrade still work on both (nobody is signed out) ...
    const before = issueToken(key, COORDINATOR, '1h');
    const { caseId } = (await httpAs(a.getHttpServer(), before).post('/cases').send(karenReferral()).expect(201)).body as { caseId: string };
    await httpAs(b.getHttpServer(), before).get(`/cases/${caseId}`).expect(200);
    // ... auditors keep the pseudonyms they had ...
    const citizenId = (await httpAs(a.getHttpServer(), before).get(`/cases/${caseId}`).expect(200)).body.citizenId as string;
    const seen = (await httpAs(b.getHttpServer(), issueToken(key, AUDITOR, '1h')).get(`/cases/${caseId}`).expect(200)).body.citizen;
    expect(seen).toBe(pseudonym.of(citizenId));
    // ... and Idempotency-Keys are hashed with the adopted secret, so records stored before the upgrade are still found ...
    const retry = await httpAs(b.getHttpServer(), before).post('/cases').set('idempotency-key', 'k-1').send(karenReferral()).expect(201);
    expect(await a.get<symbol, EventStore>(EVENT_STORE).findIdempotency(COORDINATOR.sub, idempotency.digest('k-1'))).toMatchObject({ answer: retry.body });
    // ... and the files are as they were.
    expect((['jwt-signing', 'pseudonym', 'idempotency'] as const).map((name) => readFileSync(secretPath(old, name), 'utf8'))).toEqual(files);
  });

  it('still lets JWT_SECRET override the signing key in the database', async () => {
    const schema = newSchema();
    const secret = 'x'.repeat(40);
    const [a, b] = [await instance(schema, freshDir(), secret), await instance(schema, freshDir())];
    const withSecret = issueToken(Buffer.from(secret, 'utf8'), COORDINATOR, '1h');
    await httpAs(a.getHttpServer(), withSecret).get('/cases').expect(200);
    // B has no JWT_SECRET: it signs with the database's key, which is not the secret.
    await httpAs(b.getHttpServer(), withSecret).get('/cases').expect(401);
  });
});
