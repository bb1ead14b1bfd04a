import type { CaseCommand } from '../../domain/case/case.commands';
import { CommandTable } from '../http/command-routes';
import { CaseAnswer, CaseCommands } from './shared/case-commands';
import { CaseAnswerDto } from './shared/case-answer.dto';
import { AFTER_CLOSE_ROUTES } from './routes/after-close.routes';
import { COURSE_ROUTES } from './routes/course.routes';
import { INTAKE_ROUTES } from './routes/intake.routes';
import { NETWORK_ROUTES } from './routes/network.routes';
import { VISIT_ROUTES } from './routes/visits.routes';

/**
 * Every command on a case, one entry each: its route under /cases, who may
 * send it, its body, and the domain command that body becomes. Routes,
 * guards, validation and OpenAPI are made from this table
 * (src/http/command-routes.ts); the commands are decided by `caseDecider`
 * through CaseCommands. The entries live by topic in src/cases/routes/; how
 * to add one: docs/architecture.md.
 */
export const CASE_COMMANDS: CommandTable<CaseCommand, CaseAnswer> = {
  name: 'CaseCommands',
  prefix: 'cases',
  tag: 'cases',
  runner: CaseCommands,
  answer: CaseAnswerDto,
  routes: { ...INTAKE_ROUTES, ...VISIT_ROUTES, ...COURSE_ROUTES, ...NETWORK_ROUTES, ...AFTER_CLOSE_ROUTES },
};
