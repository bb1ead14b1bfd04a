import type { StorageArchive } from '../event-store/archive.port';
import { PostgresClaimTable } from '../event-store/postgres/postgres.claims';
import { PostgresEventStore, PostgresOptions } from '../event-store/postgres/postgres.event-store';
import type { SideDatabase } from '../event-store/side-database';
import { AccessLogStore, PostgresAccessLogStore } from '../privacy/access-log.store';
import { CitizenKeys, PostgresCitizenKeys } from '../privacy/crypto/citizen-keys';
import { PostgresUserStore, UserStore } from '../privacy/users/users.store';
import { PostgresReadModelStore } from '../read-model-store/postgres-read-model.store';
import type { ReadModelStore } from '../read-model-store/read-model-store.port';
import { PostgresProjectionLeases } from '../read-models/projection-leases';
import { once } from './once';
import { PostgresSecrets } from './postgres.secrets';
import type { RelationalStorage } from './storage.port';

/**
 * PostgreSQL: everything in one schema, shared by any number of instances,
 * the service's secrets too (src/storage/postgres.secrets.ts); each projection
 * is applied by one instance at a time.
 */
export class PostgresStorage implements RelationalStorage {
  readonly engine = 'postgres';
  readonly secrets: PostgresSecrets;
  readonly projectionLeases: PostgresProjectionLeases;
  private readonly models = once(() => new PostgresReadModelStore(this.events.connection(), this.events.schema));
  private readonly keys = once(() => new PostgresCitizenKeys(this.events.connection(), this.events.schema));
  private readonly log = once(() => new PostgresAccessLogStore(this.events.connection(), this.events.schema));
  private readonly people = once(() => new PostgresUserStore(this.events.connection(), this.events.schema));

  constructor(
    readonly events: PostgresEventStore,
    /** Where an earlier version kept the secrets: adopted on first start. */
    dataDir: string,
  ) {
    this.secrets = new PostgresSecrets(events.connection(), events.schema, dataDir);
    this.projectionLeases = new PostgresProjectionLeases(events.connectionString, events.schema);
  }

  static async open(options: PostgresOptions, dataDir: string): Promise<PostgresStorage> {
    return new PostgresStorage(await PostgresEventStore.open(options), dataDir);
  }

  get readModels(): ReadModelStore {
    return this.models();
  }
  get citizenKeys(): CitizenKeys {
    return this.keys();
  }
  get accessLog(): AccessLogStore {
    return this.log();
  }
  get users(): UserStore {
    return this.people();
  }
  get archive(): StorageArchive {
    return this.events.archive();
  }

  /** This schema as the database beside KurrentDB. */
  side(): SideDatabase {
    const events = this.events;
    return {
      archive: this.archive,
      claims: () => PostgresClaimTable.open(events.connection(), events.schema),
      findIdempotency: (subject, key) => events.findIdempotency(subject, key),
      headPosition: () => events.headPosition(),
      ping: () => events.ping(),
      close: () => this.close(),
    };
  }

  close(): Promise<void> {
    return this.events.close();
  }
}
