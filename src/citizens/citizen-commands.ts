import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { CitizenCommand } from '../../domain/citizen/citizen.stream';
import { citizenDecider } from '../../domain/citizen/citizen.stream';
import { IllegalStateError } from '../../domain/shared/errors';
import { citizenStreamId } from '../../domain/shared/ids';
import { CaseCommands } from '../cases/shared/case-commands';
import { DirectoryService } from '../directory/directory.service';
import { CommandHandler, CommandMeta, CommandOutcome } from '../event-store/command-handler';
import type { CommandRunner, RouteParams } from '../http/command-routes';
import type { CitizenKeys } from '../privacy/crypto/citizen-keys';
import { CITIZEN_KEYS } from '../privacy/crypto/crypto.providers';
import { PersonalDataCipher } from '../privacy/crypto/personal-data.cipher';
import { eraseCitizen } from '../privacy/erasure';
import { EVENT_STORE, EventStore } from '../event-store/event-store.port';
import { screeningsOfCases } from '../screenings/screening-keys';

export interface ConsentWithdrawnAnswer {
  citizenId: string;
  /** The open cases this closed with `consent_withdrawn`. */
  closedCaseIds: string[];
}

export interface CitizenErasedAnswer {
  citizenId: string;
  erased: true;
  /** The open cases this closed with `consent_withdrawn` before the key went. */
  closedCaseIds: string[];
}

export type CitizenAnswer = ConsentWithdrawnAnswer | CitizenErasedAnswer;

/**
 * The citizen's commands reach beyond the citizen's stream, so each is a short
 * process: withdrawing consent then closes every open case; erasing then
 * destroys the key (crypto-shredding). Sent again after a crash in between,
 * each finishes what is left. Neither keeps an Idempotency-Key's answer: a
 * repeat does the rest of the work instead.
 */
@Injectable()
export class CitizenCommands implements CommandRunner<CitizenCommand, CitizenAnswer> {
  constructor(
    private readonly handler: CommandHandler,
    private readonly cases: CaseCommands,
    private readonly directory: DirectoryService,
    private readonly cipher: PersonalDataCipher,
    @Inject(CITIZEN_KEYS) private readonly keys: CitizenKeys,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async run(command: CitizenCommand, { citizenId }: RouteParams, meta: CommandMeta): Promise<CommandOutcome<CitizenAnswer>> {
    if (citizenId === undefined) throw new Error(`${command.type} has no citizen: its route names no :citizenId`);
    const answer = command.type === 'WithdrawConsent' ? await this.withdrawConsent(citizenId, command.data.at, meta) : await this.erase(citizenId, meta);
    return { answer, replayed: false };
  }

  private async withdrawConsent(citizenId: string, at: string, meta: CommandMeta): Promise<ConsentWithdrawnAnswer> {
    const { directory } = this.directory;
    try {
      await this.handler.handle({
        decider: citizenDecider,
        streamId: citizenStreamId(citizenId),
        command: { type: 'WithdrawConsent', data: { at } },
        meta: { ...meta, idempotency: undefined },
        context: async () => ({ citizenId, known: directory.citizens.has(citizenId) }),
        occurredAt: (event) => event.data.at,
        answer: (r) => r,
      });
    } catch (error) {
      if (!(error instanceof IllegalStateError && error.code === 'consent_already_withdrawn')) throw error;
    }
    return { citizenId, closedCaseIds: await this.closeOpenCases(citizenId, at, meta) };
  }

  /**
   * The person's open cases are closed first (`consent_withdrawn`: a request to
   * be forgotten withdraws the consent the case rests on), so that no case is
   * left open, "Henvist" or waiting, for a person nobody can read any more.
   */
  private async erase(citizenId: string, meta: CommandMeta): Promise<CitizenErasedAnswer> {
    const closedCaseIds = await this.closeOpenCases(citizenId, new Date().toISOString(), meta);
    const known = this.directory.directory.citizens.has(citizenId);
    const screeningIds = await screeningsOfCases(this.store, this.directory.directory.citizens.get(citizenId)?.caseIds ?? []);
    await eraseCitizen({ handler: this.handler, keys: this.keys, cipher: this.cipher, screeningIds }, citizenId, known, meta.actor, meta.correlationId);
    return { citizenId, erased: true, closedCaseIds };
  }

  private async closeOpenCases(citizenId: string, at: string, meta: CommandMeta): Promise<string[]> {
    const { directory } = this.directory;
    const open = (directory.citizens.get(citizenId)?.caseIds ?? []).filter((caseId) => directory.cases.get(caseId)?.status !== 'Closed');
    const closedCaseIds: string[] = [];
    for (const caseId of open) {
      try {
        const outcome = await this.cases.execute(caseId, { type: 'CloseCase', data: { reason: 'consent_withdrawn', at, followUpId: randomUUID() } }, { ...meta, idempotency: undefined });
        closedCaseIds.push(outcome.answer.caseId);
      } catch (error) {
        // Closed meanwhile by someone else: nothing left to do for that case.
        if (!(error instanceof IllegalStateError && error.code === 'case_closed')) throw error;
      }
    }
    return closedCaseIds;
  }
}
