import { CheckpointMovedError, ReadModelStore } from '../../src/read-model-store/read-model-store.port';

/** Every read-model store (memory, SQLite, PostgreSQL) keeps documents and checkpoints the same way. */
export function readModelStoreContract(name: string, open: () => Promise<{ models: ReadModelStore; cleanup: () => Promise<void> }>): void {
  describe(`${name}: the read-model store contract`, () => {
    let models: ReadModelStore;
    let cleanup: () => Promise<void>;
    beforeEach(async () => ({ models, cleanup } = await open()));
    afterEach(() => cleanup());

    it('commits documents and the checkpoint together, only from the checkpoint it began at', async () => {
      await models.commit('p', new Map<string, unknown>([['a', { n: 1 }], ['b', { n: 2 }]]), { position: 5, version: 1 }, 0);
      expect(await models.checkpoint('p')).toEqual({ position: 5, version: 1 });
      expect(await models.get('p', 'a')).toEqual({ n: 1 });
      await expect(models.commit('p', new Map([['a', { n: 99 }]]), { position: 9, version: 1 }, 4)).rejects.toBeInstanceOf(CheckpointMovedError);
      expect(await models.get('p', 'a')).toEqual({ n: 1 });
      await models.commit('p', new Map<string, unknown>([['a', undefined], ['c', { n: 3 }]]), { position: 9, version: 1, failure: { position: 10, error: 'boom' } }, 5);
      expect(await models.get('p', 'a')).toBeUndefined();
      expect(await models.checkpoint('p')).toEqual({ position: 9, version: 1, failure: { position: 10, error: 'boom' } });
    });

    it('reads many keys at once and lists by prefix in key order', async () => {
      const docs = new Map<string, unknown>([['visitor:1', { v: 1 }], ['visitor:1:case:b', { c: 'b' }], ['visitor:1:case:a', { c: 'a' }], ['visitor:2:case:c', { c: 'c' }], ['æøå', { d: 'dansk' }]]);
      await models.commit('p', docs, { position: 1, version: 1 }, 0);
      expect(await models.getMany('p', ['visitor:1', 'nope', 'æøå'])).toEqual(new Map<string, unknown>([['visitor:1', { v: 1 }], ['æøå', { d: 'dansk' }]]));
      expect(await models.list('p', 'visitor:1:case:')).toEqual([{ c: 'a' }, { c: 'b' }]);
      expect(await models.list('p')).toHaveLength(5);
      expect(await models.list('other')).toEqual([]);
    });

    it('clears a projection, and swaps in one built aside', async () => {
      await models.commit('p', new Map([['old', 1]]), { position: 3, version: 1 }, 0);
      await models.commit('p~rebuild', new Map([['new', 2]]), { position: 7, version: 1 }, 0);
      await models.replace('p', 'p~rebuild');
      expect(await models.list('p')).toEqual([2]);
      expect(await models.checkpoint('p')).toEqual({ position: 7, version: 1 });
      expect(await models.checkpoint('p~rebuild')).toBeUndefined();
      await models.clear('p');
      expect(await models.list('p')).toEqual([]);
      expect(await models.checkpoint('p')).toBeUndefined();
    });

    it('commits several projections in one transaction: all of them, or none when one checkpoint moved', async () => {
      await models.commit('q', new Map([['x', 1]]), { position: 4, version: 1 }, 0);
      const batch = (projection: string, doc: number, from: number) => ({ projection, writes: new Map([['k', doc]]), checkpoint: { position: 8, version: 1 }, from });
      await expect(models.commitAll([batch('p', 1, 0), batch('q', 2, 3)])).rejects.toBeInstanceOf(CheckpointMovedError);
      expect(await models.get('p', 'k')).toBeUndefined();
      expect(await models.checkpoint('p')).toBeUndefined();
      await models.commitAll([batch('p', 1, 0), batch('q', 2, 4)]);
      expect([await models.get('p', 'k'), await models.get('q', 'k')]).toEqual([1, 2]);
      expect(await models.checkpoint('q')).toEqual({ position: 8, version: 1 });
    });

    it('swaps rebuilt read models in again and again, and reclaims what each swap and clear left behind', async () => {
      for (let round = 1; round <= 3; round++) {
        await models.clear('p~rebuild');
        await models.commit('p~rebuild', new Map([[`round-${round}`, round]]), { position: round, version: 1 }, 0);
        await models.replace('p', 'p~rebuild');
        expect(await models.list('p')).toEqual([round]);
        expect(await models.list('p~rebuild')).toEqual([]);
        expect(await models.checkpoint('p~rebuild')).toBeUndefined();
      }
      await models.commit('p', new Map([['more', 9]]), { position: 9, version: 1 }, 3);
      let reclaimed = 0;
      for (let deleted = await models.purgeDropped(1); deleted > 0 && reclaimed < 100; deleted = await models.purgeDropped(1)) reclaimed += deleted;
      expect(await models.purgeDropped(10)).toBe(0);
      expect(await models.list('p')).toEqual([9, 3]);
      expect(await models.checkpoint('p')).toEqual({ position: 9, version: 1 });
    });

    it('stages a rebuilt shadow, finds the last staged version of each key, and puts it in place with its checkpoint at the end', async () => {
      await models.clear('p~rebuild');
      const staging = await models.stageShadows(['p~rebuild', 'q~rebuild']);
      const batch = (projection: string, writes: Array<[string, unknown]>, position: number) => ({ projection, writes: new Map(writes), checkpoint: { position, version: 2 } });
      await staging.stage([batch('p~rebuild', [['b', { n: 1 }], ['a', { n: 1 }], ['gone', { n: 1 }]], 10), batch('q~rebuild', [['x', { q: 1 }]], 10)]);
      await staging.stage([batch('p~rebuild', [['b', { n: 2 }], ['gone', undefined]], 20), batch('q~rebuild', [], 20)]);
      expect(await staging.getMany('p~rebuild', ['a', 'b', 'gone', 'never'])).toEqual(new Map([['a', { n: 1 }], ['b', { n: 2 }]]));
      await staging.finish([batch('p~rebuild', [['c', { n: 3 }], ['gone', { n: 4 }], ['a', undefined]], 30), batch('q~rebuild', [], 30)]);
      await staging.discard();
      expect(await models.list('p~rebuild')).toEqual([{ n: 2 }, { n: 3 }, { n: 4 }]);
      expect(await models.list('q~rebuild')).toEqual([{ q: 1 }]);
      expect(await models.checkpoint('p~rebuild')).toEqual({ position: 30, version: 2 });
      await models.replace('p', 'p~rebuild');
      expect(await models.get('p', 'b')).toEqual({ n: 2 });
      expect(await models.checkpoint('p')).toEqual({ position: 30, version: 2 });
    });

    it('refuses to finish a staged shadow that another rebuild cleared meanwhile, and writes none of it', async () => {
      await models.clear('p~rebuild');
      const staging = await models.stageShadows(['p~rebuild']);
      await staging.stage([{ projection: 'p~rebuild', writes: new Map([['a', 1]]), checkpoint: { position: 5, version: 1 } }]);
      await models.clear('p~rebuild');
      await expect(staging.finish([{ projection: 'p~rebuild', writes: new Map([['b', 2]]), checkpoint: { position: 9, version: 1 } }])).rejects.toBeInstanceOf(CheckpointMovedError);
      await staging.discard();
      expect(await models.list('p~rebuild')).toEqual([]);
      expect(await models.checkpoint('p~rebuild')).toBeUndefined();
    });
  });
}
