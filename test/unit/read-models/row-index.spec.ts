import { RowIndex } from '../../../src/read-model-store/row-index';

describe("the staging's row index", () => {
  it('keeps the last row of every hash through its growth, and knows the hashes it never saw', () => {
    const index = new RowIndex();
    const expected = new Map<number, number>();
    // Hashes that collide in the low bits, so slots are probed past each other; then overwritten.
    for (let i = 0; i < 20_000; i++) {
      const hash = (i * 4096 + (i % 7)) & 0x3fffffff;
      index.set(hash, i + 1);
      expected.set(hash, i + 1);
    }
    for (let i = 0; i < 20_000; i += 3) {
      const hash = (i * 4096 + (i % 7)) & 0x3fffffff;
      index.set(hash, 1_000_000 + i);
      expected.set(hash, 1_000_000 + i);
    }
    expect(index.size).toBe(expected.size);
    for (const [hash, row] of expected) expect(index.get(hash)).toBe(row);
    expect(index.get(0x3fffffff)).toBeUndefined();
    expect(index.get(12_345)).toBeUndefined();
  });
});
