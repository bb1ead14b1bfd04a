import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres.event-store';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite.event-store';
import { onUserChange } from '../../src/privacy/users/user-changes';
import { MemoryUserStore, UserStore } from '../../src/privacy/users/users.store';
import { postgresStorage, sqliteStorage } from '../support/storage';
import { describePostgres, dropSchema, testDatabaseUrl, testSchema } from '../support/postgres';

const VISITOR = '7d444840-9dc0-41d1-b3a5-6d2a1e0f4c11';

/** The same behaviour from every users store: each change raises the token version, and is told in-process. */
function userStoreContract(name: string, open: () => Promise<{ users: UserStore; cleanup(): Promise<void> }>): void {
  describe(`${name} users store`, () => {
    let users: UserStore;
    let cleanup: () => Promise<void>;
    beforeEach(async () => ({ users, cleanup } = await open()));
    afterEach(() => cleanup());

    it('starts a new user at token version 1, enabled', async () => {
      expect(await users.save({ username: 'jette', passwordHash: 'h1', role: 'coordinator' })).toBe(true);
      expect(await users.find('jette')).toEqual({ username: 'jette', passwordHash: 'h1', role: 'coordinator', tokenVersion: 1, disabled: false });
    });

    it('raises the token version with every change: a new add, a password, a role, disabling and enabling', async () => {
      await users.save({ username: 'jette', passwordHash: 'h1', role: 'coordinator' });
      expect(await users.save({ username: 'jette', passwordHash: 'h2', role: 'manager' })).toBe(false);
      expect((await users.find('jette'))!.tokenVersion).toBe(2);
      expect(await users.change('jette', { passwordHash: 'h3' })).toMatchObject({ passwordHash: 'h3', tokenVersion: 3 });
      expect(await users.change('jette', { role: 'visitor', visitorId: VISITOR })).toMatchObject({ role: 'visitor', visitorId: VISITOR, tokenVersion: 4 });
      expect(await users.change('jette', { disabled: true })).toMatchObject({ disabled: true, tokenVersion: 5 });
      const enabled = await users.change('jette', { disabled: false, role: 'coordinator', visitorId: null });
      expect(enabled).toEqual({ username: 'jette', passwordHash: 'h3', role: 'coordinator', tokenVersion: 6, disabled: false });
    });

    it('keeps a disabled user disabled when add replaces their password', async () => {
      await users.save({ username: 'jette', passwordHash: 'h1', role: 'coordinator' });
      await users.change('jette', { disabled: true });
      await users.save({ username: 'jette', passwordHash: 'h2', role: 'coordinator' });
      expect(await users.find('jette')).toMatchObject({ disabled: true, tokenVersion: 3 });
    });

    it('removes a user, and answers whether there was one', async () => {
      await users.save({ username: 'jette', passwordHash: 'h1', role: 'coordinator' });
      expect(await users.remove('jette')).toBe(true);
      expect(await users.find('jette')).toBeUndefined();
      expect(await users.remove('jette')).toBe(false);
      expect(await users.change('jette', { disabled: true })).toBeUndefined();
    });

    it('lists every user by username, in the same order on every store (byte order: Æ, Ø, Å after z)', async () => {
      expect(await users.list()).toEqual([]);
      for (const username of ['ørsted', 'jette', 'Birthe', 'anne']) await users.save({ username, passwordHash: 'h', role: 'coordinator' });
      await users.change('jette', { disabled: true });
      const listed = await users.list();
      expect(listed.map((u) => u.username)).toEqual(['Birthe', 'anne', 'jette', 'ørsted']);
      expect(listed[2]).toEqual({ username: 'jette', passwordHash: 'h', role: 'coordinator', tokenVersion: 2, disabled: true });
    });

    it('tells this process of every change, by username', async () => {
      const told: string[] = [];
      const stop = onUserChange((username) => told.push(username));
      try {
        await users.save({ username: 'jette', passwordHash: 'h1', role: 'coordinator' });
        await users.change('jette', { disabled: true });
        await users.remove('jette');
      } finally {
        stop();
      }
      expect(told).toEqual(['jette', 'jette', 'jette']);
    });
  });
}

userStoreContract('memory', async () => ({ users: new MemoryUserStore(), cleanup: async () => undefined }));

userStoreContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'brobygger-users-'));
  const store = SqliteEventStore.open({ file: join(dir, 'brobygger.db') });
  return {
    users: sqliteStorage(store).users,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describePostgres('PostgreSQL users', () => {
  userStoreContract('postgres', async () => {
    const schema = testSchema();
    const store = await PostgresEventStore.open({ connectionString: testDatabaseUrl(), schema });
    return {
      users: postgresStorage(store, tmpdir()).users,
      cleanup: async () => {
        await store.close();
        await dropSchema(schema);
      },
    };
  });
});

describe('a store from before token versions', () => {
  it('gives the users of an old SQLite file version 1, enabled, when opened', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'brobygger-users-'));
    const file = join(dir, 'brobygger.db');
    try {
      const old = SqliteEventStore.open({ file });
      await sqliteStorage(old).users.save({ username: 'jette', passwordHash: 'h1', role: 'coordinator' });
      // Back to the file as schema version 5 left it.
      old.connection().exec('ALTER TABLE users DROP COLUMN token_version; ALTER TABLE users DROP COLUMN disabled_at; DELETE FROM schema_migrations WHERE version = 6');
      await old.close();
      const reopened = SqliteEventStore.open({ file });
      expect(await sqliteStorage(reopened).users.find('jette')).toMatchObject({ tokenVersion: 1, disabled: false });
      await reopened.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
