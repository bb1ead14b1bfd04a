import type { StorageArchive } from '../event-store/archive.port';
import type { SideDatabase } from '../event-store/side-database';
import { SqliteClaimTable } from '../event-store/sqlite/sqlite.claims';
import { SqliteEventStore, SqliteOptions } from '../event-store/sqlite/sqlite.event-store';
import { AccessLogStore, SqliteAccessLogStore } from '../privacy/access-log.store';
import { CitizenKeys, SqliteCitizenKeys } from '../privacy/crypto/citizen-keys';
import { SqliteUserStore, UserStore } from '../privacy/users/users.store';
import type { ReadModelStore } from '../read-model-store/read-model-store.port';
import { SqliteReadModelStore } from '../read-model-store/sqlite-read-model.store';
import { soleProcess } from '../read-models/projection-leases';
import { once } from './once';
import { FileSecrets } from './secrets';
import type { RelationalStorage } from './storage.port';

/**
 * The embedded engine: events, read models, keys, users and the access log in
 * one SQLite file under DATA_DIR; the secrets in files beside it (0600), since
 * one machine owns the file and `cli backup` carries both.
 */
export class SqliteStorage implements RelationalStorage {
  readonly engine = 'sqlite';
  readonly secrets: FileSecrets;
  private readonly models = once(() => new SqliteReadModelStore(this.events.connection()));
  // A new key is written in the events' next group commit (src/privacy/crypto/citizen-keys.ts says why).
  private readonly keys = once(() => new SqliteCitizenKeys(this.events.connection(), (write) => this.events.writeWithNextCommit(write)));
  private readonly log = once(() => new SqliteAccessLogStore(this.events.connection()));
  private readonly people = once(() => new SqliteUserStore(this.events.connection()));

  constructor(
    readonly events: SqliteEventStore,
    dataDir: string,
  ) {
    this.secrets = new FileSecrets(dataDir);
  }

  static open(options: SqliteOptions, dataDir: string): SqliteStorage {
    return new SqliteStorage(SqliteEventStore.open(options), dataDir);
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
  /** One process writes the file's read models (a CLI beside the server only reads). */
  readonly projectionLeases = soleProcess;

  get archive(): StorageArchive {
    return this.events.archive();
  }

  /** This file as the database beside KurrentDB. */
  side(): SideDatabase {
    const events = this.events;
    return {
      archive: this.archive,
      claims: async () => new SqliteClaimTable(events.connection()),
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
