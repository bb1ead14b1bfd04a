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
import { ThreadedProjector } from './projector-thread';
import { LIVE_PROJECTOR, LiveProjector } from './live-projector';
import { APP_CONFIG, AppConfig } from '../config/config';
import { SqliteStorage } from '../storage/sqlite.storage';
import { READ_MODEL_STORE, ReadModelStore } from '../read-model-store/read-model-store.port';
import { ReadModelsService } from './read-models.service';
import { ReplayController } from './replay/replay.controller';
import { WaitingListController } from './waiting-list/waiting-list.controller';

@Module({
  controllers: [WaitingListController, CaseloadController, HistoryController, ReplayController, DashboardController, PartnersController, OverdueController, FollowUpsController, ScreeningsController, AssessmentsController],
  providers: [
    { provide: READ_MODEL_STORE, inject: [STORAGE], useFactory: (storage: Storage) => storage.readModels },
    {
      provide: LIVE_PROJECTOR,
      inject: [EVENT_STORE, READ_MODEL_STORE, STORAGE, APP_CONFIG],
      useFactory: (store: EventStore, models: ReadModelStore, storage: Storage, config: AppConfig): LiveProjector => {
        const onError = (error: unknown) =>
          new Logger('Projector').warn({ msg: 'catch-up interrupted', error: error instanceof Error ? error.message : String(error) });
        // A worker thread needs a file it can open a connection of its own to: SQLite only (not in memory), and only when asked.
        if (config.projectorThread && storage instanceof SqliteStorage && !storage.events.connection().memory) {
          return new ThreadedProjector(store, storage.events.file, PROJECTIONS, onError);
        }
        return new Projector(store, models, PROJECTIONS, onError, storage.projectionLeases);
      },
    },
    ReadModelsService,
  ],
  exports: [ReadModelsService, READ_MODEL_STORE],
})
export class ReadModelsModule {}
