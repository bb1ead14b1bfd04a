import { Injectable } from '@nestjs/common';
import type { PartnerCommand, PartnerContext } from '../../domain/partner/partner.commands';
import { normaliseOrganisation, partnerDecider } from '../../domain/partner/partner.stream';
import type { BaseContext } from '../../domain/shared/decider';
import { partnerStreamId } from '../../domain/shared/ids';
import { CommandHandler, CommandMeta, CommandOutcome } from '../event-store/command-handler';
import type { CommandRunner, RouteParams } from '../http/command-routes';
import { ReadModelsService } from '../read-models/read-models.service';
import { KeyedMutex } from '../shared/keyed-mutex';
import { PartnerLookup } from './partner-lookup';

export interface PartnerAnswer {
  partnerId: string;
  revision: number;
  position: number;
  contactId?: string;
  meetingId?: string;
}

/**
 * The partner stream for the one generic handler. Nothing is sealed: a
 * partner's people are its staff. Linking an alias asks the register (the
 * partners read model, caught up first) which partner holds the name already;
 * links run one at a time in the process, so two partners cannot both take it.
 */
@Injectable()
export class PartnerCommands implements CommandRunner<PartnerCommand, PartnerAnswer> {
  private readonly aliases = new KeyedMutex();
  private readonly lookup: PartnerLookup;

  constructor(
    private readonly handler: CommandHandler,
    readModels: ReadModelsService,
  ) {
    this.lookup = new PartnerLookup(readModels);
  }

  run(command: PartnerCommand, params: RouteParams, meta: CommandMeta): Promise<CommandOutcome<PartnerAnswer>> {
    const partnerId = command.type === 'RegisterPartner' ? command.data.partnerId : params.partnerId;
    if (partnerId === undefined) throw new Error(`${command.type} has no partner: its route names no :partnerId`);
    const run = () =>
      this.handler.handle({
        decider: partnerDecider,
        streamId: partnerStreamId(partnerId),
        command,
        meta,
        context: async (): Promise<Omit<PartnerContext, keyof BaseContext>> => ({
          partnerId,
          ...(command.type === 'LinkPartnerAlias' && (await this.lookup.aliasOwner(normaliseOrganisation(command.data.organisation)))),
        }),
        answer: ({ revision, position }) => ({
          partnerId,
          revision,
          position,
          ...(command.type === 'AddPartnerContact' && { contactId: command.data.contactId }),
          ...(command.type === 'RecordOutreachMeeting' && { meetingId: command.data.meetingId }),
        }),
      });
    return command.type === 'LinkPartnerAlias' ? this.aliases.run('partner-alias', run) : run();
  }
}
