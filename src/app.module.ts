import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CASE_COMMANDS } from './cases/case-commands.table';
import { ReadCaseController } from './cases/read-case/read-case.controller';
import { CaseCommands } from './cases/shared/case-commands';
import { APP_CONFIG, AppConfig } from './config/config';
import { DirectoryService } from './directory/directory.service';
import { EventStoreModule } from './event-store/event-store.module';
import { EVENT_STORE, EventStore } from './event-store/event-store.port';
import { HealthController } from './health/health.controller';
import { CitizenCommands } from './citizens/citizen-commands';
import { CITIZEN_COMMANDS } from './citizens/citizen-commands.table';
import { CitizenExportController } from './citizens/export/export.controller';
import { CitizenIndex } from './citizens/lookup/citizen-index';
import { FindCitizensController } from './citizens/lookup/find-citizens.controller';
import { PersonalDataCipher } from './privacy/crypto/personal-data.cipher';
import { commandController } from './http/command-routes';
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
import { VisitorCommands } from './visitors/visitor-commands';
import { VISITOR_COMMANDS } from './visitors/visitor-commands.table';
import { VOLUNTEER_COMMANDS } from './visitors/volunteer-commands.table';
import { VolunteerViewsController } from './visitors/volunteer-views.controller';
import { VolunteerDashboardController } from './visitors/volunteer-dashboard.controller';
import { matchingControllers, matchingProviders } from './matching/matching.module';
import { outcomesControllers, outcomesProviders } from './outcomes/outcomes.module';
// Issue 21: the partner register.
import { PartnerCommands } from './partners/partner-commands';
import { PARTNER_COMMANDS } from './partners/partner-commands.table';
import { PartnerRegister } from './partners/partner-register';
// Issue 21: referral cards and self-referral.
import { referralCardControllers, referralCardProviders } from './referral-cards/referral-cards.module';
// Issue 22: screenings before any referral.
import { ScreeningCommands } from './screenings/screening-commands';
import { SCREENING_COMMANDS } from './screenings/screening-commands.table';
// Programme settings (issues 19, 20, 22); the assessments due read them from the Directory.
import { programmeControllers, programmeProviders } from './programmes/programmes.module';

@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: ConfigModule, global: true, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}

/** The application: a controller made from each command table (docs/architecture.md), the reads, and every write through the one generic handler. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ConfigModule.forRoot(config), EventStoreModule, ReadModelsModule],
      controllers: [
        commandController(CASE_COMMANDS),
        ReadCaseController,
        commandController(VISITOR_COMMANDS),
        commandController(VOLUNTEER_COMMANDS),
        ListVisitorsController,
        VolunteerViewsController,
        VolunteerDashboardController,
        HealthController,
        AccessLogController,
        commandController(CITIZEN_COMMANDS),
        CitizenExportController,
        FindCitizensController,
        AuditExportController,
        LoginController,
        ...matchingControllers,
        // Issue 21: the partner register.
        commandController(PARTNER_COMMANDS),
        // Issue 22: outcomes and reports.
        ...outcomesControllers,
        ...referralCardControllers,
        commandController(SCREENING_COMMANDS),
        ...programmeControllers,
      ],
      // Every route passes the guard: it fails closed where a route declares no policy.
      providers: [
        DirectoryService,
        CaseCommands,
        VisitorCommands,
        CitizenCommands,
        PartnerCommands,
        PartnerRegister,
        ...referralCardProviders,
        ScreeningCommands,
        ...programmeProviders,
        // The citizen lookup's index: memory only, one per process (src/citizens/lookup/citizen-index.ts).
        {
          provide: CitizenIndex,
          inject: [DirectoryService, PersonalDataCipher, EVENT_STORE],
          useFactory: (directory: DirectoryService, cipher: PersonalDataCipher, store: EventStore) => new CitizenIndex(directory, cipher, store),
        },
        ...matchingProviders,
        ...outcomesProviders,
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
