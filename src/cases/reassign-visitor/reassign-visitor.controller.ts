import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandMeta } from '../../event-store/command-handler';
import { Meta } from '../../http/command-meta';
import { CaseIdParam } from '../../http/validators';
import type { CaseAnswer } from '../shared/case-command';
import { CaseAnswerDto } from '../shared/case-answer.dto';
import { plain } from '../../shared/plain';
import { dispatchCaseCommand } from '../shared/dispatch';
import { ReassignVisitorDto } from './reassign-visitor.dto';
import { Allow } from '../../privacy/policy';

@ApiTags('cases')
@Controller('cases')
export class ReassignVisitorController {
  constructor(private readonly commands: CommandBus) {}

  /** Continuity is broken on purpose: another visitor takes the case. */
  @Allow('coordinator')
  @Post(':caseId/reassign')
  @HttpCode(200)
  @ApiOkResponse({ type: CaseAnswerDto })
  handle(
    @Param('caseId', CaseIdParam) caseId: string,
    @Body() body: ReassignVisitorDto,
    @Meta() meta: CommandMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CaseAnswer> {
    return dispatchCaseCommand(this.commands, reply, caseId, { type: 'ReassignVisitor', data: plain(body) }, meta);
  }
}
