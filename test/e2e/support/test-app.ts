import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApp } from '../../../src/app.factory';
import type { AppConfig } from '../../../src/config/config';
import { dropSchema, testDatabaseUrl } from '../../support/postgres';
import { signingKey } from '../../../src/privacy/signing-key';
import { issueToken, Principal } from '../../../src/privacy/tokens';
import { SERVICE_SECRETS, ServiceSecrets } from '../../../src/storage/secrets';

/** supertest, with a bearer token on every request. */
export type Http = Pick<ReturnType<typeof request>, 'get' | 'post' | 'put' | 'patch' | 'delete'>;

/** Requests to `server` as the holder of `token` (none: anonymous). */
export function httpAs(server: Parameters<typeof request>[0], token?: string): Http {
  const client = request(server);
  const send = (method: 'get' | 'post' | 'put' | 'patch' | 'delete') => (url: string) => {
    const test = client[method](url);
    return token ? test.set('authorization', `Bearer ${token}`) : test;
  };
  return { get: send('get'), post: send('post'), put: send('put'), patch: send('patch'), delete: send('delete') };
}

/** A token signed with the key in a data directory's file (where sqlite and memory keep it; PostgreSQL adopts it on its first start). */
export function tokenFor(dataDir: string, principal: Principal): string {
  return issueToken(signingKey(dataDir, undefined), principal, '1h');
}

/** A token signed with the key the app itself uses, wherever its storage keeps it. */
export function tokenFrom(app: NestFastifyApplication, principal: Principal): string {
  return issueToken(app.get<symbol, ServiceSecrets>(SERVICE_SECRETS).signingKey, principal, '1h');
}

export interface TestApp {
  app: NestFastifyApplication;
  /** As the coordinator `test-coordinator`. */
  http: Http;
  /** As someone else: another role, a visitor, or nobody. */
  as(principal: Principal | 'anonymous'): Http;
  dataDir: string;
  /** Stops the app (draining the store) and starts it again on the same data directory. */
  restart(): Promise<TestApp>;
  close(): Promise<void>;
}

/**
 * The configuration of a test app. With E2E_STORE=postgres (the `e2e-postgres`
 * Jest project) every SQLite app runs on PostgreSQL instead, in a schema named
 * after its data directory, so the whole e2e suite proves both stores.
 */
export function testConfig(store: 'sqlite' | 'memory', dir: string): AppConfig {
  const base = { port: 0, dataDir: dir, sqliteSynchronous: 'FULL' as const, logLevel: 'error' as const, databaseSchema: 'brobygger' };
  if (store === 'sqlite' && process.env.E2E_STORE === 'postgres') {
    const schema = `e2e_${basename(dir).replace(/[^a-z0-9]/gi, '').toLowerCase()}`;
    return { ...base, eventStore: 'postgres', databaseUrl: testDatabaseUrl(), databaseSchema: schema };
  }
  return { ...base, eventStore: store };
}

export const COORDINATOR: Principal = { sub: 'test-coordinator', role: 'coordinator' };

/** The real application on a fresh SQLite file (or the memory store), logs off. */
export async function startTestApp(store: 'sqlite' | 'memory' = 'sqlite', dataDir?: string, ownsDir = dataDir === undefined, overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'brobygger-e2e-'));
  // Overrides: settings from the environment a test wants otherwise (REFERRAL_CARD_RATE_LIMIT, say).
  const config = { ...testConfig(store, dir), ...overrides };
  // The signing key as a file first, so that tokenFor(dataDir) signs for the app on PostgreSQL too (which adopts it).
  signingKey(dir, undefined);
  const app = await createApp(config, { logs: process.env.TEST_LOGS === '1' });
  const testApp: TestApp = {
    app,
    http: httpAs(app.getHttpServer(), tokenFor(dir, COORDINATOR)),
    as: (principal) => httpAs(app.getHttpServer(), principal === 'anonymous' ? undefined : tokenFor(dir, principal)),
    dataDir: dir,
    restart: async () => {
      await app.close();
      return startTestApp(store, dir, ownsDir, overrides);
    },
    close: async () => {
      await app.close();
      // A restarted app owns the directory (and schema) its first start made.
      if (ownsDir) {
        rmSync(dir, { recursive: true, force: true });
        if (config.eventStore === 'postgres') await dropSchema(config.databaseSchema);
      }
    },
  };
  return testApp;
}
