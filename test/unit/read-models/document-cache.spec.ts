import { DocumentCache } from '../../../src/read-models/document-cache';

describe("a rebuild's document cache", () => {
  it('keeps the most recently used documents up to its limit, and knows every key it was ever handed', () => {
    const cache = new DocumentCache(2);
    cache.remember(new Map<string, unknown>([['a', 1], ['b', 2]]));
    cache.get('a'); // a is now the most recently used
    cache.remember(new Map<string, unknown>([['c', 3], ['d', undefined]]));
    expect(cache.size).toBe(2);
    expect(['a', 'b', 'c', 'd'].filter((key) => cache.has(key))).toEqual(['c', 'd']);
    // Let go, but written: the shadow may hold them and they must be looked up.
    expect(['a', 'b', 'c', 'd'].map((key) => cache.mayHold(key))).toEqual([true, true, true, true]);
    // Never written: certainly not in the shadow.
    expect(cache.mayHold('e')).toBe(false);
  });
});
