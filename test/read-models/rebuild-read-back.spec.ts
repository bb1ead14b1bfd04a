import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Projection } from '../../projections/shared/projection';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite.event-store';
import { buildShadows } from '../../src/read-models/rebuild';
import { MemoryReadModelStore } from '../../src/read-model-store/memory-read-model.store';
import type { ReadModelStore } from '../../src/read-model-store/read-model-store.port';
import { SqliteReadModelStore } from '../../src/read-model-store/sqlite-read-model.store';
import { newEvent } from '../contract/event-store.contract';

/** Per stream: the positions seen, a document that grows in place; a stream's `Close` deletes it. */
const tracking: Projection<{ positions: number[] }> = {
  name: 'tracking',
  version: 1,
  keysRead: (event) => [event.streamId],
  apply(event, view) {
    if (event.type === 'Close') return view.delete(event.streamId);
    const doc = view.get(event.streamId) ?? { positions: [] };
    doc.positions.push(event.position);
    view.put(event.streamId, doc);
  },
};

describe('a rebuild whose cache lets documents go', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'brobygger-read-back-'));
    store = SqliteEventStore.open({ file: join(dir, 'brobygger.db') });
    // Five streams, their events interleaved; the third is closed and opened again, the fifth closed.
    for (let round = 0; round < 4; round++) for (const stream of ['s-1', 's-2', 's-3', 's-4', 's-5']) await store.append(stream, [newEvent()], 'any');
    await store.append('s-3', [newEvent('Close')], 'any');
    await store.append('s-5', [newEvent('Close')], 'any');
    for (const stream of ['s-1', 's-3', 's-2']) await store.append(stream, [newEvent()], 'any');
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const stores: Array<[string, () => ReadModelStore]> = [
    // Reads a document back at once when the reducer asks for it (getNow).
    ['SQLite', () => new SqliteReadModelStore(store.connection())],
    // Reads the documents back for a range before applying it.
    ['memory', () => new MemoryReadModelStore()],
  ];

  it.each(stores)('on %s, reads back what it staged, and builds what a cache holding everything builds', async (_name, open) => {
    const head = await store.headPosition();
    const expected = [
      { positions: [1, 6, 11, 16, 23] },
      { positions: [2, 7, 12, 17, 25] },
      { positions: [24] },
      { positions: [4, 9, 14, 19] },
    ];
    // A cache holding everything, one stage.
    const remembering = open();
    const [reference] = await buildShadows(store, remembering, [tracking as Projection<unknown>], head, 1000, undefined, 1000);
    await remembering.replace('tracking', reference!.shadow);
    expect(await remembering.list('tracking')).toEqual(expected);
    // A cache of one document, a stage every two events: each stream's document is let go of between its events.
    const forgetful = open();
    const [built] = await buildShadows(store, forgetful, [tracking as Projection<unknown>], head, 2, undefined, 1);
    await forgetful.replace('tracking', built!.shadow);
    expect(await forgetful.list('tracking')).toEqual(expected);
    expect(await forgetful.checkpoint('tracking')).toEqual({ position: head, version: 1 });
  });
});
