import { Readable } from 'node:stream';
import jwt from 'jsonwebtoken';
import { addUser, readPassword } from '../../src/cli/user';
import { STORAGE, Storage } from '../../src/storage/storage.port';
import { ADDRESS_FACTOR, LoginThrottle, MAX_FAILURES, WINDOW_MS } from '../../src/privacy/users/login-throttle';
import { visitor } from './support/fixtures';
import { httpAs, startTestApp, TestApp } from './support/test-app';

/** Users from `cli user add` sign in with POST /auth/login and get the same bearer token the API takes. */
describe('signing in', () => {
  let t: TestApp;
  let store: Storage;
  let visitorId: string;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
    store = t.app.get<Storage>(STORAGE);
    visitorId = (await t.http.post('/visitors').send(visitor('volunteer', 3, 'Birthe Madsen')).expect(201)).body.visitorId;
    await addUser(store, { username: 'jette', role: 'coordinator', password: 'kaffe-og-kage-42' });
    await addUser(store, { username: 'birthe', role: 'visitor', visitorId, password: 'sognets-besoeg-7' });
  });
  afterAll(() => t.close());
  const anonymous = () => httpAs(t.app.getHttpServer());

  it('gives a coordinator a token the API takes, with the username as subject', async () => {
    const res = await anonymous().post('/auth/login').send({ username: 'jette', password: 'kaffe-og-kage-42' }).expect(200);
    expect(Object.keys(res.body)).toEqual(['token']);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(jwt.decode(res.body.token)).toMatchObject({ sub: 'jette', role: 'coordinator' });
    await httpAs(t.app.getHttpServer(), res.body.token).get('/waiting-list').expect(200);
  });

  it("gives a visitor a token with their visitor id, for their own caseload only", async () => {
    const { token } = (await anonymous().post('/auth/login').send({ username: 'birthe', password: 'sognets-besoeg-7' }).expect(200)).body;
    expect(jwt.decode(token)).toMatchObject({ sub: 'birthe', role: 'visitor', visitorId });
    await httpAs(t.app.getHttpServer(), token).get(`/visitors/${visitorId}/caseload`).expect(200);
    await httpAs(t.app.getHttpServer(), token).get('/waiting-list').expect(403);
  });

  it('answers a wrong password and an unknown user alike: 401, with no hint which part was wrong', async () => {
    const wrong = await anonymous().post('/auth/login').send({ username: 'jette', password: 'forkert-kode-123' });
    const unknown = await anonymous().post('/auth/login').send({ username: 'nobody', password: 'kaffe-og-kage-42' });
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body).toMatchObject({ status: 401, code: 'unauthenticated' });
    }
    expect(wrong.body.detail).toBe(unknown.body.detail);
  });

  it('refuses a malformed sign-in as a 400 problem', async () => {
    const res = await anonymous().post('/auth/login').send({ username: 'jette' }).expect(400);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'password' })]));
  });

  it('refuses further attempts with 429 after repeated failures for one username, even with the right password', async () => {
    await addUser(store, { username: 'ole', role: 'manager', password: 'rigtig-kode-999' });
    for (let i = 0; i < MAX_FAILURES; i++) await anonymous().post('/auth/login').send({ username: 'ole', password: `gaet-${i}-xxxxxx` }).expect(401);
    const res = await anonymous().post('/auth/login').send({ username: 'ole', password: 'rigtig-kode-999' }).expect(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });

  it('lets a second user add replace the password and role, and the old password stops working', async () => {
    const again = await addUser(store, { username: 'jette', role: 'manager', password: 'ny-kode-til-jette' });
    expect(again).toEqual({ username: 'jette', role: 'manager', created: false });
    await anonymous().post('/auth/login').send({ username: 'jette', password: 'kaffe-og-kage-42' }).expect(401);
    const { token } = (await anonymous().post('/auth/login').send({ username: 'jette', password: 'ny-kode-til-jette' }).expect(200)).body;
    expect(jwt.decode(token)).toMatchObject({ role: 'manager' });
  });

  it.each([
    ['a visitor with no visitor id', { username: 'x1', role: 'visitor' as const, password: 'lang-nok-kode' }, /needs --visitor/],
    ['a visitor id nobody registered', { username: 'x2', role: 'visitor' as const, visitorId: '7d444840-9dc0-41d1-b3a5-6d2a1e0f4c11', password: 'lang-nok-kode' }, /no visitor/],
    ['a visitor id on a coordinator', { username: 'x3', role: 'coordinator' as const, visitorId: '7d444840-9dc0-41d1-b3a5-6d2a1e0f4c11', password: 'lang-nok-kode' }, /only --role visitor/],
    ['an unknown role', { username: 'x4', role: 'boss' as never, password: 'lang-nok-kode' }, /--role must be/],
    ['a short password', { username: 'x5', role: 'coordinator' as const, password: 'kort' }, /at least 10/],
    ['a password bcrypt would cut', { username: 'x6', role: 'coordinator' as const, password: 'æ'.repeat(40) }, /at most 72 bytes/],
    ['a username with spaces', { username: 'a b', role: 'coordinator' as const, password: 'lang-nok-kode' }, /--username/],
  ])('cli user add refuses %s and stores nothing', async (_name, user, message) => {
    await expect(addUser(store, user)).rejects.toThrow(message);
    await anonymous().post('/auth/login').send({ username: user.username, password: user.password }).expect(401);
  });

  it('reads the password from piped standard input (its first line), for scripts', async () => {
    const input = Readable.from(['kaffe-og-', 'kage-42\nignored\n']) as unknown as NodeJS.ReadStream;
    expect(await readPassword(input)).toBe('kaffe-og-kage-42');
  });
});

describe('the sign-in throttle', () => {
  it('opens again once the window has passed', () => {
    let now = 0;
    const throttle = new LoginThrottle(() => now);
    for (let i = 0; i < MAX_FAILURES; i++) expect(throttle.reserve('Ole', '127.0.0.1')).toBe(0);
    expect(throttle.reserve('ole', '10.0.0.1')).toBe(WINDOW_MS);
    now = WINDOW_MS;
    expect(throttle.reserve('ole', '10.0.0.1')).toBe(0);
  });

  it('counts an attempt when it is let through, so attempts still being checked fill the limit', () => {
    const throttle = new LoginThrottle(() => 0);
    const letThrough = Array.from({ length: 30 }, () => throttle.reserve('ole', '127.0.0.1')).filter((wait) => wait === 0);
    expect(letThrough).toHaveLength(MAX_FAILURES);
  });

  it('gives the username a fresh start after a success, and does not count it against the address', () => {
    const throttle = new LoginThrottle(() => 0);
    for (let i = 0; i < MAX_FAILURES; i++) throttle.reserve('ole', '127.0.0.1');
    throttle.succeeded('ole', '127.0.0.1');
    expect(throttle.reserve('ole', '127.0.0.1')).toBe(0);
    for (let i = 0; i < MAX_FAILURES * ADDRESS_FACTOR * 2; i++) {
      throttle.reserve(`user-${i}`, '10.0.0.9');
      throttle.succeeded(`user-${i}`, '10.0.0.9');
    }
    expect(throttle.reserve('someone', '10.0.0.9')).toBe(0);
  });

  it("gives back the username's place for an attempt never checked, but the address keeps counting it", () => {
    const throttle = new LoginThrottle(() => 0);
    for (let i = 0; i < MAX_FAILURES * ADDRESS_FACTOR; i++) {
      expect(throttle.reserve('ole', `10.0.0.${i}`)).toBe(0);
      throttle.unchecked('ole');
    }
    expect(throttle.reserve('ole', '10.0.0.250')).toBe(0);
    for (let i = 0; i < MAX_FAILURES * ADDRESS_FACTOR; i++) {
      throttle.reserve(`user-${i}`, '10.0.0.9');
      throttle.unchecked(`user-${i}`);
    }
    expect(throttle.reserve('someone', '10.0.0.9')).toBeGreaterThan(0);
  });
});
