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

  it('holds a key found absent as absent, without saying it was ever written', () => {
    const cache = new DocumentCache(2);
    cache.absent('x');
    expect(cache.has('x')).toBe(true);
    expect(cache.get('x')).toBeUndefined();
    expect(cache.mayHold('x')).toBe(false);
  });

  it('lets through almost no key it was never handed, of many thousands it was', () => {
    const cache = new DocumentCache(10);
    const written = new Map<string, unknown>();
    for (let i = 0; i < 400_000; i++) written.set(`case:${i.toString(16).padStart(8, '0')}-written`, i);
    cache.remember(written);
    let through = 0;
    for (let i = 0; i < 100_000; i++) if (cache.mayHold(`case:${i.toString(16).padStart(8, '0')}-never`)) through += 1;
    // Two bits per key in 2^24: about 0.2 % (one bit alone let 2.4 % through).
    expect(through).toBeLessThan(1_000);
  });
});
