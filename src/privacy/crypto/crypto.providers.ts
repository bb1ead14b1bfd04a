import type { Provider } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '../../event-store/event-store.port';
import { CitizenKeys, citizenKeysFor } from './citizen-keys';
import { PersonalDataCipher } from './personal-data.cipher';

export const CITIZEN_KEYS = Symbol('CITIZEN_KEYS');

/** The key store beside the events, and the cipher that uses it. */
export const cryptoProviders: Provider[] = [
  { provide: CITIZEN_KEYS, inject: [EVENT_STORE], useFactory: (store: EventStore) => citizenKeysFor(store) },
  { provide: PersonalDataCipher, inject: [CITIZEN_KEYS], useFactory: (keys: CitizenKeys) => new PersonalDataCipher(keys) },
];
