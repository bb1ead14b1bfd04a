import { Directory } from '../../projections/directory/directory';
import type { EventStore, StoredEvent } from '../event-store/event-store.port';

const PAGE = 10_000;

/**
 * Keeps a Directory current: folds every stored event once, then each commit
 * as the store reports it, synchronously, so a command that follows another
 * sees its effect. Used by the server and by the CLI's writers.
 */
export class DirectoryFeed {
  readonly directory = new Directory();
  private position = 0;
  private buffered: StoredEvent[] | undefined = [];
  private unsubscribe?: () => void;

  async start(store: EventStore): Promise<void> {
    // Subscribe first and buffer, so a commit made while we load is not missed.
    this.unsubscribe = store.onAppended((events) => (this.buffered ? this.buffered.push(...events) : this.applyAll(events)));
    for (;;) {
      const page = await store.readAll(this.position + 1, PAGE);
      this.applyAll(page);
      if (page.length < PAGE) break;
    }
    const pending = this.buffered ?? [];
    this.buffered = undefined;
    this.applyAll(pending);
  }

  stop(): void {
    this.unsubscribe?.();
  }

  get loadedPosition(): number {
    return this.position;
  }

  private applyAll(events: readonly StoredEvent[]): void {
    for (const event of events) {
      if (event.position <= this.position) continue;
      this.directory.apply(event);
      this.position = event.position;
    }
  }
}
