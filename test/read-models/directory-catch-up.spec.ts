import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Directory, DIRECTORY_VERSION } from '../../projections/directory/directory';
import { migrateEvents } from '../../src/cli/migrate';
import { seed } from '../../src/cli/seed/seed';
import { catchUpDirectory } from '../../src/directory/directory-catch-up';
import { DirectoryFeed } from '../../src/directory/directory-feed';
import { DIRECTORY_MODEL } from '../../src/directory/directory-snapshot';
import type { EventStore } from '../../src/event-store/event-store.port';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite.event-store';
import { SqliteReadModelStore } from '../../src/read-model-store/sqlite-read-model.store';
import { sqliteStorage } from '../support/storage';

const contentOf = (directory: Directory) => ({
  cases: [...directory.cases.entries()],
  visitors: [...directory.visitors.entries()].map(([id, v]) => [id, { ...v, activeCaseIds: [...v.activeCaseIds] }]),
  citizens: [...directory.citizens.entries()],
});

/** A Directory started on the store, and how many events it had to fold to get there. */
async function started(store: EventStore, persisted: boolean): Promise<{ content: ReturnType<typeof contentOf>; folded: number }> {
  let folded = 0;
  const watched: EventStore = Object.create(store);
  watched.readAll = async (from, limit) => {
    const events = await store.readAll(from, limit);
    folded += events.length;
    return events;
  };
  watched.onAppended = (listener) => store.onAppended(listener);
  const feed = new DirectoryFeed(persisted ? new SqliteReadModelStore((store as SqliteEventStore).connection()) : undefined);
  await feed.start(watched);
  await feed.stop();
  return { content: contentOf(feed.directory), folded };
}

describe('a store written around the command path gets its persisted Directory', () => {
  let dir: string;
  const stores: SqliteEventStore[] = [];
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'brobygger-catch-up-'))));
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const open = (name: string) => {
    const store = SqliteEventStore.open({ file: join(dir, name) });
    stores.push(store);
    return store;
  };

  it('from cli migrate: the target starts from a Directory at its head that equals a fold from 0', async () => {
    const source = open('source.db');
    await seed(sqliteStorage(source), { cases: 30, seed: 3 }, () => undefined);
    const target = open('target.db');
    await migrateEvents(sqliteStorage(source), sqliteStorage(target));
    const models = new SqliteReadModelStore(target.connection());
    expect(await models.checkpoint(DIRECTORY_MODEL)).toEqual({ position: await target.headPosition(), version: DIRECTORY_VERSION });
    const restarted = await started(target, true);
    expect(restarted.folded).toBe(0);
    expect(restarted.content).toEqual((await started(target, false)).content);
  });

  it('after a bulk import: folds only the imported events, and does nothing once it is at the head', async () => {
    const source = open('source.db');
    await seed(sqliteStorage(source), { cases: 20, seed: 4 }, () => undefined);
    const store = open('store.db');
    await seed(sqliteStorage(store), { cases: 10, seed: 5 }, () => undefined);
    const models = new SqliteReadModelStore(store.connection());
    const before = (await models.checkpoint(DIRECTORY_MODEL))!.position;
    // The archive import writes events only: the stored Directory stays where the seed left it.
    await store.archive().importEvents(await source.readAll(1, 100_000));
    expect((await models.checkpoint(DIRECTORY_MODEL))!.position).toBe(before);

    expect(await catchUpDirectory(store, models)).toEqual({ position: await store.headPosition(), folded: true });
    const restarted = await started(store, true);
    expect(restarted.folded).toBe(0);
    expect(restarted.content).toEqual((await started(store, false)).content);
    expect(await catchUpDirectory(store, models)).toEqual({ position: await store.headPosition(), folded: false });
  });
});
