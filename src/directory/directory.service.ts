import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { Directory } from '../../projections/directory/directory';
import { EVENT_STORE, EventStore } from '../event-store/event-store.port';
import { DirectoryFeed } from './directory-feed';

/** The Directory in the server: loaded before the first request, then kept current on every commit. */
@Injectable()
export class DirectoryService implements OnModuleInit, OnApplicationShutdown {
  private readonly feed = new DirectoryFeed();
  private readonly logger = new Logger('Directory');

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  get directory(): Directory {
    return this.feed.directory;
  }

  async onModuleInit(): Promise<void> {
    const started = Date.now();
    await this.feed.start(this.store);
    this.logger.log({ msg: 'directory loaded', position: this.feed.loadedPosition, cases: this.directory.cases.size, ms: Date.now() - started });
  }

  onApplicationShutdown(): void {
    this.feed.stop();
  }
}
