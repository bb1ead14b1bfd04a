import type { Provider, Type } from '@nestjs/common';
import { commandController } from '../http/command-routes';
import { AssessmentsController } from '../read-models/assessments/assessments.controller';
import { ListProgrammesController } from './list-programmes.controller';
import { ProgrammeCommands } from './programme-commands';
import { PROGRAMME_COMMANDS } from './programme-commands.table';

/**
 * Programme settings (issues 19, 20, 22) for the application module. The
 * assessments due are here because they read the settings from the Directory
 * (the read-model module has none).
 */
export const programmeControllers: Array<Type<unknown>> = [ListProgrammesController, commandController(PROGRAMME_COMMANDS), AssessmentsController];

export const programmeProviders: Provider[] = [ProgrammeCommands];
