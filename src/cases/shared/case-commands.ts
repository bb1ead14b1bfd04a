import { Injectable } from '@nestjs/common';
import type { CaseCommand } from '../../../domain/case/case.commands';
import type { CaseEvent } from '../../../domain/case/case.events';
import { caseEventSchemaVersion, occurredAtOf } from '../../../domain/case/case.events';
import { caseDecider } from '../../../domain/case/case.stream';
import { caseStreamId } from '../../../domain/shared/ids';
import { DirectoryService } from '../../directory/directory.service';
import { CommandHandler, CommandMeta, CommandOutcome } from '../../event-store/command-handler';
import type { CommandRunner, RouteParams } from '../../http/command-routes';
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

/**
 * The case stream for the one generic handler: its decider, the Directory
 * lookups `decide` needs, the sealing of personal data under the citizen's
 * key, and bookings decided one at a time per visitor so that two cannot take
 * the same last place. The HTTP table, the CLI's seed and the bench all write
 * cases through here.
 */
@Injectable()
export class CaseCommands implements CommandRunner<CaseCommand, CaseAnswer> {
  private readonly perVisitor = new KeyedMutex();

  constructor(
    private readonly handler: CommandHandler,
    private readonly directory: DirectoryService,
    private readonly cipher: PersonalDataCipher,
  ) {}

  /** From the HTTP table: the case is the route's `:caseId`, or the new one a referral names. */
  run(command: CaseCommand, params: RouteParams, meta: CommandMeta): Promise<CommandOutcome<CaseAnswer>> {
    const caseId = command.type === 'ReceiveReferral' ? command.data.caseId : params.caseId;
    if (caseId === undefined) throw new Error(`${command.type} has no case: its route names no :caseId`);
    return this.execute(caseId, command, meta);
  }

  execute(caseId: string, command: CaseCommand, meta: CommandMeta): Promise<CommandOutcome<CaseAnswer>> {
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
