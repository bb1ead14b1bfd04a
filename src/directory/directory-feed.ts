import { Directory, DIRECTORY_VERSION, EntryKey } from '../../projections/directory/directory';
import type { EventStore, StoredEvent } from '../event-store/event-store.port';
import { CheckpointMovedError, ReadModelStore } from '../read-model-store/read-model-store.port';
import { DIRECTORY_MODEL, docKey, EntryDoc, entryDoc, entryOf, restoreEntries } from './directory-snapshot';

const PAGE = 10_000;
/** How long changed entries wait before they are written (they are written at stop too). */
const SAVE_AFTER_MS = 2000;
/** Loading gives up on the stored Directory (and folds from 0) if it keeps changing under it. */
const LOAD_TRIES = 3;

/**
 * Keeps a Directory current: loads the persisted one (if it has a store to
 * persist to) and folds only the events after it, or folds every stored event;
 * then each commit as the store reports it, synchronously, so a command that
 * follows another sees its effect. Used by the server and by the CLI's writers.
 *
 * The persisted Directory is a cache of the fold, never the truth: one
 * document per entry and a checkpoint, written together, a while after they
 * change and at stop. Its checkpoint only moves forward, and an entry changed
 * after the checkpoint is always among those written with the next one, so the
 * stored Directory always equals a fold of the events up to its checkpoint,
 * whichever process wrote it (docs/architecture.md, "The Directory").
 */
export class DirectoryFeed {
  readonly directory = new Directory();
  private position = 0;
  private buffered: StoredEvent[] | undefined = [];
  private unsubscribe?: () => void;
  /** Each entry's place in its map, as stored, by the entry object (no key strings to build at load). */
  private seqs = new Map<object, number>();
  private nextSeq = 0;
  /** The position this process last wrote (or loaded) the stored Directory at. */
  private saved = 0;
  private saving: Promise<void> = Promise.resolve();
  private timer?: NodeJS.Timeout;

  /** With `models`, the Directory is persisted there; `onError` hears of a write that failed (it is tried again later). */
  constructor(
    private readonly models?: ReadModelStore,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  async start(store: EventStore): Promise<void> {
    // Subscribe first and buffer, so a commit made while we load is not missed.
    this.unsubscribe = store.onAppended((events) => (this.buffered ? this.buffered.push(...events) : this.applyAll(events)));
    if (this.models) await this.load(this.models);
    for (;;) {
      const page = await store.readAll(this.position + 1, PAGE);
      this.applyAll(page);
      if (page.length < PAGE) break;
    }
    const pending = this.buffered ?? [];
    this.buffered = undefined;
    this.applyAll(pending);
    // What the events after the stored Directory changed is written soon, so the next start reads less.
    this.scheduleSave();
  }

  /** Stops following the store, and writes what changed. */
  async stop(): Promise<void> {
    this.unsubscribe?.();
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.save();
  }

  get loadedPosition(): number {
    return this.position;
  }

  /** Writes the changed entries and the position now (one at a time; a failure waits for the next). */
  save(): Promise<void> {
    this.saving = this.saving.then(() => this.write()).catch(this.onError);
    return this.saving;
  }

  private applyAll(events: readonly StoredEvent[]): void {
    for (const event of events) {
      if (event.position <= this.position) continue;
      this.directory.apply(event);
      this.position = event.position;
    }
    if (this.buffered === undefined) this.scheduleSave();
  }

  private scheduleSave(): void {
    if (!this.models || this.directory.touched.size === 0) return;
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.save();
    }, SAVE_AFTER_MS).unref();
  }

  private async load(models: ReadModelStore): Promise<void> {
    for (let attempt = 0; attempt < LOAD_TRIES; attempt++) {
      const checkpoint = await models.checkpoint(DIRECTORY_MODEL);
      if (checkpoint?.version !== DIRECTORY_VERSION) return;
      const docs = (await models.list(DIRECTORY_MODEL)) as EntryDoc[];
      // Written by another process meanwhile: the documents may be ahead of the checkpoint read.
      if ((await models.checkpoint(DIRECTORY_MODEL))?.position !== checkpoint.position) continue;
      this.seqs = restoreEntries(this.directory, docs);
      this.nextSeq = docs.reduce((max, doc) => Math.max(max, doc.seq + 1), 0);
      this.position = this.saved = checkpoint.position;
      this.directory.touched.clear();
      return;
    }
  }

  private async write(): Promise<void> {
    const models = this.models;
    if (!models || this.buffered !== undefined) return;
    const position = this.position;
    const stored = await models.checkpoint(DIRECTORY_MODEL);
    const current = stored?.version === DIRECTORY_VERSION ? stored.position : undefined;
    // Another process has written a later Directory: ours goes with a later save.
    if (current !== undefined && current > position) return;
    const full = current === undefined || current < this.saved;
    if (!full && current === position && this.directory.touched.size === 0) return;
    const keys = full ? this.allKeys() : [...this.directory.touched];
    // Taken now, at `position`: a commit reported while the write is under way touches them again.
    this.directory.touched.clear();
    const writes = new Map<string, unknown>();
    for (const key of keys) {
      const entry = entryOf(this.directory, key);
      if (!entry) continue;
      const seq = this.seqOf(entry);
      writes.set(docKey(seq), entryDoc(this.directory, key, seq)!);
    }
    try {
      if (full && stored) await models.clear(DIRECTORY_MODEL);
      await models.commit(DIRECTORY_MODEL, writes, { position, version: DIRECTORY_VERSION }, full ? 0 : current!);
      this.saved = position;
    } catch (error) {
      for (const key of keys) this.directory.touched.add(key);
      if (!(error instanceof CheckpointMovedError)) throw error;
    }
  }

  private seqOf(entry: object): number {
    let seq = this.seqs.get(entry);
    if (seq === undefined) {
      seq = this.nextSeq++;
      this.seqs.set(entry, seq);
    }
    return seq;
  }

  /** Every entry, in the order of the maps (which is the order they were made in). */
  private allKeys(): EntryKey[] {
    const keys: EntryKey[] = [];
    for (const id of this.directory.cases.keys()) keys.push(`case:${id}`);
    for (const id of this.directory.visitors.keys()) keys.push(`visitor:${id}`);
    for (const id of this.directory.citizens.keys()) keys.push(`citizen:${id}`);
    for (const id of this.directory.offers.keys()) keys.push(`offer:${id}`);
    for (const id of this.directory.programmes.keys()) keys.push(`programme:${id}`);
    return keys;
  }
}
