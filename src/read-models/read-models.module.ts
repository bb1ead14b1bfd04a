import { Logger, Module } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '../event-store/event-store.port';
import { CaseloadController } from './caseload/caseload.controller';
import { DashboardController } from './dashboard/dashboard.controller';
import { FollowUpsController } from './follow-ups/follow-ups.controller';
import { HistoryController } from './history/history.controller';
import { OverdueController } from './overdue/overdue.controller';
import { PartnersController } from './partners/partners.controller';
import { ScreeningsController } from './screenings/screenings.controller';
import { AssessmentsController } from './assessments/assessments.controller';
import { STORAGE, Storage } from '../storage/storage.port';
import { PROJECTIONS } from './projections';
import { Projector } from './projector';
import { READ_MODEL_STORE, ReadModelStore } from '../read-model-store/read-model-store.port';
import { ReadModelsService } from './read-models.service';
import { ReplayController } from './replay/replay.controller';
import { WaitingListController } from './waiting-list/waiting-list.controller';

@Module({
  controllers: [WaitingListController, CaseloadController, HistoryController, ReplayController, DashboardController, PartnersController, OverdueController, FollowUpsController, ScreeningsController, AssessmentsController],
  providers: [
    { provide: READ_MODEL_STORE, inject: [STORAGE], useFactory: (storage: Storage) => storage.readModels },
    {
      provide: Projector,
      inject: [EVENT_STORE, READ_MODEL_STORE, STORAGE],
      useFactory: (store: EventStore, models: ReadModelStore, storage: Storage) =>
        new Projector(
          store,
          models,
          PROJECTIONS,
          (error) => new Logger('Projector').warn({ msg: 'catch-up interrupted', error: error instanceof Error ? error.message : String(error) }),
          storage.projectionLeases,
        ),
    },
    ReadModelsService,
  ],
  exports: [ReadModelsService, READ_MODEL_STORE],
})
export class ReadModelsModule {}
