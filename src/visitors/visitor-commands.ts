import { Inject, Injectable } from '@nestjs/common';
import type { Namesake, VisitorCommand } from '../../domain/visitor/visitor.commands';
import { findNamesake } from '../../domain/visitor/visitor.namesake';
import { visitorDecider, VisitorState } from '../../domain/visitor/visitor.stream';
import { visitorStreamId } from '../../domain/shared/ids';
import { visitorOccurredAt } from '../../domain/visitor/volunteer.events';
import { DirectoryService } from '../directory/directory.service';
import { CommandHandler, CommandMeta, CommandOutcome } from '../event-store/command-handler';
import type { CommandRunner, RouteParams } from '../http/command-routes';
import { KeyedMutex } from '../shared/keyed-mutex';
import { VISITOR_PLACES } from '../shared/visitor-places';
import { PersonalDataCipher } from '../privacy/crypto/personal-data.cipher';
import { CITIZEN_KEYS } from '../privacy/crypto/crypto.providers';
import type { CitizenKeys } from '../privacy/crypto/citizen-keys';
import { IllegalStateError } from '../../domain/shared/errors';

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
    private readonly cipher: PersonalDataCipher,
    @Inject(CITIZEN_KEYS) private readonly keys: CitizenKeys,
  ) {}

  async run(command: VisitorCommand, params: RouteParams, meta: CommandMeta): Promise<CommandOutcome<VisitorAnswer>> {
    if (command.type !== 'EraseVisitor' || params.visitorId === undefined) return this.decide(command, params, meta);
    // Issue 20: the erasure destroys the visitor's key (crypto-shredding) after the event that records it; sent again after a crash in between, it finishes.
    const outcome = await this.decide(command, params, meta).catch(async (error: unknown) => {
      if (error instanceof IllegalStateError && error.code === 'visitor_erased') await this.shred(params.visitorId!);
      throw error;
    });
    await this.shred(params.visitorId);
    return outcome;
  }

  private async shred(visitorId: string): Promise<void> {
    this.cipher.forget(visitorId);
    await this.keys.destroy(visitorId);
  }

  private decide(command: VisitorCommand, params: RouteParams, meta: CommandMeta): Promise<CommandOutcome<VisitorAnswer>> {
    const visitorId = command.type === 'RegisterVisitor' || command.type === 'ApplyAsVolunteer' ? command.data.visitorId : params.visitorId;
    if (visitorId === undefined) throw new Error(`${command.type} has no visitor: its route names no :visitorId`);
    const run = () =>
      this.handler.handle({
        decider: visitorDecider,
        streamId: visitorStreamId(visitorId),
        command,
        meta,
        context: async (state) => ({
          visitorId,
          ...this.namesake(visitorId, command, state),
          ...(command.type === 'VolunteerLeaves' && { openCaseIds: [...(this.directory.directory.visitors.get(visitorId)?.activeCaseIds ?? [])] }),
        }),
        occurredAt: visitorOccurredAt,
        // The lifecycle's notes about a volunteer are sealed under a key of the visitor's own (issue 20).
        protect: (events, state) => this.cipher.protect(events, visitorId, state.status === 'Registered' && state.standing?.erased === true),
        answer: ({ revision, position }) => ({
          visitorId,
          revision,
          position,
          ...(command.type === 'ChangeVisitorCapacity' && { activeCases: this.directory.directory.activeCasesOf(visitorId) }),
        }),
      });
    if (changesIdentity(command)) return this.identities.run('visitor-identity', run);
    // Issue 20: leaving, a pause or a decline is decided apart from any booking to the visitor (the same lock as the bookings').
    return takesPlacesAway(command) ? VISITOR_PLACES.run(visitorId, run) : run();
  }

  /** The other active visitor this one would duplicate, after the command. */
  private namesake(visitorId: string, command: VisitorCommand, state: VisitorState): { namesake?: Namesake } {
    const wanted =
      command.type === 'RegisterVisitor'
        ? command.data
        : state.status === 'Registered' && command.type === 'ChangeVisitorDetails'
          ? { name: command.data.name ?? state.name, phone: command.data.phone ?? state.phone }
          : state.status === 'Registered' && (command.type === 'ReactivateVisitor' || command.type === 'ApproveVolunteer' || command.type === 'ResumeVolunteer')
            ? state
            : undefined;
    const found = wanted && findNamesake(this.directory.directory.visitors.values(), { visitorId, name: wanted.name, phone: wanted.phone });
    return found ? { namesake: { visitorId: found.visitorId, name: found.name } } : {};
  }
}

/** Commands after which the visitor may share a name and phone with another active one. */
const changesIdentity = (command: VisitorCommand): boolean =>
  ['RegisterVisitor', 'ChangeVisitorDetails', 'ReactivateVisitor', 'ApproveVolunteer', 'ResumeVolunteer'].includes(command.type);

/** Commands after which the visitor takes no new case: decided apart from bookings to them. */
const takesPlacesAway = (command: VisitorCommand): boolean =>
  ['VolunteerLeaves', 'PauseVolunteer', 'DeclineVolunteer', 'DeactivateVisitor', 'ChangeVisitorCapacity'].includes(command.type);
