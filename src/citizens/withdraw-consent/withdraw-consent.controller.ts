import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { IllegalStateError } from '../../../domain/shared/errors';
import { citizenDecider } from '../../../domain/citizen/citizen.stream';
import { citizenStreamId } from '../../../domain/shared/ids';
import { CaseAnswer, CaseCommandMessage } from '../../cases/shared/case-command';
import { DirectoryService } from '../../directory/directory.service';
import { CommandHandler, CommandMeta } from '../../event-store/command-handler';
import { Meta } from '../../http/command-meta';
import { IsInstant, UuidParam } from '../../http/validators';
import { Allow } from '../../privacy/policy';

export class WithdrawConsentDto {
  @ApiProperty({ example: '2026-05-01T10:00:00+02:00', description: 'When the citizen withdrew consent' }) @IsInstant() at!: string;
}

export interface ConsentWithdrawnAnswer {
  citizenId: string;
  /** The open cases this closed with `consent_withdrawn`. */
  closedCaseIds: string[];
}

const CitizenIdParam = new UuidParam('citizenId');

@ApiTags('citizens')
@Controller('citizens')
export class WithdrawConsentController {
  constructor(
    private readonly handler: CommandHandler,
    private readonly commands: CommandBus,
    private readonly directory: DirectoryService,
  ) {}

  /**
   * The citizen withdraws consent: recorded on the citizen's stream, then every
   * open case is closed with `consent_withdrawn`. Sent again (after a crash in
   * between, say), it closes whatever is still open.
   */
  @Allow('coordinator', 'admin')
  @Post(':citizenId/consent/withdraw')
  @HttpCode(200)
  async withdraw(@Param('citizenId', CitizenIdParam) citizenId: string, @Body() body: WithdrawConsentDto, @Meta() meta: CommandMeta): Promise<ConsentWithdrawnAnswer> {
    const { directory } = this.directory;
    try {
      await this.handler.handle({
        decider: citizenDecider,
        streamId: citizenStreamId(citizenId),
        command: { type: 'WithdrawConsent', data: { at: body.at } },
        meta: { ...meta, idempotency: undefined },
        context: async () => ({ citizenId, known: directory.citizens.has(citizenId) }),
        occurredAt: (event) => event.data.at,
        answer: (r) => r,
      });
    } catch (error) {
      if (!(error instanceof IllegalStateError && error.code === 'consent_already_withdrawn')) throw error;
    }
    const open = (directory.citizens.get(citizenId)?.caseIds ?? []).filter((caseId) => directory.cases.get(caseId)?.status !== 'Closed');
    const closedCaseIds: string[] = [];
    for (const caseId of open) {
      const closing = new CaseCommandMessage(caseId, { type: 'CloseCase', data: { reason: 'consent_withdrawn', at: body.at } }, { ...meta, idempotency: undefined });
      try {
        const outcome: { answer: CaseAnswer } = await this.commands.execute(closing);
        closedCaseIds.push(outcome.answer.caseId);
      } catch (error) {
        // Closed meanwhile by someone else: nothing left to do for that case.
        if (!(error instanceof IllegalStateError && error.code === 'case_closed')) throw error;
      }
    }
    return { citizenId, closedCaseIds };
  }
}
