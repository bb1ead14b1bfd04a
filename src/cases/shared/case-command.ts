import { CommandHandler as NestCommandHandler, ICommand, ICommandHandler } from '@nestjs/cqrs';
import type { CaseCommand, CaseContext } from '../../../domain/case/case.commands';
import type { CaseEvent } from '../../../domain/case/case.events';
import { occurredAtOf } from '../../../domain/case/case.events';
import { caseDecider } from '../../../domain/case/case.stream';
import { caseStreamId } from '../../../domain/shared/ids';
import { NotFoundError } from '../../../domain/shared/errors';
import { DirectoryService } from '../../directory/directory.service';
import { CommandHandler, CommandMeta, CommandOutcome } from '../../event-store/command-handler';
import { KeyedMutex } from '../../shared/keyed-mutex';

/** What every case command answers: ids and revisions only (it is stored for idempotent replays). */
export interface CaseAnswer {
  caseId: string;
  revision: number;
  position: number;
  citizenId?: string;
  taskId?: string;
}

/** A case command on its way through Nest's CommandBus to the generic handler. */
export class CaseCommandMessage implements ICommand {
  constructor(
    readonly caseId: string,
    readonly command: CaseCommand,
    readonly meta: CommandMeta,
  ) {}
}

/**
 * The thin adapter between the CommandBus and the generic handler: it looks up
 * what the decider needs (the visitor, the citizen) and serialises bookings per
 * visitor so that two cannot take the same last place.
 */
@NestCommandHandler(CaseCommandMessage)
export class CaseCommandHandler implements ICommandHandler<CaseCommandMessage, CommandOutcome<CaseAnswer>> {
  private readonly perVisitor = new KeyedMutex();

  constructor(
    private readonly handler: CommandHandler,
    private readonly directory: DirectoryService,
  ) {}

  execute({ caseId, command, meta }: CaseCommandMessage): Promise<CommandOutcome<CaseAnswer>> {
    const run = () =>
      this.handler.handle({
        decider: caseDecider,
        streamId: caseStreamId(caseId),
        command,
        meta,
        context: async () => this.lookups(caseId, command),
        occurredAt: (event: CaseEvent, now: string) => occurredAtOf(event, now),
        answer: ({ revision, position }) => ({ caseId, revision, position, ...extraIds(command) }),
      });
    const visitorId = visitorTakingPlace(command);
    return visitorId ? this.perVisitor.run(visitorId, run) : run();
  }

  private lookups(caseId: string, command: CaseCommand): Omit<CaseContext, 'now' | 'actor'> {
    const { directory } = this.directory;
    const context: Omit<CaseContext, 'now' | 'actor'> = { caseId };
    const visitorId = visitorTakingPlace(command);
    if (visitorId) {
      const visitor = directory.visitors.get(visitorId);
      context.visitor = visitor && {
        visitorId,
        name: visitor.name,
        phone: visitor.phone,
        kind: visitor.kind,
        capacity: visitor.capacity,
        active: visitor.active,
        activeCases: directory.activeCasesOf(visitorId, caseId),
      };
    }
    if (command.type === 'ReceiveReferral' && !command.data.citizen) {
      // Referred again by citizenId: the citizen must be known from an earlier case.
      const citizen = directory.citizens.get(command.data.citizenId);
      if (!citizen) throw new NotFoundError('citizen', command.data.citizenId);
      context.citizen = { citizenId: citizen.citizenId, erased: citizen.erased };
    }
    return context;
  }
}

/** The visitor whose capacity a command uses up, if any. */
function visitorTakingPlace(command: CaseCommand): string | undefined {
  if (command.type === 'BookFirstVisit') return command.data.visitorId;
  if (command.type === 'ReassignVisitor') return command.data.toVisitorId;
  return undefined;
}

function extraIds(command: CaseCommand): Partial<CaseAnswer> {
  if (command.type === 'ReceiveReferral') return { citizenId: command.data.citizenId };
  if (command.type === 'OpenTask') return { taskId: command.data.taskId };
  return {};
}
