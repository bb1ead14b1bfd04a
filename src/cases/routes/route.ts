import type { CaseCommand } from '../../../domain/case/case.commands';
import { CommandTable, routesOf } from '../../http/command-routes';
import type { CaseAnswer } from '../shared/case-commands';

/** How an entry of the case table is written: its DTO type checked against its mapping. */
export const route = routesOf<CaseCommand, CaseAnswer>();

/** A group of the case table's entries, by topic (the table is their union). */
export type CaseRoutes = CommandTable<CaseCommand, CaseAnswer>['routes'];

export { defined } from '../../shared/defined';
