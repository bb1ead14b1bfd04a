import { caseloadProjection } from '../../projections/caseload/caseload';
import { caseFactsProjection } from '../../projections/dashboard/case-facts';
import { partnersProjection } from '../../projections/partners/partners';
import type { Projection } from '../../projections/shared/projection';
import { waitingListProjection } from '../../projections/waiting-list/waiting-list';
import type { EventStore } from '../event-store/event-store.port';
import { PostgresEventStore } from '../event-store/postgres/postgres.event-store';
import { relationalHomeOf } from '../event-store/side-database';
import { SqliteEventStore } from '../event-store/sqlite/sqlite.event-store';
import { PostgresReadModelStore } from './postgres-read-model.store';
import { PostgresProjectionLeases, ProjectionLeases, soleProcess } from './projection-leases';
import { MemoryReadModelStore } from './memory-read-model.store';
import type { ReadModelStore } from './read-model-store.port';
import { SqliteReadModelStore } from './sqlite-read-model.store';

/**
 * Every projection the service keeps. (The case history is folded from the
 * case's own stream when asked for: see projections/case-history.)
 */
export const PROJECTIONS: ReadonlyArray<Projection<unknown>> = [
  waitingListProjection,
  caseloadProjection,
  caseFactsProjection,
  partnersProjection,
] as ReadonlyArray<Projection<unknown>>;

/** Read models no longer kept: `cli rebuild` drops what an older version left of them. */
export const RETIRED_PROJECTIONS: readonly string[] = ['case-history'];

/** Read models live beside the events: in the SQLite file, in PostgreSQL, or in memory with the memory store. */
export function readModelStoreFor(store: EventStore): ReadModelStore {
  store = relationalHomeOf(store); // KurrentDB keeps them in the database beside it
  if (store instanceof SqliteEventStore) return new SqliteReadModelStore(store.connection());
  if (store instanceof PostgresEventStore) return new PostgresReadModelStore(store.connection(), store.schema);
  return new MemoryReadModelStore();
}

/** Several processes may share PostgreSQL: each projection is then applied by one of them at a time. */
export function projectionLeasesFor(store: EventStore): ProjectionLeases {
  store = relationalHomeOf(store);
  return store instanceof PostgresEventStore ? new PostgresProjectionLeases(store.connectionString, store.schema) : soleProcess;
}
