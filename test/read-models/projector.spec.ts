import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Projection } from '../../projections/shared/projection';
import { Checkpoint, CheckpointMovedError } from '../../src/read-model-store/read-model-store.port';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite.event-store';
import { Projector } from '../../src/read-models/projector';
import { SqliteReadModelStore } from '../../src/read-model-store/sqlite-read-model.store';
import { newEvent } from '../contract/event-store.contract';

/** Counts every event it sees, per stream: applying one twice, or skipping one, shows in the count. */
const counting: Projection<{ count: number; positions: number[] }> = {
  name: 'counting',
  version: 1,
  keysRead: (event) => [event.streamId],
  apply(event, view) {
    const doc = view.get(event.streamId) ?? { count: 0, positions: [] };
    view.put(event.streamId, { count: doc.count + 1, positions: [...doc.positions, event.position] });
  },
};

/** Throws on one event type: a reducer bug. */
const fragile: Projection<{ seen: number }> = {
  name: 'fragile',
  version: 1,
  keysRead: () => ['all'],
  apply(event, view) {
    if (event.type === 'Poison') throw new Error('cannot read this event');
    view.put('all', { seen: (view.get('all')?.seen ?? 0) + 1 });
  },
};

/** Changes its document in place (as the view allows), and throws on one event type. */
const inPlace: Projection<{ positions: number[] }> = {
  name: 'in-place',
  version: 1,
  keysRead: () => ['all'],
  apply(event, view) {
    const doc = view.get('all') ?? { positions: [] };
    doc.positions.push(event.position);
    if (event.type === 'Poison') throw new Error('cannot read this event');
    view.put('all', doc);
  },
};

/** Cannot even name its keys for one event type: a bug in `keysRead`, not in `apply`. */
const keyless: Projection<{ seen: number }> = {
  name: 'keyless',
  version: 1,
  keysRead: (event) => {
    if (event.type === 'Poison') throw new Error('no keys for this event');
    return ['all'];
  },
  apply(_event, view) {
    view.put('all', { seen: (view.get('all')?.seen ?? 0) + 1 });
  },
};

/** Names its keys, but the document they lead to cannot say its further keys for one event type. */
const through: Projection<{ seen: number }> = {
  name: 'through',
  version: 1,
  keysRead: () => ['all'],
  keysReadThrough: (_doc, event) => {
    if (event.type === 'Poison') throw new Error('no further keys for this event');
    return [];
  },
  apply(_event, view) {
    view.put('all', { seen: (view.get('all')?.seen ?? 0) + 1 });
  },
};

/** Fails once between writing the rows and writing the checkpoint, as a crash would. */
class CrashingStore extends SqliteReadModelStore {
  /** Which checkpoint write dies (1: the first). */
  crashAt = 1;
  private writes = 0;
  protected override saveCheckpoint(projection: string, checkpoint: Checkpoint): void {
    if (++this.writes === this.crashAt) throw new Error('crash between the rows and the checkpoint');
    super.saveCheckpoint(projection, checkpoint);
  }
}

describe('the projector', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'brobygger-projector-'));
    store = SqliteEventStore.open({ file: join(dir, 'brobygger.db') });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const append = async (streams: string[], perStream: number) => {
    for (const stream of streams) await store.append(stream, Array.from({ length: perStream }, () => newEvent()), 'any');
  };
  const counts = async (models: SqliteReadModelStore, name = 'counting') => ((await models.list(name)) as Array<{ count: number }>).reduce((sum, doc) => sum + doc.count, 0);

  it('catches up at start, follows appends, and goes on from its checkpoint after a restart', async () => {
    await append(['case-a', 'case-b'], 3);
    const models = new SqliteReadModelStore(store.connection());
    const projector = new Projector(store, models, [counting as Projection<unknown>]);
    await projector.start();
    expect(await counts(models)).toBe(6);
    await append(['case-a'], 2);
    expect(await projector.waitFor('counting', 8, 5000)).toBe(true);
    await projector.stop();
    await append(['case-c'], 1);
    const again = new Projector(store, models, [counting as Projection<unknown>]);
    await again.start();
    expect(await counts(models)).toBe(9);
    expect(await models.checkpoint('counting')).toEqual({ position: 9, version: 1 });
    await again.stop();
  });

  it('applies no event twice when it dies between the rows and the checkpoint', async () => {
    await append(['case-a', 'case-b'], 5);
    const crashing = new CrashingStore(store.connection());
    const errors: unknown[] = [];
    const first = new Projector(store, crashing, [counting as Projection<unknown>], (error) => errors.push(error));
    await first.start();
    expect(errors).toHaveLength(1);
    expect(await counts(crashing)).toBe(0); // the rows went with the checkpoint
    await first.stop();
    const restarted = new Projector(store, new SqliteReadModelStore(store.connection()), [counting as Projection<unknown>]);
    await restarted.start();
    const docs = (await crashing.list('counting')) as Array<{ count: number; positions: number[] }>;
    expect(docs.flatMap((d) => d.positions).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    await restarted.stop();
  });

  it('stops a projection whose reducer throws at that event, and lets the others go on', async () => {
    await append(['case-a'], 2);
    await store.append('case-a', [newEvent('Poison')], 'any');
    await append(['case-a'], 2);
    const models = new SqliteReadModelStore(store.connection());
    const projector = new Projector(store, models, [counting, fragile] as Array<Projection<unknown>>);
    await projector.start();
    expect(projector.status()).toEqual([
      { name: 'counting', position: 5 },
      { name: 'fragile', position: 2, failure: { position: 3, error: 'cannot read this event' } },
    ]);
    expect(await models.get('fragile', 'all')).toEqual({ seen: 2 });
    expect(await models.checkpoint('fragile')).toMatchObject({ position: 2, failure: { position: 3 } });
    await append(['case-b'], 1);
    expect(await projector.waitFor('counting', 6, 5000)).toBe(true);
    expect(projector.position('fragile')).toBe(2);
    await projector.stop();
  });

  it('stops a projection whose keysRead or keysReadThrough throws at that event, as if its apply had, and lets the ones after it go on', async () => {
    const models = new SqliteReadModelStore(store.connection());
    const all = [keyless, through, counting] as Array<Projection<unknown>>;
    // `keysReadThrough` is asked only of documents stored before the batch: two events in a batch of their own first.
    await append(['case-a'], 2);
    const first = new Projector(store, models, all);
    await first.start();
    await first.stop();
    await store.append('case-a', [newEvent('Poison')], 'any');
    await append(['case-a'], 2);
    const errors: unknown[] = [];
    // The failing ones first: a catch-up interrupted by them would leave `counting` behind.
    const projector = new Projector(store, models, all, (error) => errors.push(error));
    await projector.start();
    expect(projector.status()).toEqual([
      { name: 'keyless', position: 2, failure: { position: 3, error: 'no keys for this event' } },
      { name: 'through', position: 2, failure: { position: 3, error: 'no further keys for this event' } },
      { name: 'counting', position: 5 },
    ]);
    expect(errors).toEqual([]);
    expect(await models.get('keyless', 'all')).toEqual({ seen: 2 });
    expect(await models.get('through', 'all')).toEqual({ seen: 2 });
    expect(await models.checkpoint('keyless')).toMatchObject({ position: 2, failure: { position: 3 } });
    expect(await models.checkpoint('through')).toMatchObject({ position: 2, failure: { position: 3 } });
    await append(['case-b'], 1);
    expect(await projector.waitFor('counting', 6, 5000)).toBe(true);
    expect(projector.position('keyless')).toBe(2);
    await projector.stop();
    // A restart keeps them stopped where they were.
    const again = new Projector(store, models, all);
    await again.start();
    expect(again.status().map((s) => [s.name, s.position, s.failure?.position])).toEqual([
      ['keyless', 2, 3],
      ['through', 2, 3],
      ['counting', 6, undefined],
    ]);
    await again.stop();
  });

  it('keeps none of what a reducer changed in place in the event it threw at, nor of its batch after it', async () => {
    await append(['case-a'], 2);
    const models = new SqliteReadModelStore(store.connection());
    const first = new Projector(store, models, [inPlace as Projection<unknown>]);
    await first.start();
    await first.stop();
    // One batch: two good events, the poison (which changes the document before it throws), one more.
    await append(['case-a'], 2);
    await store.append('case-a', [newEvent('Poison')], 'any');
    await append(['case-a'], 1);
    const projector = new Projector(store, models, [inPlace as Projection<unknown>]);
    await projector.start();
    expect(projector.status()).toEqual([{ name: 'in-place', position: 4, failure: { position: 5, error: 'cannot read this event' } }]);
    expect(await models.get('in-place', 'all')).toEqual({ positions: [1, 2, 3, 4] });
    await projector.stop();
  });

  it('rebuilds from position 0 aside and swaps, while the live projection keeps answering', async () => {
    await append(['case-a', 'case-b', 'case-c'], 4);
    const models = new SqliteReadModelStore(store.connection());
    const projector = new Projector(store, models, [counting as Projection<unknown>]);
    await projector.start();
    const live = await models.list('counting');
    const progress: number[] = [];
    await projector.rebuild(['counting'], (position) => progress.push(position));
    expect(await models.list('counting')).toEqual(live);
    expect(progress[progress.length - 1]).toBe(12);
    expect(await models.list('counting~rebuild')).toEqual([]);
    await projector.stop();
  });

  it('loses nothing when a rebuild dies while it stages, or between its rows and its checkpoint at the end, and leaves no rows behind once it is done', async () => {
    await append(['case-a', 'case-b', 'case-c'], 4);
    const models = new SqliteReadModelStore(store.connection());
    const projector = new Projector(store, models, [counting as Projection<unknown>]);
    await projector.start();
    const live = await models.list('counting');
    const checkpoint = await models.checkpoint('counting');
    // One stage succeeds, the next dies.
    const failing = new SqliteReadModelStore(store.connection());
    const stageShadows = failing.stageShadows.bind(failing);
    failing.stageShadows = async (names) => {
      const staging = await stageShadows(names);
      let stages = 0;
      const stage = staging.stage.bind(staging);
      staging.stage = async (batches) => {
        if (++stages === 2) throw new Error('the process died while staging');
        return stage(batches);
      };
      return staging;
    };
    const dying = new Projector(store, failing, [counting as Projection<unknown>]);
    dying.rebuildCommitEvery = 5;
    await expect(dying.rebuild(['counting'])).rejects.toThrow('the process died while staging');
    expect(await models.list('counting~rebuild')).toEqual([]);
    // The last transaction dies between the rows put in place and the checkpoint.
    const crashing = new CrashingStore(store.connection());
    const dyingAtTheEnd = new Projector(store, crashing, [counting as Projection<unknown>]);
    dyingAtTheEnd.rebuildCommitEvery = 5;
    await expect(dyingAtTheEnd.rebuild(['counting'])).rejects.toThrow('crash between the rows and the checkpoint');
    expect(await models.list('counting~rebuild')).toEqual([]);
    expect(await models.checkpoint('counting~rebuild')).toBeUndefined();
    expect(await models.list('counting')).toEqual(live);
    expect(await models.checkpoint('counting')).toEqual(checkpoint);
    // The next rebuild starts its shadow again and ends where the live one is.
    projector.rebuildCommitEvery = 5;
    await projector.rebuild(['counting']);
    expect(await models.list('counting')).toEqual(live);
    expect(await models.checkpoint('counting')).toEqual(checkpoint);
    await projector.reclaim();
    expect(store.connection().prepare('SELECT count(*) AS n FROM read_model_docs').get()).toEqual({ n: live.length });
    // Nothing staged is left on the connection either.
    expect(store.connection().prepare("SELECT count(*) AS n FROM temp.sqlite_master WHERE type = 'table'").get()).toEqual({ n: 0 });
    await projector.stop();
  });

  it('never applies a batch twice when another process moved the checkpoint meanwhile', async () => {
    await append(['case-a'], 4);
    const models = new SqliteReadModelStore(store.connection());
    const projector = new Projector(store, models, [counting as Projection<unknown>]);
    await projector.start();
    await projector.stop();
    // Another process (a CLI) applies the next events first.
    await append(['case-a'], 2);
    const other = new Projector(store, new SqliteReadModelStore(store.connection()), [counting as Projection<unknown>]);
    await other.start();
    await other.stop();
    const again = new Projector(store, models, [counting as Projection<unknown>]);
    await again.start();
    expect(await models.get('counting', 'case-a')).toMatchObject({ count: 6, positions: [1, 2, 3, 4, 5, 6] });
    await expect(models.commit('counting', new Map(), { position: 7, version: 1 }, 4)).rejects.toBeInstanceOf(CheckpointMovedError);
    await again.stop();
  });

  it('reads a document again once another process moved the checkpoint past what this one last committed and kept', async () => {
    await append(['case-a'], 4);
    const models = new SqliteReadModelStore(store.connection());
    // This projector moves only when woken, so another one can apply in between.
    const deaf = new Proxy(store, { get: (target, name) => (name === 'onAppended' ? () => () => undefined : Reflect.get(target, name, target)) });
    const kept = new Projector(deaf as SqliteEventStore, models, [counting as Projection<unknown>]);
    await kept.start();
    // A batch from a checkpoint of its own: it keeps what it commits.
    await append(['case-a'], 1);
    await kept.wake();
    await append(['case-a'], 2);
    const other = new Projector(store, new SqliteReadModelStore(store.connection()), [counting as Projection<unknown>]);
    await other.start();
    await other.stop();
    await append(['case-a'], 1);
    await kept.wake();
    expect(await models.get('counting', 'case-a')).toEqual({ count: 8, positions: [1, 2, 3, 4, 5, 6, 7, 8] });
    // And its own commits it keeps: the next batch reads on from them.
    await append(['case-a'], 1);
    await kept.wake();
    expect(await models.get('counting', 'case-a')).toEqual({ count: 9, positions: [1, 2, 3, 4, 5, 6, 7, 8, 9] });
    await kept.stop();
  });

  it('keeps nothing a reducer changed in place before it threw, also in a document it kept from its last batch', async () => {
    await append(['case-a'], 1);
    const models = new SqliteReadModelStore(store.connection());
    const deaf = new Proxy(store, { get: (target, name) => (name === 'onAppended' ? () => () => undefined : Reflect.get(target, name, target)) });
    const projector = new Projector(deaf as SqliteEventStore, models, [inPlace as Projection<unknown>]);
    await projector.start();
    await append(['case-a'], 1);
    await projector.wake();
    // The kept document goes to this batch, which changes it in place at the poison and throws.
    await append(['case-a'], 1);
    await store.append('case-a', [newEvent('Poison')], 'any');
    await projector.wake();
    expect(projector.status()).toEqual([{ name: 'in-place', position: 3, failure: { position: 4, error: 'cannot read this event' } }]);
    expect(await models.get('in-place', 'all')).toEqual({ positions: [1, 2, 3] });
    await projector.stop();
  });

  it('starts a projection again from 0 when its version changes', async () => {
    await append(['case-a'], 3);
    const models = new SqliteReadModelStore(store.connection());
    await models.commit('counting', new Map([['case-a', { count: 99, positions: [] }]]), { position: 3, version: 0 }, 0);
    const projector = new Projector(store, models, [counting as Projection<unknown>]);
    await projector.start();
    expect(await models.get('counting', 'case-a')).toMatchObject({ count: 3 });
    await projector.stop();
  });
});
