import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { Partner, PartnerRow, partners, partnersProjection } from '../../../projections/partners/partners';
import { PositionQuery } from '../position.query';
import { ReadModelsService } from '../read-models.service';
import { Allow } from '../../privacy/policy';
import { Optional } from '../../http/validators';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class PartnersQuery extends PositionQuery {
  @ApiPropertyOptional({ default: 90, description: 'Partners with no referral for longer are flagged for a reminder visit' })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(36_500)
  silentDays?: number;
  @ApiPropertyOptional({ example: '2026-01-01' }) @Optional() @Matches(DATE, { message: 'from must be a date, YYYY-MM-DD' }) from?: string;
  @ApiPropertyOptional({ example: '2026-12-31' }) @Optional() @Matches(DATE, { message: 'to must be a date, YYYY-MM-DD' }) to?: string;
}

@ApiTags('read models')
@Controller('partners')
export class PartnersController {
  constructor(private readonly readModels: ReadModelsService) {}

  /** Who refers citizens, how many in the period, and who has gone silent (the companion guide's reminder visits). */
  @Allow('manager', 'coordinator')
  @Get()
  async list(@Query() query: PartnersQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<PartnerRow[]> {
    await this.readModels.consistent(partnersProjection.name, query.minPosition, reply);
    const all = (await this.readModels.models.list(partnersProjection.name)) as Partner[];
    return partners(all, { silentDays: query.silentDays ?? 90, ...(query.from && { from: query.from }), ...(query.to && { to: query.to }) }, new Date().toISOString());
  }
}
