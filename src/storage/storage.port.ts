import type { StorageArchive } from '../event-store/archive.port';
import type { EventStore } from '../event-store/event-store.port';
import type { SideDatabase } from '../event-store/side-database';
import type { AccessLogStore } from '../privacy/access-log.store';
import type { CitizenKeys } from '../privacy/crypto/citizen-keys';
import type { UserStore } from '../privacy/users/users.store';
import type { ReadModelStore } from '../read-model-store/read-model-store.port';
import type { ProjectionLeases } from '../read-models/projection-leases';
import type { SecretStore } from './secrets';

/**
 * One storage module per engine (sqlite, postgres, kurrentdb with its side
 * database, memory), each providing every port the application uses; the
 * composition root (open-storage.ts) picks one from EVENT_STORE. Nothing else
 * asks which engine it runs on. docs/architecture.md, "Storage modules".
 */
export interface Storage {
  readonly engine: 'memory' | 'sqlite' | 'postgres' | 'kurrentdb';
  /** The event-store port: events only. */
  readonly events: EventStore;
  /** Read models and the persisted Directory. */
  readonly readModels: ReadModelStore;
  readonly citizenKeys: CitizenKeys;
  readonly accessLog: AccessLogStore;
  readonly users: UserStore;
  /** Who applies which projection when several processes share the database. */
  readonly projectionLeases: ProjectionLeases;
  /** Where the service's own secrets live (token signing, auditors' pseudonyms, idempotency keys). */
  readonly secrets: SecretStore;
  /** For `cli migrate` and the start's upgrade steps; the memory module keeps nothing to migrate. */
  readonly archive: StorageArchive | undefined;
  /** Drains pending appends, then releases everything the module opened. */
  close(): Promise<void>;
}

export const STORAGE = Symbol('STORAGE');

/** A module whose database can also serve beside KurrentDB (sqlite, postgres). */
export interface RelationalStorage extends Storage {
  /** The port the KurrentDB adapter reaches its side database through. */
  side(): SideDatabase;
}
