import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIRECTORY_VERSION, Directory } from '../../projections/directory/directory';
import { seed } from '../../src/cli/seed/seed';
import { DIRECTORY_MODEL, docKey } from '../../src/directory/directory-snapshot';
import { DirectoryFeed } from '../../src/directory/directory-feed';
import type { EventStore } from '../../src/event-store/event-store.port';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite.event-store';
import { SqliteReadModelStore } from '../../src/read-model-store/sqlite-read-model.store';
import { sqliteStorage } from '../support/storage';

/** Everything a Directory holds, in the order its maps iterate. */
const contentOf = (directory: Directory) => ({
  cases: [...directory.cases.entries()],
  visitors: [...directory.visitors.entries()].map(([id, v]) => [id, { ...v, activeCaseIds: [...v.activeCaseIds] }]),
  citizens: [...directory.citizens.entries()],
});

/** The real store, counting the events its readAll hands out. */
const counting = (store: EventStore) => {
  const counter = { events: 0 };
  const wrapped: EventStore = Object.create(store);
  wrapped.readAll = async (from, limit) => {
    const events = await store.readAll(from, limit);
    counter.events += events.length;
    return events;
  };
  wrapped.onAppended = (listener) => store.onAppended(listener);
  return { store: wrapped, counter };
};

describe('the persisted Directory', () => {
  let dir: string;
  let store: SqliteEventStore;
  let models: SqliteReadModelStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'brobygger-directory-'));
    store = SqliteEventStore.open({ file: join(dir, 'brobygger.db') });
    models = new SqliteReadModelStore(store.connection());
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const foldedFromZero = async () => {
    const feed = new DirectoryFeed();
    await feed.start(store);
    await feed.stop();
    return contentOf(feed.directory);
  };

  it('resumes from its checkpoint after a restart, reading only the events after it, and equals a fold from 0', async () => {
    // The seed persists the Directory it builds.
    await seed(sqliteStorage(store), { cases: 40, seed: 5 }, () => undefined);
    const stored = await models.checkpoint(DIRECTORY_MODEL);
    expect(stored).toEqual({ position: await store.headPosition(), version: DIRECTORY_VERSION });
    // More cases (booked to the same visitors, some closed) after it was stored.
    const first = new DirectoryFeed(models);
    await first.start(store);
    await seed(sqliteStorage(store), { cases: 25, seed: 6 }, () => undefined);
    const head = await store.headPosition();
    await first.stop();

    const { store: watched, counter } = counting(store);
    const restarted = new DirectoryFeed(models);
    await restarted.start(watched);
    expect(restarted.loadedPosition).toBe(head);
    expect(counter.events).toBe(0);
    expect(contentOf(restarted.directory)).toEqual(await foldedFromZero());
    await restarted.stop();
  });

  it('after a crash, goes on from the last Directory written, and still equals a fold from 0', async () => {
    await seed(sqliteStorage(store), { cases: 30, seed: 7 }, () => undefined);
    const written = (await models.checkpoint(DIRECTORY_MODEL))!.position;
    const docs = (await models.list(DIRECTORY_MODEL)) as Array<{ seq: number }>;
    await seed(sqliteStorage(store), { cases: 20, seed: 8 }, () => undefined);
    // The process died before it wrote again: the stored Directory is still the one at `written`.
    await models.clear(DIRECTORY_MODEL);
    await models.commit(DIRECTORY_MODEL, new Map(docs.map((doc) => [docKey(doc.seq), doc])), { position: written, version: DIRECTORY_VERSION }, 0);

    const { store: watched, counter } = counting(store);
    const restarted = new DirectoryFeed(models);
    await restarted.start(watched);
    expect(counter.events).toBe((await store.headPosition()) - written);
    expect(contentOf(restarted.directory)).toEqual(await foldedFromZero());
    await restarted.stop();
    // And what it folded is written for the next start.
    expect((await models.checkpoint(DIRECTORY_MODEL))!.position).toBe(await store.headPosition());
  });

  it('folds from 0 when the stored Directory is of another version, and writes it again', async () => {
    await seed(sqliteStorage(store), { cases: 10, seed: 9 }, () => undefined);
    const head = await store.headPosition();
    await models.clear(DIRECTORY_MODEL);
    await models.commit(DIRECTORY_MODEL, new Map([[docKey(0), { seq: 0, case: { caseId: 'nonsense' } }]]), { position: head, version: DIRECTORY_VERSION - 1 }, 0);
    const { store: watched, counter } = counting(store);
    const feed = new DirectoryFeed(models);
    await feed.start(watched);
    expect(counter.events).toBe(head);
    expect(feed.directory.cases.has('nonsense')).toBe(false);
    await feed.stop();
    expect(await models.checkpoint(DIRECTORY_MODEL)).toEqual({ position: head, version: DIRECTORY_VERSION });
    expect(((await models.list(DIRECTORY_MODEL)) as Array<{ case?: { caseId: string } }>).some((doc) => doc.case?.caseId === 'nonsense')).toBe(false);
    const again = new DirectoryFeed(models);
    await again.start(store);
    expect(contentOf(again.directory)).toEqual(await foldedFromZero());
    await again.stop();
  });
});
