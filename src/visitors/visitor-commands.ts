import { Injectable } from '@nestjs/common';
import type { Namesake, VisitorCommand } from '../../domain/visitor/visitor.commands';
import { findNamesake } from '../../domain/visitor/visitor.namesake';
import { visitorDecider, VisitorState } from '../../domain/visitor/visitor.stream';
import { visitorStreamId } from '../../domain/shared/ids';
import { DirectoryService } from '../directory/directory.service';
import { CommandHandler, CommandMeta, CommandOutcome } from '../event-store/command-handler';
import type { CommandRunner, RouteParams } from '../http/command-routes';
import { KeyedMutex } from '../shared/keyed-mutex';

export interface VisitorAnswer {
  visitorId: string;
  revision: number;
  position: number;
  /** After a capacity change: the visitor's open cases when it was decided (more than the capacity: they keep them, and take no new one). */
  activeCases?: number;
}

/**
 * The visitor stream for the one generic handler. Nothing is sealed: a
 * visitor's name and phone are staff data, printed on the visit card. Before
 * deciding, the Directory is asked whether another active visitor already has
 * the name and phone this one would have; such commands run one at a time in
 * the process, so a double click cannot register one person twice.
 */
@Injectable()
export class VisitorCommands implements CommandRunner<VisitorCommand, VisitorAnswer> {
  private readonly identities = new KeyedMutex();

  constructor(
    private readonly handler: CommandHandler,
    private readonly directory: DirectoryService,
  ) {}

  run(command: VisitorCommand, params: RouteParams, meta: CommandMeta): Promise<CommandOutcome<VisitorAnswer>> {
    const visitorId = command.type === 'RegisterVisitor' ? command.data.visitorId : params.visitorId;
    if (visitorId === undefined) throw new Error(`${command.type} has no visitor: its route names no :visitorId`);
    const run = () =>
      this.handler.handle({
        decider: visitorDecider,
        streamId: visitorStreamId(visitorId),
        command,
        meta,
        context: async (state) => ({ visitorId, ...this.namesake(visitorId, command, state) }),
        answer: ({ revision, position }) => ({
          visitorId,
          revision,
          position,
          ...(command.type === 'ChangeVisitorCapacity' && { activeCases: this.directory.directory.activeCasesOf(visitorId) }),
        }),
      });
    return changesIdentity(command) ? this.identities.run('visitor-identity', run) : run();
  }

  /** The other active visitor this one would duplicate, after the command. */
  private namesake(visitorId: string, command: VisitorCommand, state: VisitorState): { namesake?: Namesake } {
    const wanted =
      command.type === 'RegisterVisitor'
        ? command.data
        : state.status === 'Registered' && command.type === 'ChangeVisitorDetails'
          ? { name: command.data.name ?? state.name, phone: command.data.phone ?? state.phone }
          : state.status === 'Registered' && command.type === 'ReactivateVisitor'
            ? state
            : undefined;
    const found = wanted && findNamesake(this.directory.directory.visitors.values(), { visitorId, name: wanted.name, phone: wanted.phone });
    return found ? { namesake: { visitorId: found.visitorId, name: found.name } } : {};
  }
}

/** Commands after which the visitor may share a name and phone with another active one. */
const changesIdentity = (command: VisitorCommand): boolean =>
  command.type === 'RegisterVisitor' || command.type === 'ChangeVisitorDetails' || command.type === 'ReactivateVisitor';
