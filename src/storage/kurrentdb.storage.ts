import type { StorageArchive } from '../event-store/archive.port';
import { KurrentDbEventStore } from '../event-store/kurrentdb/kurrentdb.event-store';
import type { AccessLogStore } from '../privacy/access-log.store';
import type { CitizenKeys } from '../privacy/crypto/citizen-keys';
import type { UserStore } from '../privacy/users/users.store';
import type { ReadModelStore } from '../read-model-store/read-model-store.port';
import type { ProjectionLeases } from '../read-models/projection-leases';
import type { SecretStore } from './secrets';
import type { RelationalStorage, Storage } from './storage.port';

/**
 * Events in KurrentDB; everything that is not events (read models, keys,
 * users, the access log, idempotency records, the secrets) in the relational
 * module beside it, reached only through its ports. docs/adr/0007-kurrentdb-store.md.
 */
export class KurrentDbStorage implements Storage {
  readonly engine = 'kurrentdb';

  private constructor(
    readonly events: KurrentDbEventStore,
    private readonly beside: RelationalStorage,
  ) {}

  /** `beside` is owned (and closed) by this module from then on, also when opening fails. */
  static async open(url: string, beside: RelationalStorage): Promise<KurrentDbStorage> {
    return new KurrentDbStorage(await KurrentDbEventStore.open({ url, side: beside.side() }), beside);
  }

  get readModels(): ReadModelStore {
    return this.beside.readModels;
  }
  get citizenKeys(): CitizenKeys {
    return this.beside.citizenKeys;
  }
  get accessLog(): AccessLogStore {
    return this.beside.accessLog;
  }
  get users(): UserStore {
    return this.beside.users;
  }
  get projectionLeases(): ProjectionLeases {
    return this.beside.projectionLeases;
  }
  get secrets(): SecretStore {
    return this.beside.secrets;
  }
  get archive(): StorageArchive {
    return this.events.archive();
  }

  /** Closes KurrentDB's client, then the database beside it. */
  close(): Promise<void> {
    return this.events.close();
  }
}
