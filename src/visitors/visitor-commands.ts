import { Injectable } from '@nestjs/common';
import type { VisitorCommand } from '../../domain/visitor/visitor.commands';
import { visitorDecider } from '../../domain/visitor/visitor.stream';
import { visitorStreamId } from '../../domain/shared/ids';
import { CommandHandler, CommandMeta, CommandOutcome } from '../event-store/command-handler';
import type { CommandRunner, RouteParams } from '../http/command-routes';

export interface VisitorAnswer {
  visitorId: string;
  revision: number;
  position: number;
}

/** The visitor stream for the one generic handler: no lookups, no personal data sealed (a visitor's name is the service's own record). */
@Injectable()
export class VisitorCommands implements CommandRunner<VisitorCommand, VisitorAnswer> {
  constructor(private readonly handler: CommandHandler) {}

  run(command: VisitorCommand, params: RouteParams, meta: CommandMeta): Promise<CommandOutcome<VisitorAnswer>> {
    const visitorId = command.type === 'RegisterVisitor' ? command.data.visitorId : params.visitorId;
    if (visitorId === undefined) throw new Error(`${command.type} has no visitor: its route names no :visitorId`);
    return this.handler.handle({
      decider: visitorDecider,
      streamId: visitorStreamId(visitorId),
      command,
      meta,
      context: async () => ({ visitorId }),
      answer: ({ revision, position }) => ({ visitorId, revision, position }),
    });
  }
}
