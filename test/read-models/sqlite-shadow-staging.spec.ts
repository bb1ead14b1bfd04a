import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite.event-store';
import { SqliteReadModelStore } from '../../src/read-model-store/sqlite-read-model.store';
import { hash } from '../../src/read-model-store/sqlite-shadow-staging';

/** Two different keys with the same 30-bit hash (found by trying; a few dozen thousand keys suffice). */
function collidingKeys(): [string, string] {
  const seen = new Map<number, string>();
  for (let i = 0; ; i++) {
    const key = `case:${i}`;
    const other = seen.get(hash(key));
    if (other !== undefined) return [other, key];
    seen.set(hash(key), key);
  }
}

describe("SQLite's staging of a rebuild", () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'brobygger-staging-'));
    store = SqliteEventStore.open({ file: join(dir, 'brobygger.db') });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds the right document of two keys that share a hash, whichever was staged last', async () => {
    const [first, second] = collidingKeys();
    expect(hash(first)).toBe(hash(second));
    const models = new SqliteReadModelStore(store.connection());
    await models.clear('p~rebuild');
    const staging = await models.stageShadows(['p~rebuild']);
    const stage = (writes: Array<[string, unknown]>, position: number) => staging.stage([{ projection: 'p~rebuild', writes: new Map(writes), checkpoint: { position, version: 1 } }]);
    await stage([[first, { v: 'first 1' }]], 1);
    await stage([[second, { v: 'second 1' }]], 2);
    expect(await staging.getMany('p~rebuild', [first, second])).toEqual(new Map([[first, { v: 'first 1' }], [second, { v: 'second 1' }]]));
    await stage([[first, { v: 'first 2' }]], 3);
    await stage([[second, undefined]], 4);
    expect(await staging.getMany('p~rebuild', [first, second])).toEqual(new Map([[first, { v: 'first 2' }]]));
    await staging.finish([{ projection: 'p~rebuild', writes: new Map(), checkpoint: { position: 5, version: 1 } }]);
    expect(await models.list('p~rebuild')).toEqual([{ v: 'first 2' }]);
    // The staged rows went with the staging: nothing is left in the connection's temp database.
    expect(store.connection().prepare("SELECT count(*) AS n FROM temp.sqlite_master WHERE type = 'table'").get()).toEqual({ n: 0 });
  });

  it('finds each of many documents staged together and again, and puts their last versions in place', async () => {
    const models = new SqliteReadModelStore(store.connection());
    await models.clear('p~rebuild');
    const staging = await models.stageShadows(['p~rebuild']);
    const keys = Array.from({ length: 100 }, (_, i) => `case:${String(i).padStart(3, '0')}`);
    const stage = (writes: Array<[string, unknown]>, position: number) => staging.stage([{ projection: 'p~rebuild', writes: new Map(writes), checkpoint: { position, version: 1 } }]);
    await stage(keys.map((key) => [key, { key, v: 1 }]), 1);
    // Every third again, every fifth deleted, in one stage of 54 rows.
    await stage([...keys.filter((_, i) => i % 3 === 0).map((key): [string, unknown] => [key, { key, v: 2 }]), ...keys.filter((_, i) => i % 5 === 0 && i % 3 !== 0).map((key): [string, unknown] => [key, undefined])], 2);
    const expected = keys.filter((_, i) => i % 5 !== 0 || i % 3 === 0).map((key) => ({ key, v: keys.indexOf(key) % 3 === 0 ? 2 : 1 }));
    const found = await staging.getMany('p~rebuild', keys);
    expect([...found.values()]).toEqual(expected);
    await staging.finish([{ projection: 'p~rebuild', writes: new Map(), checkpoint: { position: 3, version: 1 } }]);
    expect(await models.list('p~rebuild')).toEqual(expected);
  });
});
