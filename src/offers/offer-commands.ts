import { Injectable } from '@nestjs/common';
import type { OfferCommand } from '../../domain/offer/offer.commands';
import { offerOccurredAt } from '../../domain/offer/offer.events';
import { offerDecider } from '../../domain/offer/offer.stream';
import { offerStreamId } from '../../domain/shared/ids';
import { CommandHandler, CommandMeta, CommandOutcome } from '../event-store/command-handler';
import type { CommandRunner, RouteParams } from '../http/command-routes';
import { PersonalDataCipher } from '../privacy/crypto/personal-data.cipher';

export interface OfferAnswer {
  offerId: string;
  revision: number;
  position: number;
}

/**
 * The offer stream for the one generic handler. The contact person is sealed
 * under a key named by the offer's id (as a citizen's data under the
 * citizen's): destroying that key erases the contact and nothing else.
 */
@Injectable()
export class OfferCommands implements CommandRunner<OfferCommand, OfferAnswer> {
  constructor(
    private readonly handler: CommandHandler,
    private readonly cipher: PersonalDataCipher,
  ) {}

  run(command: OfferCommand, params: RouteParams, meta: CommandMeta): Promise<CommandOutcome<OfferAnswer>> {
    const offerId = command.type === 'RegisterOffer' ? command.data.offerId : params.offerId;
    if (offerId === undefined) throw new Error(`${command.type} has no offer: its route names no :offerId`);
    return this.handler.handle({
      decider: offerDecider,
      streamId: offerStreamId(offerId),
      command,
      meta,
      context: async () => ({ offerId }),
      occurredAt: offerOccurredAt,
      protect: (events) => this.cipher.protect(events, offerId),
      answer: ({ revision, position }) => ({ offerId, revision, position }),
    });
  }
}
