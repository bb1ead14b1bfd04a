import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { PROGRAMMES, TRACKS } from '../../../domain/shared/codes';
import type { Programme, Track } from '../../../domain/shared/codes';
import { WAITING_STAGES, WaitingCase, waitingList, WaitingListEntry, waitingListProjection, WaitingStage } from '../../../projections/waiting-list/waiting-list';
import { PositionQuery } from '../position.query';
import { ReadModelsService } from '../read-models.service';
import { Allow } from '../../privacy/policy';
import { PersonalData } from '../../privacy/personal-data';
import { Optional } from '../../http/validators';

export class WaitingListQuery extends PositionQuery {
  @ApiPropertyOptional({ enum: WAITING_STAGES, description: 'referred: not yet triaged; waiting: triaged, waiting for a visitor' }) @Optional() @IsIn(WAITING_STAGES) stage?: WaitingStage;
  @ApiPropertyOptional({ enum: TRACKS }) @Optional() @IsIn(TRACKS) track?: Track;
  @ApiPropertyOptional({ enum: PROGRAMMES }) @Optional() @IsIn(PROGRAMMES) programme?: Programme;
  @ApiPropertyOptional({ minimum: 1, maximum: 1_000_000, default: 100 })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  limit?: number;
}

@ApiTags('read models')
@Controller('waiting-list')
export class WaitingListController {
  constructor(private readonly readModels: ReadModelsService) {}

  /** The waiting folder (ventemappe): referrals to triage, oldest first, then triaged cases with no first visit, high priority first, then the oldest referral. */
  @Allow('coordinator')
  @PersonalData('items')
  @Get()
  async list(@Query() query: WaitingListQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<WaitingListEntry[]> {
    await this.readModels.consistent(waitingListProjection.name, query.minPosition, reply);
    const cases = (await this.readModels.models.list(waitingListProjection.name)) as WaitingCase[];
    return waitingList(cases, { limit: query.limit ?? 100, ...(query.stage && { stage: query.stage }), ...(query.track && { track: query.track }), ...(query.programme && { programme: query.programme }) }, new Date().toISOString());
  }
}
