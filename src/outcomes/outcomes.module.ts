import type { Provider, Type } from '@nestjs/common';
import { AuditDatasetController } from './dataset.controller';
import { OutcomesController } from './outcomes.controller';
import { OutcomesReader } from './outcomes.reader';
import { ReportsController } from './reports.controller';

/** Outcomes and reports (issue 22) in one place for the application module, as matching's. */
export const outcomesControllers: Array<Type<unknown>> = [OutcomesController, ReportsController, AuditDatasetController];
export const outcomesProviders: Provider[] = [OutcomesReader];
