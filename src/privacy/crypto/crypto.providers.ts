import type { Provider } from '@nestjs/common';
import { STORAGE, Storage } from '../../storage/storage.port';
import type { CitizenKeys } from './citizen-keys';
import { PersonalDataCipher } from './personal-data.cipher';

export const CITIZEN_KEYS = Symbol('CITIZEN_KEYS');

/** The key store beside the events, and the cipher that uses it. */
export const cryptoProviders: Provider[] = [
  { provide: CITIZEN_KEYS, inject: [STORAGE], useFactory: (storage: Storage) => storage.citizenKeys },
  { provide: PersonalDataCipher, inject: [CITIZEN_KEYS], useFactory: (keys: CitizenKeys) => new PersonalDataCipher(keys) },
];
