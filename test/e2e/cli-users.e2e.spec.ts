import { Readable } from 'node:stream';
import { Command } from 'commander';
import { addUser, disableUser, registerUserCommands } from '../../src/cli/user';
import { STORAGE, Storage } from '../../src/storage/storage.port';
import { startTestApp, TestApp, testConfig } from './support/test-app';

/** What an admin does with `npm run cli -- user ...`, parsed as the CLI parses it, on the server's own store. */
describe('the user commands of the CLI', () => {
  let t: TestApp;
  let store: Storage;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
    store = t.app.get(STORAGE);
  });
  afterAll(() => t.close());

  it('lists every user by username with role, visitor id and whether disabled, never a password hash', async () => {
    // Given two users, one of them disabled
    await addUser(store, { username: 'mette', role: 'manager', password: 'kaffe-og-kage-42' });
    await addUser(store, { username: 'jette', role: 'coordinator', password: 'kaffe-og-kage-42' });
    await disableUser(store, 'mette');
    // When the admin lists them
    const printed = await cli(['user', 'list']);
    // Then both, in order, as they now stand
    expect(printed).toEqual([
      { username: 'jette', role: 'coordinator', disabled: false, tokenVersion: 1 },
      { username: 'mette', role: 'manager', disabled: true, tokenVersion: 2 },
    ]);
    expect(JSON.stringify(printed)).not.toMatch(/\$2[aby]\$|hash/i);
  });

  it('says that no password was given when standard input is empty (user add </dev/null), and adds no one', async () => {
    await expect(cli(['user', 'add', '--username', 'birthe', '--role', 'coordinator'], '')).rejects.toThrow(/no password was given/);
    expect((await cli(['user', 'list'])) as Array<{ username: string }>).not.toContainEqual(expect.objectContaining({ username: 'birthe' }));
  });

  it('still says a short password is too short', async () => {
    await expect(cli(['user', 'add', '--username', 'birthe', '--role', 'coordinator'], 'kort\n')).rejects.toThrow(/at least 10 characters/);
  });

  it('adds a screener (issue 22: home care staff who screen for loneliness), who may then sign in and screen', async () => {
    const added = await cli(['user', 'add', '--username', 'sosu-syd', '--role', 'screener'], 'opsporing-i-syd-22\n');
    expect(added).toMatchObject({ username: 'sosu-syd', role: 'screener', created: true });
    const { token } = (await t.as('anonymous').post('/auth/login').send({ username: 'sosu-syd', password: 'opsporing-i-syd-22' }).expect(200)).body;
    await t.as('anonymous').post('/screenings').set('authorization', `Bearer ${token}`).send({ at: new Date().toISOString(), unit: 'Hjemmeplejen Syd', ucla3: [1, 2, 1], consentToRefer: false }).expect(201);
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
      registerUserCommands(program, Readable.from(stdin === '' ? [] : [stdin]) as unknown as NodeJS.ReadStream);
      await program.parseAsync(args, { from: 'user' });
      return JSON.parse(printed.at(-1)!);
    } finally {
      log.mockRestore();
      process.env = saved;
    }
  }
});
