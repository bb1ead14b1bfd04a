import type { AppendListener, AppendOptions, StoredEvent } from './event-store.port';

/** The store's onAppended subscribers. One failing listener cannot break a commit or the others. */
export class AppendListeners {
  private readonly listeners = new Set<AppendListener>();

  add(listener: AppendListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(events: readonly StoredEvent[]): void {
    if (events.length === 0) return;
    for (const listener of this.listeners) {
      try {
        listener(events);
      } catch {
        // A listener's bug must not turn a durable commit into a failed append.
      }
    }
  }
}

/** Checks what every adapter refuses before touching storage. */
export function assertAppendable(events: readonly unknown[], options?: AppendOptions, storesCitizenKeys = false): void {
  if (events.length === 0) throw new Error('append needs at least one event');
  // A key the store would drop would leave the events sealed under a key nobody has.
  if (options?.citizenKey && !storesCitizenKeys) throw new Error('this store does not write citizen keys with an append');
}
