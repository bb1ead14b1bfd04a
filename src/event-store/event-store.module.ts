import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/config';
import { openStorage } from '../storage/open-storage';
import { loadServiceSecrets, SERVICE_SECRETS } from '../storage/secrets';
import { STORAGE, Storage } from '../storage/storage.port';
import { CommandHandler } from './command-handler';
import { EVENT_STORE, EventStore } from './event-store.port';

/**
 * Provides the storage module EVENT_STORE names (src/storage/open-storage.ts),
 * its event store, the service's secrets read from it, and the generic command
 * handler; drains and closes the storage on shutdown.
 */
@Global()
@Module({
  providers: [
    { provide: STORAGE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => openStorage(config) },
    { provide: EVENT_STORE, inject: [STORAGE], useFactory: (storage: Storage) => storage.events },
    { provide: SERVICE_SECRETS, inject: [STORAGE, APP_CONFIG], useFactory: (storage: Storage, config: AppConfig) => loadServiceSecrets(storage.secrets, config.jwtSecret) },
    { provide: CommandHandler, inject: [EVENT_STORE], useFactory: (store: EventStore) => new CommandHandler(store) },
  ],
  exports: [STORAGE, EVENT_STORE, SERVICE_SECRETS, CommandHandler],
})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(STORAGE) private readonly storage: Storage) {}

  // Runs after the HTTP server has stopped taking requests and finished the ones in flight.
  async onApplicationShutdown(): Promise<void> {
    await this.storage.close();
  }
}
