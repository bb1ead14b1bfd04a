import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/config';
import { CommandHandler } from './command-handler';
import { createEventStore } from './create-event-store';
import { EVENT_STORE, EventStore } from './event-store.port';

/** Provides the configured EventStore and the generic command handler; drains and closes the store on shutdown. */
@Global()
@Module({
  providers: [
    {
      provide: EVENT_STORE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createEventStore(config),
    },
    { provide: CommandHandler, inject: [EVENT_STORE], useFactory: (store: EventStore) => new CommandHandler(store) },
  ],
  exports: [EVENT_STORE, CommandHandler],
})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  // Runs after the HTTP server has stopped taking requests and finished the ones in flight.
  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
