import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { IntakeCommand, IntakeContext, RejectReferralCard } from '../../domain/intake/intake.commands';
import type { IntakeEvent } from '../../domain/intake/intake.events';
import type { CardAcceptance } from '../../domain/intake/intake.referral';
import { referralFromCard } from '../../domain/intake/intake.referral';
import { intakeDecider, IntakeState } from '../../domain/intake/intake.stream';
import { fold } from '../../domain/shared/decider';
import type { BaseContext } from '../../domain/shared/decider';
import { IllegalStateError, NotFoundError } from '../../domain/shared/errors';
import { intakeStreamId } from '../../domain/shared/ids';
import { caseIdFrom } from '../cases/shared/derived-case-id';
import { CaseCommands } from '../cases/shared/case-commands';
import { DirectoryService } from '../directory/directory.service';
import { CommandHandler, CommandMeta, CommandOutcome } from '../event-store/command-handler';
import { EVENT_STORE, EventStore } from '../event-store/event-store.port';
import type { CommandRunner, RouteParams } from '../http/command-routes';
import { PersonalDataCipher } from '../privacy/crypto/personal-data.cipher';
import { KeyedMutex } from '../shared/keyed-mutex';
import { ReadModelsService } from '../read-models/read-models.service';
import { PartnerCodes } from './partner-codes';

export interface CardAnswer {
  cardId: string;
  revision: number;
  position: number;
  /** The case an accepted card became, and its citizen. */
  caseId?: string;
  citizenId?: string;
  /** The citizen was known already (by id, or by a CPR number the service knows). */
  knownCitizen?: boolean;
}

/** What the coordinator's table sends: a rejection as it is, an acceptance as what to add to the card. */
export type CardRequest = RejectReferralCard | { type: 'TakeInReferralCard'; data: CardAcceptance };

/**
 * The intake stream for the one generic handler. A card's personal data is
 * sealed under a key of its own (the cardId's), not a citizen's: nobody is a
 * citizen of the service until a coordinator takes the card in.
 *
 * Taking a card in is two writes: the case, through the same CaseCommands as
 * POST /cases (so a known CPR number joins the citizen as any referral does),
 * then ReferralCardAccepted. The case's id is derived from the card's, so a
 * retry after a crash between the two finds the case made and only records
 * the acceptance; cards are taken in one at a time per card in the process.
 */
@Injectable()
export class ReferralCardCommands implements CommandRunner<CardRequest, CardAnswer> {
  private readonly perCard = new KeyedMutex();
  private readonly codes: PartnerCodes;

  constructor(
    private readonly handler: CommandHandler,
    private readonly cases: CaseCommands,
    private readonly cipher: PersonalDataCipher,
    private readonly directory: DirectoryService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    readModels: ReadModelsService,
  ) {
    this.codes = new PartnerCodes(readModels);
  }

  run(request: CardRequest, params: RouteParams, meta: CommandMeta): Promise<CommandOutcome<CardAnswer>> {
    const cardId = params.cardId;
    if (cardId === undefined) throw new Error(`${request.type} has no card: its route names no :cardId`);
    if (request.type === 'RejectReferralCard') return this.perCard.run(cardId, () => this.decide(cardId, request, meta));
    return this.perCard.run(cardId, () => this.takeIn(cardId, request.data, meta));
  }

  /** From the public form: a new card, sealed under its own key; the partner code looked up in the register. */
  async submit(command: Extract<IntakeCommand, { type: 'SubmitReferralCard' }>, meta: CommandMeta): Promise<CommandOutcome<CardAnswer>> {
    const partnerId = command.data.partnerCode === undefined ? undefined : await this.codes.partnerOf(command.data.partnerCode);
    return this.decide(command.data.cardId, command, meta, partnerId === undefined ? {} : { partnerId });
  }

  private async takeIn(cardId: string, acceptance: CardAcceptance, meta: CommandMeta): Promise<CommandOutcome<CardAnswer>> {
    const state = fold(intakeDecider, (await this.store.readStream(intakeStreamId(cardId))).map((e) => ({ type: e.type, data: e.data }) as IntakeEvent)) as IntakeState;
    if (state.status === 'None') throw new NotFoundError('referral card', cardId);
    // Decided already: the decider says so (or the handler replays a repeated Idempotency-Key's answer).
    if (state.status !== 'new') return this.decide(cardId, { type: 'AcceptReferralCard', data: { caseId: state.caseId ?? cardId, citizenId: cardId, knownCitizen: false } }, meta);
    const card = await this.cipher.reveal(state.card);
    const caseId = caseIdOf(cardId);
    const referral = referralFromCard(card, acceptance, { caseId, citizenId: randomUUID() });
    const caseMeta: CommandMeta = { actor: meta.actor, commandId: randomUUID(), correlationId: meta.correlationId };
    let made: { citizenId: string; knownCitizen: boolean };
    try {
      const { answer } = await this.cases.execute(caseId, { type: 'ReceiveReferral', data: referral }, caseMeta);
      made = { citizenId: answer.citizenId!, knownCitizen: answer.knownCitizen === true || acceptance.citizenId !== undefined };
    } catch (error) {
      // Made before a crash (or by another process): the acceptance is what is missing.
      const earlier = this.directory.directory.cases.get(caseId);
      if (!(error instanceof IllegalStateError && error.code === 'case_exists' && earlier)) throw error;
      made = { citizenId: earlier.citizenId, knownCitizen: acceptance.citizenId !== undefined };
    }
    return this.decide(cardId, { type: 'AcceptReferralCard', data: { caseId, ...made } }, meta);
  }

  private decide(cardId: string, command: IntakeCommand, meta: CommandMeta, lookedUp: Omit<IntakeContext, keyof BaseContext | 'cardId'> = {}): Promise<CommandOutcome<CardAnswer>> {
    return this.handler.handle({
      decider: intakeDecider,
      streamId: intakeStreamId(cardId),
      command,
      meta,
      context: async (): Promise<Omit<IntakeContext, keyof BaseContext>> => ({ cardId, ...lookedUp }),
      protect: (events) => this.cipher.protect(events, cardId),
      answer: ({ revision, position }) => ({
        cardId,
        revision,
        position,
        ...(command.type === 'AcceptReferralCard' && { caseId: command.data.caseId, citizenId: command.data.citizenId, knownCitizen: command.data.knownCitizen }),
      }),
    });
  }
}

/** The case a card becomes: one id per card, so taking it in twice cannot make two cases. */
export const caseIdOf = (cardId: string): string => caseIdFrom('referral-card-case', cardId);
