import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApp } from '../../src/app.factory';
import { addUser } from '../../src/cli/user';
import { STORAGE, Storage } from '../../src/storage/storage.port';
import { ADDRESS_FACTOR, MAX_FAILURES } from '../../src/privacy/users/login-throttle';
import { PASSWORD_CHECKS_AT_ONCE, PASSWORD_CHECKS_WAITING } from '../../src/privacy/users/login.controller';
import { dropSchema } from '../support/postgres';
import { testConfig } from './support/test-app';

/** A fresh app, with TRUST_PROXY as given; on PostgreSQL in the e2e-postgres project. */
async function appWith(trustProxy?: boolean | number | string): Promise<{ app: NestFastifyApplication; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'brobygger-signin-'));
  const config = { ...testConfig('sqlite', dir), ...(trustProxy !== undefined && { trustProxy }) };
  const app = await createApp(config, { logs: false });
  return {
    app,
    close: async () => {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
      if (config.eventStore === 'postgres') await dropSchema(config.databaseSchema);
    },
  };
}

const signIn = (app: NestFastifyApplication, username: string, password: string, forwardedFor?: string) => {
  const test = request(app.getHttpServer()).post('/auth/login').send({ username, password });
  return forwardedFor ? test.set('x-forwarded-for', forwardedFor) : test;
};

const statuses = (answers: Array<{ status: number }>): Record<number, number> =>
  answers.reduce<Record<number, number>>((count, { status }) => ({ ...count, [status]: (count[status] ?? 0) + 1 }), {});

/** Bursts of parallel sign-ins, as an outside probe sent them: the limits hold, and nothing else waits on them. */
describe('signing in under a burst', () => {
  let t: Awaited<ReturnType<typeof appWith>>;
  beforeEach(async () => {
    t = await appWith();
    await addUser(t.app.get<Storage>(STORAGE), { username: 'ole', role: 'manager', password: 'rigtig-kode-999' });
  });
  afterEach(() => t.close());

  it('lets no more than the limit of parallel guesses for one user reach the password check (29 wrong and the right one)', async () => {
    const passwords = Array.from({ length: 30 }, (_, i) => (i === 29 ? 'rigtig-kode-999' : `gaet-${i}-xxxxxx`));
    const answers = await Promise.all(passwords.map((password) => signIn(t.app, 'ole', password)));
    const count = statuses(answers);
    expect((count[401] ?? 0) + (count[200] ?? 0)).toBeLessThanOrEqual(MAX_FAILURES);
    expect(count[429]).toBeGreaterThanOrEqual(30 - MAX_FAILURES);
    // The right password came last: the limit was reached before it, so it got no token.
    expect(answers[29]!.status).toBe(429);
  });

  it('refuses a burst of wrong sign-ins from one address with 429 once its limit is reached', async () => {
    const answers = await Promise.all(Array.from({ length: 99 }, (_, i) => signIn(t.app, `bruger-${i}`, 'forkert-kode-123')));
    const count = statuses(answers);
    expect(count[429]).toBeGreaterThanOrEqual(99 - MAX_FAILURES * ADDRESS_FACTOR);
    expect((count[401] ?? 0) + (count[503] ?? 0)).toBeLessThanOrEqual(MAX_FAILURES * ADDRESS_FACTOR);
    expect(count[200]).toBeUndefined();
  });

  it('checks only a few passwords at once and answers the rest at once with 503 sign_in_busy and Retry-After', async () => {
    // Within the address's limit: only the queue refuses.
    const burst = MAX_FAILURES * ADDRESS_FACTOR;
    expect(burst).toBeGreaterThan(PASSWORD_CHECKS_AT_ONCE + PASSWORD_CHECKS_WAITING);
    const answers = await Promise.all(Array.from({ length: burst }, (_, i) => signIn(t.app, `bruger-${i}`, 'forkert-kode-123')));
    const busy = answers.filter((answer) => answer.status === 503);
    const count = statuses(answers);
    expect((count[401] ?? 0) + busy.length).toBe(burst);
    expect(count[401]).toBeLessThanOrEqual(PASSWORD_CHECKS_AT_ONCE + PASSWORD_CHECKS_WAITING);
    for (const answer of busy) {
      expect(answer.headers['content-type']).toMatch(/problem\+json/);
      expect(answer.body).toMatchObject({ status: 503, code: 'sign_in_busy' });
      expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
    }
  });

  it('keeps /health answering while a burst of sign-ins is checked', async () => {
    const burst = Promise.all(Array.from({ length: 20 }, (_, i) => signIn(t.app, `bruger-${i}`, 'forkert-kode-123')));
    // Once the checks have begun: the first answers are a password check away.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    await request(t.app.getHttpServer()).get('/health').expect(200);
    const healthMs = performance.now() - started;
    await burst;
    // Generous: the pure-JavaScript bcrypt held the loop for 100 ms per check under way, about 2 s here.
    expect(healthMs).toBeLessThan(750);
  });
});

describe('the client address behind a reverse proxy (TRUST_PROXY)', () => {
  let t: Awaited<ReturnType<typeof appWith>> | undefined;
  afterEach(() => t?.close());

  const failFromManyForwardedAddresses = async () => {
    for (let i = 0; i < MAX_FAILURES * ADDRESS_FACTOR; i++) await signIn(t!.app, `bruger-${i}`, 'forkert-kode-123', `203.0.113.${i}`).expect(401);
    return signIn(t!.app, 'endnu-en', 'forkert-kode-123', '203.0.113.200');
  };

  it('ignores X-Forwarded-For by default: every client of one proxy is one address', async () => {
    t = await appWith();
    expect((await failFromManyForwardedAddresses()).status).toBe(429);
  });

  it('counts per forwarded address when the proxy is trusted', async () => {
    t = await appWith('127.0.0.1,::1');
    expect((await failFromManyForwardedAddresses()).status).toBe(401);
  });

  it('counts per forwarded address behind a hop count of proxies (TRUST_PROXY=1)', async () => {
    t = await appWith(1);
    expect((await failFromManyForwardedAddresses()).status).toBe(401);
  });
});
