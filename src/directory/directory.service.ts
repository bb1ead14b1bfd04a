import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { Directory } from '../../projections/directory/directory';
import { EVENT_STORE, EventStore } from '../event-store/event-store.port';
import { READ_MODEL_STORE, ReadModelStore } from '../read-model-store/read-model-store.port';
import { DirectoryFeed } from './directory-feed';

/**
 * The Directory in the server: loaded before the first request (the persisted
 * one and the events after it), then kept current on every commit, and
 * persisted a while after it changes and at shutdown.
 */
@Injectable()
export class DirectoryService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Directory');
  private readonly feed: DirectoryFeed;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_STORE) models: ReadModelStore,
  ) {
    this.feed = new DirectoryFeed(models, (error) =>
      this.logger.warn({ msg: 'directory not persisted yet', error: error instanceof Error ? error.message : String(error) }),
    );
  }

  get directory(): Directory {
    return this.feed.directory;
  }

  async onModuleInit(): Promise<void> {
    const started = Date.now();
    await this.feed.start(this.store);
    this.logger.log({ msg: 'directory loaded', position: this.feed.loadedPosition, cases: this.directory.cases.size, ms: Date.now() - started });
  }

  // Runs before the store closes (the store's module is imported first, so it shuts down last).
  async onApplicationShutdown(): Promise<void> {
    await this.feed.stop();
  }
}
