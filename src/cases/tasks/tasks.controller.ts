import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandMeta } from '../../event-store/command-handler';
import { Meta } from '../../http/command-meta';
import { CaseIdParam, TaskIdParam } from '../../http/validators';
import type { CaseAnswer } from '../shared/case-command';
import { CaseAnswerDto } from '../shared/case-answer.dto';
import { plain } from '../../shared/plain';
import { dispatchCaseCommand } from '../shared/dispatch';
import { CompleteTaskDto, OpenTaskDto } from './tasks.dto';
import { Allow } from '../../privacy/policy';

/** Administrative help (helbredstillæg, boligydelse, varmehjælp, ...): opened, then completed with an outcome. */
@ApiTags('cases')
@Controller('cases/:caseId/tasks')
export class TasksController {
  constructor(private readonly commands: CommandBus) {}

  @Allow('coordinator', 'assigned-visitor')

  @Post()
  @HttpCode(200)
  @ApiOkResponse({ type: CaseAnswerDto, description: 'With the new taskId' })
  open(
    @Param('caseId', CaseIdParam) caseId: string,
    @Body() body: OpenTaskDto,
    @Meta() meta: CommandMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CaseAnswer> {
    const command = { type: 'OpenTask' as const, data: { taskId: randomUUID(), ...plain(body) } };
    return dispatchCaseCommand(this.commands, reply, caseId, command, meta);
  }

  @Allow('coordinator', 'assigned-visitor')

  @Post(':taskId/complete')
  @HttpCode(200)
  @ApiOkResponse({ type: CaseAnswerDto })
  complete(
    @Param('caseId', CaseIdParam) caseId: string,
    @Param('taskId', TaskIdParam) taskId: string,
    @Body() body: CompleteTaskDto,
    @Meta() meta: CommandMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CaseAnswer> {
    return dispatchCaseCommand(this.commands, reply, caseId, { type: 'CompleteTask', data: { taskId, ...plain(body) } }, meta);
  }
}
