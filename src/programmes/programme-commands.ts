import { Injectable } from '@nestjs/common';
import type { ProgrammeCommand } from '../../domain/programme/programme.commands';
import { programmeOccurredAt } from '../../domain/programme/programme.events';
import { isProgramme } from '../../domain/programme/programme.settings';
import { programmeDecider } from '../../domain/programme/programme.stream';
import { NotFoundError } from '../../domain/shared/errors';
import { programmeStreamId } from '../../domain/shared/ids';
import { CommandHandler, CommandMeta, CommandOutcome } from '../event-store/command-handler';
import type { CommandRunner, RouteParams } from '../http/command-routes';

export interface ProgrammeAnswer {
  programme: string;
  revision: number;
  position: number;
}

/** The programme stream `programme-<code>` for the one generic handler. Nothing to seal: the settings hold no one's data. */
@Injectable()
export class ProgrammeCommands implements CommandRunner<ProgrammeCommand, ProgrammeAnswer> {
  constructor(private readonly handler: CommandHandler) {}

  run(command: ProgrammeCommand, params: RouteParams, meta: CommandMeta): Promise<CommandOutcome<ProgrammeAnswer>> {
    const programme = params.programme;
    if (!isProgramme(programme)) throw new NotFoundError('programme', String(programme));
    return this.handler.handle({
      decider: programmeDecider,
      streamId: programmeStreamId(programme),
      command,
      meta,
      context: async () => ({ programme }),
      occurredAt: programmeOccurredAt,
      answer: ({ revision, position }) => ({ programme, revision, position }),
    });
  }
}
