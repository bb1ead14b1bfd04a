import { randomUUID } from 'node:crypto';
import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus, CommandHandler as NestCommandHandler, ICommand, ICommandHandler } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { RegisterVisitor } from '../../../domain/visitor/visitor.commands';
import { visitorDecider } from '../../../domain/visitor/visitor.stream';
import { visitorStreamId } from '../../../domain/shared/ids';
import { CommandHandler, CommandMeta, CommandOutcome } from '../../event-store/command-handler';
import { commandAnswer } from '../../http/command-answer';
import { Meta } from '../../http/command-meta';
import { plain } from '../../shared/plain';
import { RegisterVisitorDto } from './register-visitor.dto';
import { Allow } from '../../privacy/policy';

export interface VisitorAnswer {
  visitorId: string;
  revision: number;
  position: number;
}

export class RegisterVisitorMessage implements ICommand {
  constructor(
    readonly command: RegisterVisitor,
    readonly meta: CommandMeta,
  ) {}
}

@NestCommandHandler(RegisterVisitorMessage)
export class RegisterVisitorHandler implements ICommandHandler<RegisterVisitorMessage, CommandOutcome<VisitorAnswer>> {
  constructor(private readonly handler: CommandHandler) {}

  execute({ command, meta }: RegisterVisitorMessage): Promise<CommandOutcome<VisitorAnswer>> {
    const { visitorId } = command.data;
    return this.handler.handle({
      decider: visitorDecider,
      streamId: visitorStreamId(visitorId),
      command,
      meta,
      answer: ({ revision, position }) => ({ visitorId, revision, position }),
    });
  }
}

@ApiTags('visitors')
@Controller('visitors')
export class RegisterVisitorController {
  constructor(private readonly commands: CommandBus) {}

  /** A visitor joins the registry: a volunteer, a volunteer with a professional background, or an employee. */
  @Allow('coordinator', 'admin')
  @Post()
  @ApiCreatedResponse({ description: '{ visitorId, revision, position }' })
  async register(@Body() body: RegisterVisitorDto, @Meta() meta: CommandMeta, @Res({ passthrough: true }) reply: FastifyReply): Promise<VisitorAnswer> {
    const command: RegisterVisitor = { type: 'RegisterVisitor', data: { visitorId: randomUUID(), ...plain(body) } };
    const outcome: CommandOutcome<VisitorAnswer> = await this.commands.execute(new RegisterVisitorMessage(command, meta));
    return commandAnswer(reply, outcome, { location: `/visitors/${outcome.answer.visitorId}` });
  }
}
