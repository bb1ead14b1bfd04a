import { Readable } from 'node:stream';
import { Command } from 'commander';
import { addUser, disableUser, enableUser, removeUser, registerUserCommands, setPassword, setRole } from '../../src/cli/user';
import { STORAGE, Storage } from '../../src/storage/storage.port';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres.event-store';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite.event-store';
import { STANDING_TTL_MS } from '../../src/privacy/users/token-standing';
import { httpAs, startTestApp, TestApp, testConfig } from './support/test-app';

/** Every change to a user ends the tokens they hold at once: disable, remove, a new password, a new role. */
describe('revoking tokens', () => {
  let t: TestApp;
  let store: Storage;
  let n = 0;
  let username: string;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
    store = t.app.get<Storage>(STORAGE);
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    username = `jette-${++n}`;
    await addUser(store, { username, role: 'coordinator', password: 'kaffe-og-kage-42' });
  });

  const signIn = async (password = 'kaffe-og-kage-42'): Promise<string> =>
    (await httpAs(t.app.getHttpServer()).post('/auth/login').send({ username, password }).expect(200)).body.token;
  const waitingList = (token: string) => httpAs(t.app.getHttpServer(), token).get('/waiting-list');

  it.each([
    ['disabled', () => disableUser(store, username)],
    ['removed', () => removeUser(store, username)],
    ['given a new password', () => setPassword(store, username, 'en-helt-ny-kode')],
    ['given a new role', () => setRole(store, { username, role: 'manager' })],
  ])('ends an earlier token when the user is %s', async (_change, change) => {
    const token = await signIn();
    await waitingList(token).expect(200);
    await change();
    const res = await waitingList(token).expect(401);
    expect(res.body).toMatchObject({ code: 'unauthenticated', detail: expect.stringMatching(/revoked/) });
  });

  it('lets no disabled user sign in, and a re-enabled one signs in afresh: the old token stays ended', async () => {
    const before = await signIn();
    await disableUser(store, username);
    await httpAs(t.app.getHttpServer()).post('/auth/login').send({ username, password: 'kaffe-og-kage-42' }).expect(401);
    await enableUser(store, username);
    await waitingList(before).expect(401);
    await waitingList(await signIn()).expect(200);
  });

  it("refuses a service token (cli token, no version) that names a user: it would outlive the user's changes", async () => {
    await t.as({ sub: username, role: 'coordinator' }).get('/waiting-list').expect(401);
    await t.as({ sub: 'nightly-export', role: 'coordinator' }).get('/waiting-list').expect(200);
  });

  it(`learns of a change made by another process within ${STANDING_TTL_MS / 1000} s`, async () => {
    const token = await signIn();
    await waitingList(token).expect(200);
    await bumpWithoutTelling(store, username);
    // Within the window the token still stands (what this process knew is at most that old) ...
    await waitingList(token).expect(200);
    const now = Date.now();
    const clock = jest.spyOn(Date, 'now').mockReturnValue(now + STANDING_TTL_MS);
    try {
      // ... and then no more.
      await waitingList(token).expect(401);
    } finally {
      clock.mockRestore();
    }
  });

  it('round trip through the command line: user disable, enable, passwd and role print the user and end their tokens', async () => {
    const token = await signIn();
    expect(await cli(['user', 'disable', '--username', username])).toEqual({ username, role: 'coordinator', disabled: true, tokenVersion: 2 });
    await waitingList(token).expect(401);
    expect(await cli(['user', 'enable', '--username', username])).toMatchObject({ disabled: false, tokenVersion: 3 });
    expect(await cli(['user', 'passwd', '--username', username], 'ny-kode-fra-stdin\n')).toMatchObject({ tokenVersion: 4 });
    const again = await signIn('ny-kode-fra-stdin');
    expect(await cli(['user', 'role', '--username', username, '--role', 'auditor'])).toMatchObject({ role: 'auditor', tokenVersion: 5 });
    await waitingList(again).expect(401);
    expect(await cli(['user', 'remove', '--username', username])).toEqual({ username, removed: true });
    await expect(cli(['user', 'disable', '--username', username])).rejects.toThrow(`no user ${username}`);
  });

  /** The CLI's user commands, parsed as `npm run cli -- ...` would, on this app's store (its environment as the server's). */
  async function cli(args: string[], stdin = ''): Promise<unknown> {
    const config = testConfig('sqlite', t.dataDir);
    const env = { EVENT_STORE: config.eventStore, DATA_DIR: t.dataDir, DATABASE_URL: config.databaseUrl, DATABASE_SCHEMA: config.databaseSchema };
    const saved = { ...process.env };
    Object.assign(process.env, env);
    const printed: string[] = [];
    const log = jest.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
    try {
      const program = new Command().exitOverride();
      registerUserCommands(program, Readable.from([stdin]) as unknown as NodeJS.ReadStream);
      await program.parseAsync(args, { from: 'user' });
      return JSON.parse(printed.at(-1)!);
    } finally {
      log.mockRestore();
      process.env = saved;
    }
  }
});

/** Raises a user's token version in the database directly, as another process would: this one is not told. */
async function bumpWithoutTelling({ events: store }: Storage, username: string): Promise<void> {
  if (store instanceof SqliteEventStore) store.connection().prepare('UPDATE users SET token_version = token_version + 1 WHERE username = ?').run(username);
  else if (store instanceof PostgresEventStore) await store.connection().query(`UPDATE "${store.schema}".users SET token_version = token_version + 1 WHERE username = $1`, [username]);
  else throw new Error('no database to change behind the app');
}
