import type { CaseCommand } from '../../../domain/case/case.commands';

/** Where a story's commands go: `at` is the business time the command is decided at. Resolves false if refused. */
export type Act = (command: CaseCommand, at: number) => Promise<boolean>;
