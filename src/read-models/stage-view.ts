import { DocumentView, ProjectedEvent, Projection, wants } from '../../projections/shared/projection';
import type { DocumentCache } from './document-cache';

/**
 * One shadow's documents while a rebuild applies a stage: what it wrote since
 * the last stage (`staged`, written into directly: undefined means deleted),
 * what it keeps from before (`cache`), and the few documents it had to read
 * back from its staging for the events at hand (`fetched`). A rebuild is its
 * shadow's only writer, so the documents it holds are what is stored.
 *
 * Unlike the live projector's batches (./apply-batch.ts), nothing is copied
 * per batch: no set of keys, no map of fetched documents, no map of writes
 * merged afterwards: a 1M-event rebuild applies four projections to a
 * million events (docs/performance.md's history, git log -p, third round).
 */
export class StageView implements DocumentView<unknown> {
  /** Documents read back from the staging for the current range (those found absent are held as such by the cache). */
  private fetched = new Map<string, unknown>();
  /** The event being applied (its keys are asked for only if it reads one neither held nor read back). */
  private applying: ProjectedEvent | undefined;

  /**
   * `getNow`: the staging's synchronous lookup, where it has one (SQLite):
   * a document let go of is then read back when the reducer asks for it, and
   * `missing` has nothing to do.
   */
  constructor(
    private readonly projection: Projection<unknown>,
    private staged: Map<string, unknown>,
    private readonly cache: DocumentCache,
    private readonly getNow?: (key: string) => unknown,
  ) {}

  /** After a stage: the shadow's next writes go into a fresh map. */
  restage(staged: Map<string, unknown>): void {
    this.staged = staged;
  }

  /**
   * The keys the events' reducers will read that are neither held nor known
   * to be absent: they must be read back from the staging before `applyAll`
   * (seldom: a case's events lie close together, and a new case's keys have
   * never been written).
   */
  missing(events: readonly ProjectedEvent[], from: number): string[] {
    const missing: string[] = [];
    if (this.getNow) return missing;
    for (const event of events) {
      if (event.position <= from || !wants(this.projection, event)) continue;
      for (const key of this.projection.keysRead(event)) if (!this.holds(key) && this.cache.mayHold(key)) missing.push(key);
    }
    return missing;
  }

  /**
   * The keys the documents the events read lead to (`keysReadThrough`) that
   * are neither held nor read back: a second round, after `found` for `missing`.
   */
  missingThrough(events: readonly ProjectedEvent[], from: number): string[] {
    const through = this.projection.keysReadThrough;
    if (this.getNow || !through) return [];
    const missing = new Set<string>();
    for (const event of events) {
      if (event.position <= from || !wants(this.projection, event)) continue;
      for (const key of this.projection.keysRead(event)) {
        const doc = this.peek(key);
        if (doc === undefined) continue;
        for (const next of through(doc, event)) if (!this.holds(next) && !this.fetched.has(next) && this.cache.mayHold(next)) missing.add(next);
      }
    }
    return [...missing];
  }

  /** What the staging returned for `missing` or `missingThrough` (keys not among them were not staged, or deleted). */
  found(keys: readonly string[], docs: ReadonlyMap<string, unknown>): void {
    for (const key of keys) {
      if (docs.has(key)) this.fetched.set(key, docs.get(key));
      // Not asked for again by the next events (the filter let it through once, it will again).
      else this.cache.absent(key);
    }
  }

  /**
   * Applies the events after `from` that the projection wants; resolves with
   * the last position applied. A reducer that throws stops the rebuild: a
   * rebuild does not record failures as the live projector does.
   */
  applyAll(events: readonly ProjectedEvent[], from: number): number {
    let position = from;
    for (const event of events) {
      if (event.position <= from) continue;
      position = event.position;
      if (!wants(this.projection, event)) continue;
      this.applying = event;
      try {
        this.projection.apply(event, this);
      } catch (error) {
        throw new Error(`${this.projection.name} cannot apply the event at position ${event.position}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    this.fetched.clear();
    this.applying = undefined;
    return position;
  }

  get(key: string): unknown {
    const doc = this.staged.get(key);
    if (doc !== undefined || this.staged.has(key)) return doc;
    if (this.cache.has(key)) return this.cache.get(key);
    if (this.fetched.has(key)) return this.fetched.get(key);
    // Neither held nor read back: the event must have declared it (else a reducer bug, as in ./apply-batch.ts).
    if (!this.applying || !this.declared(this.applying, key)) throw new Error(`${this.projection.name} read "${key}", which its keysRead did not declare`);
    if (!this.cache.mayHold(key)) return undefined;
    if (!this.getNow) throw new Error(`${this.projection.name} read "${key}", which was not read back from the staging`);
    const found = this.getNow(key);
    if (found === undefined) this.cache.absent(key);
    else this.fetched.set(key, found);
    return found;
  }

  put(key: string, doc: unknown): void {
    this.staged.set(key, doc);
  }

  delete(key: string): void {
    this.staged.set(key, undefined);
  }

  /** Whether the event names the key, or a document it names leads to it. */
  private declared(event: ProjectedEvent, key: string): boolean {
    const keys = this.projection.keysRead(event);
    if (keys.includes(key)) return true;
    const through = this.projection.keysReadThrough;
    return through !== undefined && keys.some((named) => {
      const doc = this.peek(named);
      return doc !== undefined && through(doc, event).includes(key);
    });
  }

  /** A document as held or read back, without reading it from the staging. */
  private peek(key: string): unknown {
    if (this.staged.has(key)) return this.staged.get(key);
    if (this.cache.has(key)) return this.cache.get(key);
    return this.fetched.get(key);
  }

  private holds(key: string): boolean {
    return this.staged.has(key) || this.cache.has(key);
  }
}
