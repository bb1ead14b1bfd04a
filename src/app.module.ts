import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { AssessLonelinessController } from './cases/assess-loneliness/assess-loneliness.controller';
import { BookFirstVisitController } from './cases/book-first-visit/book-first-visit.controller';
import { CancelVisitController } from './cases/cancel-visit/cancel-visit.controller';
import { CloseCaseController } from './cases/close-case/close-case.controller';
import { DeclineReferralController } from './cases/decline/decline.controller';
import { EstablishRelationController } from './cases/establish-relation/establish-relation.controller';
import { FlagRiskController } from './cases/flag-risk/flag-risk.controller';
import { ReadCaseController } from './cases/read-case/read-case.controller';
import { ReassignVisitorController } from './cases/reassign-visitor/reassign-visitor.controller';
import { ReceiveReferralController } from './cases/receive-referral/receive-referral.controller';
import { RecordDismissalController } from './cases/record-dismissal/record-dismissal.controller';
import { RecordVisitController } from './cases/record-visit/record-visit.controller';
import { RescheduleVisitController } from './cases/reschedule-visit/reschedule-visit.controller';
import { CaseCommandHandler } from './cases/shared/case-command';
import { TasksController } from './cases/tasks/tasks.controller';
import { TriageCaseController } from './cases/triage/triage.controller';
import { APP_CONFIG, AppConfig } from './config/config';
import { DirectoryService } from './directory/directory.service';
import { EventStoreModule } from './event-store/event-store.module';
import { HealthController } from './health/health.controller';
import { CitizenExportController } from './citizens/export/export.controller';
import { WithdrawConsentController } from './citizens/withdraw-consent/withdraw-consent.controller';
import { EraseCitizenController } from './citizens/erase/erase.controller';
import { AccessLogController } from './privacy/access-log.controller';
import { cryptoProviders } from './privacy/crypto/crypto.providers';
import { AuditExportController } from './privacy/audit-export/audit-export.controller';
import { AccessLogService } from './privacy/access-log.service';
import { AuthGuard } from './privacy/auth.guard';
import { Pseudonymiser } from './privacy/pseudonymiser';
import { LoginController } from './privacy/users/login.controller';
import { userProviders } from './privacy/users/users.providers';
import { ReadModelsModule } from './read-models/read-models.module';
import { ListVisitorsController } from './visitors/list-visitors/list-visitors.controller';
import { RegisterVisitorController, RegisterVisitorHandler } from './visitors/register-visitor/register-visitor.controller';

@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: ConfigModule, global: true, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}

/** The application: one controller per use case, all writes through the CommandBus to the generic handler. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ConfigModule.forRoot(config), CqrsModule.forRoot(), EventStoreModule, ReadModelsModule],
      controllers: [
        // Static paths before parameterised ones under /cases.
        ReceiveReferralController,
        ReadCaseController,
        TriageCaseController,
        DeclineReferralController,
        BookFirstVisitController,
        RecordVisitController,
        RescheduleVisitController,
        CancelVisitController,
        RecordDismissalController,
        ReassignVisitorController,
        TasksController,
        AssessLonelinessController,
        EstablishRelationController,
        FlagRiskController,
        CloseCaseController,
        RegisterVisitorController,
        ListVisitorsController,
        HealthController,
        AccessLogController,
        WithdrawConsentController,
        CitizenExportController,
        AuditExportController,
        EraseCitizenController,
        LoginController,
      ],
      // Every route passes the guard: it fails closed where a route declares no policy.
      providers: [
        DirectoryService,
        CaseCommandHandler,
        RegisterVisitorHandler,
        AccessLogService,
        { provide: APP_GUARD, useClass: AuthGuard },
        // Every answer's privacy steps (the access log, decryption, pseudonyms for auditors) are one Fastify hook: src/privacy/answer-privacy.ts.
        Pseudonymiser,
        ...cryptoProviders,
        ...userProviders,
      ],
    };
  }
}
