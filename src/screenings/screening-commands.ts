import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { ReceiveReferral } from '../../domain/case/case.commands';
import type { RecordScreening, ReferScreening, ScreeningContext } from '../../domain/screening/screening.commands';
import { screeningOccurredAt, ScreeningEvent } from '../../domain/screening/screening.events';
import { referable, screeningDecider, ScreeningState } from '../../domain/screening/screening.stream';
import type { Need } from '../../domain/shared/codes';
import type { BaseContext, Message } from '../../domain/shared/decider';
import { IllegalStateError } from '../../domain/shared/errors';
import { screeningStreamId } from '../../domain/shared/ids';
import { CaseCommands } from '../cases/shared/case-commands';
import { DirectoryService } from '../directory/directory.service';
import { CommandHandler, CommandMeta, CommandOutcome } from '../event-store/command-handler';
import type { CommandRunner, RouteParams } from '../http/command-routes';
import { PersonalDataCipher } from '../privacy/crypto/personal-data.cipher';

export interface ScreeningAnswer {
  screeningId: string;
  revision: number;
  position: number;
  /** The case a referral made, and its citizen (`knownCitizen`: joined by CPR). */
  caseId?: string;
  citizenId?: string;
  knownCitizen?: true;
}

/** What the refer route adds to the domain's ReferScreening: the rest of an ordinary referral. */
export interface ReferralPart {
  citizenId: string;
  address: string;
  referrer: ReceiveReferral['data']['referrer'];
  situation: ReceiveReferral['data']['situation'];
  needs?: Need[];
}

export type ReferScreeningRequest = Message<'ReferScreening', ReferScreening['data'] & { referral: ReferralPart }>;
export type ScreeningRequest = RecordScreening | ReferScreeningRequest;

/**
 * The screening stream for the one generic handler: the citizen and the note
 * sealed under the screening's own key (its id), so a screening can be
 * forgotten without touching any case. A referral is made through the case
 * runner as any other (ReceiveReferral, a known CPR number joins the citizen),
 * while the screening stream is held, and only then is ScreeningReferred
 * recorded: a refused referral (409 cpr_name_mismatch, 400) leaves the
 * screening as it was. An Idempotency-Key replays the answer before anything is made.
 */
@Injectable()
export class ScreeningCommands implements CommandRunner<ScreeningRequest, ScreeningAnswer> {
  constructor(
    private readonly handler: CommandHandler,
    private readonly cases: CaseCommands,
    private readonly cipher: PersonalDataCipher,
    private readonly directory: DirectoryService,
  ) {}

  run(request: ScreeningRequest, params: RouteParams, meta: CommandMeta): Promise<CommandOutcome<ScreeningAnswer>> {
    const screeningId = request.type === 'RecordScreening' ? request.data.screeningId : params.screeningId;
    if (screeningId === undefined) throw new Error(`${request.type} has no screening: its route names no :screeningId`);
    const made: Partial<ScreeningAnswer> = {};
    const command = request.type === 'RecordScreening' ? request : ({ type: 'ReferScreening', data: { caseId: request.data.caseId, programme: request.data.programme, at: request.data.at } } as ReferScreening);
    return this.handler.handle({
      decider: screeningDecider,
      streamId: screeningStreamId(screeningId),
      command,
      meta,
      context: async (state): Promise<Omit<ScreeningContext, keyof BaseContext>> => {
        if (request.type === 'ReferScreening') Object.assign(made, await this.referral(request, screeningId, state, meta));
        return { screeningId };
      },
      occurredAt: (event: ScreeningEvent) => screeningOccurredAt(event),
      protect: (events) => this.cipher.protect(events, screeningId),
      answer: ({ revision, position }) => ({ screeningId, revision, position, ...made }),
    });
  }

  /** The case, made as any referral: the screened citizen opened, their consent the screening's. */
  private async referral({ data }: ReferScreeningRequest, screeningId: string, state: ScreeningState, meta: CommandMeta): Promise<Partial<ScreeningAnswer>> {
    // Decided in full before the case is made, so a refusal makes nothing.
    screeningDecider.decide({ type: 'ReferScreening', data: { caseId: data.caseId, programme: data.programme, at: data.at } }, state, { screeningId, now: new Date().toISOString(), actor: meta.actor });
    const screened = referable(state, { screeningId });
    const citizen = await this.cipher.reveal(screened.citizen!);
    const { referral } = data;
    const command: ReceiveReferral = {
      type: 'ReceiveReferral',
      data: {
        caseId: data.caseId,
        citizenId: referral.citizenId,
        programme: data.programme,
        referredAt: data.at,
        referrer: referral.referrer,
        citizen: { name: citizen.name, address: referral.address, ...(citizen.phone !== undefined && { phone: citizen.phone }), ...(citizen.cpr !== undefined && { cpr: citizen.cpr }) },
        situation: referral.situation,
        needs: referral.needs ?? (screened.lonely ? ['loneliness_symptoms'] : []),
        requestedTasks: [],
        consent: { given: true, at: screened.at, recordedBy: referral.referrer.name },
        screeningId,
      },
    };
    // Its own command on the case stream: no Idempotency-Key (the screening's answer holds it) nor If-Match (that names the screening's revision).
    const { idempotency: _key, expectedRevision: _revision, ...caseMeta } = meta;
    try {
      const { answer } = await this.cases.execute(data.caseId, command, { ...caseMeta, commandId: randomUUID() });
      return { caseId: answer.caseId, ...(answer.citizenId !== undefined && { citizenId: answer.citizenId }), ...(answer.knownCitizen && { knownCitizen: true }) };
    } catch (error) {
      // Made before a crash, or by this command's first attempt when the screening's append had to be tried again: ScreeningReferred is what is missing.
      const earlier = this.directory.directory.cases.get(data.caseId);
      if (!(error instanceof IllegalStateError && error.code === 'case_exists' && earlier)) throw error;
      return { caseId: data.caseId, citizenId: earlier.citizenId };
    }
  }
}
