import { caseloadProjection } from '../../projections/caseload/caseload';
import { caseFactsProjection } from '../../projections/dashboard/case-facts';
import { partnersProjection } from '../../projections/partners/partners';
import type { Projection } from '../../projections/shared/projection';
import { waitingListProjection } from '../../projections/waiting-list/waiting-list';
import type { EventStore } from '../event-store/event-store.port';
import { PostgresEventStore } from '../event-store/postgres/postgres.event-store';
import { relationalHomeOf } from '../event-store/side-database';
import { PostgresProjectionLeases, ProjectionLeases, soleProcess } from './projection-leases';

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

/** Several processes may share PostgreSQL: each projection is then applied by one of them at a time. */
export function projectionLeasesFor(store: EventStore): ProjectionLeases {
  store = relationalHomeOf(store);
  return store instanceof PostgresEventStore ? new PostgresProjectionLeases(store.connectionString, store.schema) : soleProcess;
}
