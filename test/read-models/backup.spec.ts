import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backupTo, restoreFrom } from '../../src/cli/backup';
import { checksumOf } from '../../src/cli/migrate';
import { seed } from '../../src/cli/seed/seed';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite.event-store';
import { PersonalDataCipher } from '../../src/privacy/crypto/personal-data.cipher';
import { Pseudonyms } from '../../src/privacy/pseudonyms';
import { signingKey, signingKeyFile } from '../../src/privacy/signing-key';
import { PROJECTIONS } from '../../src/read-models/projections';
import { Projector } from '../../src/read-models/projector';
import { newEvent } from '../contract/event-store.contract';
import { sqliteStorage } from '../support/storage';

describe('cli backup and restore', () => {
  const root = mkdtempSync(join(tmpdir(), 'brobygger-backup-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("copies the store while it is written to, and brings back every event, read model, key and secret", async () => {
    const live = join(root, 'live');
    const store = SqliteEventStore.open({ file: join(live, 'brobygger.db') });
    signingKey(live, undefined);
    const pseudonym = Pseudonyms.fromDataDir(live).of('some-citizen');
    await seed(sqliteStorage(store), { cases: 60, seed: 4 }, () => undefined);
    const projector = new Projector(store, sqliteStorage(store).readModels, PROJECTIONS);
    await projector.start();

    // The server goes on writing while the backup runs.
    const writing = Promise.all(Array.from({ length: 20 }, (_, i) => store.append(`case-during-${i}`, [newEvent()], 'no_stream')));
    const file = join(root, 'backups', 'brobygger.backup');
    const result = await backupTo(live, file);
    await writing;
    expect(result.events).toBeGreaterThan(500);
    await projector.stop();

    const restored = join(root, 'restored');
    expect(restoreFrom(restored, file, false)).toEqual({ events: result.events });
    expect(() => restoreFrom(restored, file, false)).toThrow('--force');
    expect(readFileSync(signingKeyFile(restored))).toEqual(readFileSync(signingKeyFile(live)));
    expect(Pseudonyms.fromDataDir(restored).of('some-citizen')).toBe(pseudonym);

    const copy = SqliteEventStore.open({ file: join(restored, 'brobygger.db') });
    // Exactly the events committed when the backup was taken: a prefix of the live store's.
    const copied = await copy.readAll(1, 1_000_000);
    expect(copied).toEqual((await store.readAll(1, copied.length)).slice(0, copied.length));
    expect(await checksumOf(copy)).toBeDefined();
    const [referral] = copied.filter((e) => e.type === 'ReferralReceived');
    const opened = (await new PersonalDataCipher(sqliteStorage(copy).citizenKeys).reveal(referral!.data)) as { citizen: { name: string } };
    expect(opened.citizen.name).not.toBe('[slettet]');
    // The read models came along with their checkpoints: caught up from there, they equal a rebuild from 0.
    const models = sqliteStorage(copy).readModels;
    const resumed = new Projector(copy, models, PROJECTIONS);
    await resumed.start();
    const fromBackup = await Promise.all(PROJECTIONS.map(({ name }) => models.list(name)));
    await resumed.rebuild();
    expect(await Promise.all(PROJECTIONS.map(({ name }) => models.list(name)))).toEqual(fromBackup);
    expect(fromBackup.flat().length).toBeGreaterThan(0);
    await resumed.stop();
    expect(existsSync(`${file}-wal`)).toBe(false);
    await copy.close();
    await store.close();
  });

  it('refuses a file that is not a backup, and changes nothing', () => {
    const junk = join(root, 'junk.db');
    require('node:fs').writeFileSync(junk, 'not a database at all'.repeat(200));
    const target = join(root, 'untouched');
    expect(() => restoreFrom(target, junk, false)).toThrow('junk.db is not a brobygger backup');
    expect(existsSync(join(target, 'brobygger.db'))).toBe(false);
  });
});
