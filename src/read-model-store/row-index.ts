/**
 * A map from 30-bit key hashes to row ids (positive, below 2^31), in typed
 * arrays outside the JavaScript heap: a rebuild's staging remembers each
 * document's last staged row with it, for every document the rebuild wrote
 * (280,000 at 1M events), without a Map entry per document for the garbage
 * collector to walk, and without counting against a capped heap (W6).
 * Open addressing, linear probing, doubled when half full.
 */
export class RowIndex {
  /** hash + 1 (0: an empty slot). */
  private hashes = new Int32Array(1 << 12);
  private rows = new Int32Array(1 << 12);
  private count = 0;

  get(hash: number): number | undefined {
    const mask = this.hashes.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const held = this.hashes[slot]!;
      if (held === 0) return undefined;
      if (held === hash + 1) return this.rows[slot];
    }
  }

  set(hash: number, row: number): void {
    if (this.count * 2 >= this.hashes.length) this.grow();
    if (this.place(hash, row)) this.count += 1;
  }

  get size(): number {
    return this.count;
  }

  /** Whether the hash was new. */
  private place(hash: number, row: number): boolean {
    const mask = this.hashes.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const held = this.hashes[slot]!;
      if (held === 0 || held === hash + 1) {
        this.hashes[slot] = hash + 1;
        this.rows[slot] = row;
        return held === 0;
      }
    }
  }

  private grow(): void {
    const [hashes, rows] = [this.hashes, this.rows];
    this.hashes = new Int32Array(hashes.length * 2);
    this.rows = new Int32Array(rows.length * 2);
    for (let slot = 0; slot < hashes.length; slot++) if (hashes[slot] !== 0) this.place(hashes[slot]! - 1, rows[slot]!);
  }
}
