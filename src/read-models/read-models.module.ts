import { Logger, Module } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '../event-store/event-store.port';
import { CaseloadController } from './caseload/caseload.controller';
import { DashboardController } from './dashboard/dashboard.controller';
import { HistoryController } from './history/history.controller';
import { PartnersController } from './partners/partners.controller';
import { readModelStoreFor } from '../read-model-store/create-read-model-store';
import { PROJECTIONS, projectionLeasesFor } from './projections';
import { Projector } from './projector';
import { READ_MODEL_STORE, ReadModelStore } from '../read-model-store/read-model-store.port';
import { ReadModelsService } from './read-models.service';
import { ReplayController } from './replay/replay.controller';
import { WaitingListController } from './waiting-list/waiting-list.controller';

@Module({
  controllers: [WaitingListController, CaseloadController, HistoryController, ReplayController, DashboardController, PartnersController],
  providers: [
    { provide: READ_MODEL_STORE, inject: [EVENT_STORE], useFactory: readModelStoreFor },
    {
      provide: Projector,
      inject: [EVENT_STORE, READ_MODEL_STORE],
      useFactory: (store: EventStore, models: ReadModelStore) =>
        new Projector(
          store,
          models,
          PROJECTIONS,
          (error) => new Logger('Projector').warn({ msg: 'catch-up interrupted', error: error instanceof Error ? error.message : String(error) }),
          projectionLeasesFor(store),
        ),
    },
    ReadModelsService,
  ],
  exports: [ReadModelsService, READ_MODEL_STORE],
})
export class ReadModelsModule {}
