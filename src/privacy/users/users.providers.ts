import type { Provider } from '@nestjs/common';
import { STORAGE, Storage } from '../../storage/storage.port';
import { TokenStanding } from './token-standing';
import { USER_STORE } from './users.store';

export { USER_STORE };

/** The users beside the events, in the same database, and the check that their tokens still stand. */
export const userProviders: Provider[] = [{ provide: USER_STORE, inject: [STORAGE], useFactory: (storage: Storage) => storage.users }, TokenStanding];
