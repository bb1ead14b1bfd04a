import type { CaseCommand } from '../../../domain/case/case.commands';
import { CommandTable, routesOf } from '../../http/command-routes';
import type { CaseAnswer } from '../shared/case-commands';

/** How an entry of the case table is written: its DTO type checked against its mapping. */
export const route = routesOf<CaseCommand, CaseAnswer>();

/** A group of the case table's entries, by topic (the table is their union). */
export type CaseRoutes = CommandTable<CaseCommand, CaseAnswer>['routes'];

/** The object without its undefined fields (a part of a body left out is not a part given). */
export const defined = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
