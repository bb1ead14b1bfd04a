import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Directory } from '../../projections/directory/directory';
import { EVENT_STORE, EventStore, StoredEvent } from '../event-store/event-store.port';

const PAGE = 10_000;

/**
 * Keeps the Directory current: folds every stored event once at start-up, then
 * each commit as the store reports it. Updates happen synchronously when a commit
 * is reported, so a command that follows another sees its effect.
 */
@Injectable()
export class DirectoryService implements OnModuleInit, OnApplicationShutdown {
  readonly directory = new Directory();
  private readonly logger = new Logger('Directory');
  private position = 0;
  private buffered: StoredEvent[] | undefined = [];
  private unsubscribe?: () => void;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onModuleInit(): Promise<void> {
    // Subscribe first and buffer, so a commit made while we load is not missed.
    this.unsubscribe = this.store.onAppended((events) => (this.buffered ? this.buffered.push(...events) : this.applyAll(events)));
    const started = Date.now();
    for (;;) {
      const page = await this.store.readAll(this.position + 1, PAGE);
      this.applyAll(page);
      if (page.length < PAGE) break;
    }
    const pending = this.buffered ?? [];
    this.buffered = undefined;
    this.applyAll(pending);
    this.logger.log({ msg: 'directory loaded', position: this.position, cases: this.directory.cases.size, ms: Date.now() - started });
  }

  onApplicationShutdown(): void {
    this.unsubscribe?.();
  }

  private applyAll(events: readonly StoredEvent[]): void {
    for (const event of events) {
      if (event.position <= this.position) continue;
      this.directory.apply(event);
      this.position = event.position;
    }
  }
}
