import type { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import type { CaseCommand } from '../../../domain/case/case.commands';
import type { CommandMeta, CommandOutcome } from '../../event-store/command-handler';
import { commandAnswer } from '../../http/command-answer';
import { CaseAnswer, CaseCommandMessage } from './case-command';

/** Sends a command on an existing case through the CommandBus and shapes the answer. */
export async function dispatchCaseCommand(
  bus: CommandBus,
  reply: FastifyReply,
  caseId: string,
  command: CaseCommand,
  meta: CommandMeta,
): Promise<CaseAnswer> {
  const outcome: CommandOutcome<CaseAnswer> = await bus.execute(new CaseCommandMessage(caseId, command, meta));
  return commandAnswer(reply, outcome);
}
