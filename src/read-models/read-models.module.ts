import { Logger, Module } from '@nestjs/common';
import { caseHistoryProjection } from '../../projections/case-history/case-history';
import { caseloadProjection } from '../../projections/caseload/caseload';
import { caseFactsProjection } from '../../projections/dashboard/case-facts';
import { partnersProjection } from '../../projections/partners/partners';
import type { Projection } from '../../projections/shared/projection';
import { waitingListProjection } from '../../projections/waiting-list/waiting-list';
import { EVENT_STORE, EventStore } from '../event-store/event-store.port';
import { SqliteEventStore } from '../event-store/sqlite/sqlite.event-store';
import { CaseloadController } from './caseload/caseload.controller';
import { DashboardController } from './dashboard/dashboard.controller';
import { HistoryController } from './history/history.controller';
import { MemoryReadModelStore } from './memory-read-model.store';
import { PartnersController } from './partners/partners.controller';
import { Projector } from './projector';
import { READ_MODEL_STORE, ReadModelStore } from './read-model-store.port';
import { ReadModelsService } from './read-models.service';
import { ReplayController } from './replay/replay.controller';
import { SqliteReadModelStore } from './sqlite-read-model.store';
import { WaitingListController } from './waiting-list/waiting-list.controller';

/** Every projection the service keeps. */
export const PROJECTIONS: ReadonlyArray<Projection<unknown>> = [
  waitingListProjection,
  caseloadProjection,
  caseHistoryProjection,
  caseFactsProjection,
  partnersProjection,
] as ReadonlyArray<Projection<unknown>>;

/** Read models live beside the events: in the SQLite file, or in memory with the memory store. */
export function readModelStoreFor(store: EventStore): ReadModelStore {
  return store instanceof SqliteEventStore ? new SqliteReadModelStore(store.connection()) : new MemoryReadModelStore();
}

@Module({
  controllers: [WaitingListController, CaseloadController, HistoryController, ReplayController, DashboardController, PartnersController],
  providers: [
    { provide: READ_MODEL_STORE, inject: [EVENT_STORE], useFactory: readModelStoreFor },
    {
      provide: Projector,
      inject: [EVENT_STORE, READ_MODEL_STORE],
      useFactory: (store: EventStore, models: ReadModelStore) =>
        new Projector(store, models, PROJECTIONS, (error) =>
          new Logger('Projector').warn({ msg: 'catch-up interrupted', error: error instanceof Error ? error.message : String(error) }),
        ),
    },
    ReadModelsService,
  ],
  exports: [ReadModelsService],
})
export class ReadModelsModule {}
