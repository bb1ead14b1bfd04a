import { CommandHandler as NestCommandHandler, ICommand, ICommandHandler } from '@nestjs/cqrs';
import type { CaseCommand } from '../../../domain/case/case.commands';
import type { CaseEvent } from '../../../domain/case/case.events';
import { caseEventSchemaVersion, occurredAtOf } from '../../../domain/case/case.events';
import { caseDecider } from '../../../domain/case/case.stream';
import { caseStreamId } from '../../../domain/shared/ids';
import { DirectoryService } from '../../directory/directory.service';
import { CommandHandler, CommandMeta, CommandOutcome } from '../../event-store/command-handler';
import { KeyedMutex } from '../../shared/keyed-mutex';
import { PersonalDataCipher } from '../../privacy/crypto/personal-data.cipher';
import { caseLookups, citizenOf, extraIds, visitorTakingPlace } from './case-lookups';

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
    private readonly cipher: PersonalDataCipher,
  ) {}

  execute({ caseId, command, meta }: CaseCommandMessage): Promise<CommandOutcome<CaseAnswer>> {
    const run = () =>
      this.handler.handle({
        decider: caseDecider,
        streamId: caseStreamId(caseId),
        command,
        meta,
        context: async () => caseLookups(this.directory.directory, caseId, command),
        occurredAt: (event: CaseEvent, now: string) => occurredAtOf(event, now),
        schemaVersion: caseEventSchemaVersion,
        protect: (events, state) => {
          const citizenId = citizenOf(events, state);
          return this.cipher.protect(events, citizenId, this.directory.directory.citizens.get(citizenId)?.erased === true);
        },
        answer: ({ revision, position }) => ({ caseId, revision, position, ...extraIds(command) }),
      });
    const visitorId = visitorTakingPlace(command);
    return visitorId ? this.perVisitor.run(visitorId, run) : run();
  }
}
