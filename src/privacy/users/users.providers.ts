import type { Provider } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '../../event-store/event-store.port';
import { TokenStanding } from './token-standing';
import { USER_STORE, userStoreFor } from './users.store';

export { USER_STORE };

/** The users beside the events, in the same database, and the check that their tokens still stand. */
export const userProviders: Provider[] = [{ provide: USER_STORE, inject: [EVENT_STORE], useFactory: (store: EventStore) => userStoreFor(store) }, TokenStanding];
