import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { PROGRAMMES } from '../../../domain/shared/codes';
import type { Programme } from '../../../domain/shared/codes';
import { DueFollowUp, dueFollowUps, FOLLOW_UP_DUE_PREFIX, FollowUpItem, followUpsProjection } from '../../../projections/follow-ups/follow-ups';
import { Optional } from '../../http/validators';
import { Allow } from '../../privacy/policy';
import { PersonalData } from '../../privacy/personal-data';
import { PositionQuery } from '../position.query';
import { ReadModelsService } from '../read-models.service';

export class DueFollowUpsQuery extends PositionQuery {
  @ApiPropertyOptional({ enum: PROGRAMMES }) @Optional() @IsIn(PROGRAMMES) programme?: Programme;
  @ApiPropertyOptional({ minimum: 0, maximum: 90, default: 14, description: 'Also list follow-ups due within this many days from now' })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(90)
  withinDays?: number;
}

@ApiTags('read models')
@Controller('follow-ups')
export class FollowUpsController {
  constructor(private readonly readModels: ReadModelsService) {}

  /**
   * The follow-ups after the end (issue #19) that are due or overdue: scheduled
   * when a case closed, not yet held; oldest first. From the follow-ups read
   * model's `due:` documents only.
   */
  @Allow('coordinator')
  @PersonalData('items')
  @Get('due')
  async due(@Query() query: DueFollowUpsQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<FollowUpItem[]> {
    await this.readModels.consistent(followUpsProjection.name, query.minPosition, reply);
    const due = (await this.readModels.models.list(followUpsProjection.name, FOLLOW_UP_DUE_PREFIX)) as DueFollowUp[];
    return dueFollowUps(due, { ...(query.programme && { programme: query.programme }), withinDays: query.withinDays ?? 14 }, new Date().toISOString());
  }
}
