import type { Provider } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '../../event-store/event-store.port';
import { userStoreFor } from './users.store';

export const USER_STORE = Symbol('USER_STORE');

/** The users beside the events, in the same database. */
export const userProviders: Provider[] = [{ provide: USER_STORE, inject: [EVENT_STORE], useFactory: (store: EventStore) => userStoreFor(store) }];
