import type { Decider } from '../shared/decider';
import type { CaseCommand, CaseContext } from './case.commands';
import { decideCase } from './case.decide';
import type { CaseEvent } from './case.events';
import { evolveCase, initialCaseState } from './case.evolve';
import type { CaseState } from './case.state';

/** The case stream `case-<caseId>` as a decider: what the generic command handler runs. */
export const caseDecider: Decider<CaseCommand, CaseEvent, CaseState, CaseContext> = {
  initialState: initialCaseState,
  evolve: evolveCase,
  decide: decideCase,
};
