import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { DateTime } from 'luxon';
import { RequestValidationError } from '../http/errors';
import { PROGRAMMES } from '../../domain/shared/codes';
import type { Programme } from '../../domain/shared/codes';
import { Gaps, gaps } from '../../projections/matching/gaps';
import { MatchFacts, matchFactsProjection } from '../../projections/matching/match-facts';
import { DirectoryService } from '../directory/directory.service';
import { Optional } from '../http/validators';
import { Allow } from '../privacy/policy';
import { PositionQuery } from '../read-models/position.query';
import { ReadModelsService } from '../read-models/read-models.service';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class GapsQuery extends PositionQuery {
  @ApiPropertyOptional({ example: '2026-01-01', description: 'Cases referred from this day (Copenhagen), inclusive' }) @Optional() @Matches(DATE, { message: 'from must be a date, YYYY-MM-DD' }) from?: string;
  @ApiPropertyOptional({ example: '2026-12-31', description: 'Cases referred up to this day, inclusive' }) @Optional() @Matches(DATE, { message: 'to must be a date, YYYY-MM-DD' }) to?: string;
  @ApiPropertyOptional({ enum: PROGRAMMES }) @Optional() @IsIn(PROGRAMMES) programme?: Programme;
}

/** `GET /offers/gaps`: where offers are missing, for the manager (aggregates only). */
@ApiTags('offers')
@Controller('offers')
export class GapsController {
  constructor(
    private readonly readModels: ReadModelsService,
    private readonly directory: DirectoryService,
  ) {}

  @Allow('manager', 'coordinator')
  @Get('gaps')
  async gaps(@Query() query: GapsQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<Gaps> {
    for (const field of ['from', 'to'] as const) {
      const value = query[field];
      if (value !== undefined && !DateTime.fromISO(value).isValid) throw new RequestValidationError([{ field, message: `${field} must be a real date, YYYY-MM-DD` }]);
    }
    await this.readModels.consistent(matchFactsProjection.name, query.minPosition, reply);
    const facts = (await this.readModels.models.list(matchFactsProjection.name)) as MatchFacts[];
    return gaps(facts, this.directory.directory.offers.values(), { ...(query.from && { from: query.from }), ...(query.to && { to: query.to }), ...(query.programme && { programme: query.programme }) });
  }
}
