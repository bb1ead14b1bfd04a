import { randomUUID } from 'node:crypto';
import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandMeta, CommandOutcome } from '../../event-store/command-handler';
import { commandAnswer } from '../../http/command-answer';
import { Meta } from '../../http/command-meta';
import { RequestValidationError } from '../../http/errors';
import { CaseAnswer, CaseCommandMessage } from '../shared/case-command';
import { CaseAnswerDto } from '../shared/case-answer.dto';
import { ReceiveReferralDto } from './receive-referral.dto';
import { Allow } from '../../privacy/policy';

@ApiTags('cases')
@Controller('cases')
export class ReceiveReferralController {
  constructor(private readonly commands: CommandBus) {}

  /** A partner (or the citizen, or a relative) refers a citizen: a new case, and a new citizen unless `citizenId` is given. */
  @Allow('coordinator')
  @Post()
  @ApiCreatedResponse({ type: CaseAnswerDto })
  async receive(@Body() body: ReceiveReferralDto, @Meta() meta: CommandMeta, @Res({ passthrough: true }) reply: FastifyReply): Promise<CaseAnswer> {
    if (body.citizen && body.citizenId) {
      throw new RequestValidationError([{ field: 'citizenId', message: 'give either citizen (a new citizen) or citizenId (one already known), not both' }]);
    }
    const caseId = randomUUID();
    const command = {
      type: 'ReceiveReferral' as const,
      data: {
        caseId,
        citizenId: body.citizenId?.toLowerCase() ?? randomUUID(),
        programme: body.programme,
        referredAt: body.referredAt,
        referrer: { ...body.referrer },
        citizen: body.citizen && { ...body.citizen },
        situation: { ...body.situation },
        needs: body.needs ?? [],
        requestedTasks: body.requestedTasks ?? [],
        consent: body.consent && { ...body.consent },
      },
    };
    const outcome: CommandOutcome<CaseAnswer> = await this.commands.execute(new CaseCommandMessage(caseId, command, meta));
    return commandAnswer(reply, outcome, { location: `/cases/${outcome.answer.caseId}` });
  }
}
