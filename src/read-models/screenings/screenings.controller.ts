import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { DateTime } from 'luxon';
import { ScreeningsAnswer, screeningFigures } from '../../../projections/screenings/screening-figures';
import { REFERRED_CASE_PREFIX, ReferredCaseDoc, SCREENING_PREFIX, ScreeningDoc, screeningsProjection } from '../../../projections/screenings/screenings';
import { RequestValidationError } from '../../http/errors';
import { HumanText } from '../../http/human-text';
import { Optional, TEXT } from '../../http/validators';
import { Allow } from '../../privacy/policy';
import { PositionQuery } from '../position.query';
import { ReadModelsService } from '../read-models.service';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class ScreeningsQuery extends PositionQuery {
  @ApiPropertyOptional({ example: '2026-01-01', description: 'Copenhagen date of the screening, included' }) @Optional() @Matches(DATE, { message: 'from must be YYYY-MM-DD' }) from?: string;
  @ApiPropertyOptional({ example: '2026-12-31', description: 'Copenhagen date of the screening, included' }) @Optional() @Matches(DATE, { message: 'to must be YYYY-MM-DD' }) to?: string;
  @ApiPropertyOptional({ example: 'Hjemmeplejen Syd' }) @Optional() @HumanText('line', TEXT.name) unit?: string;
}

@ApiTags('read models')
@Controller('dashboard')
export class ScreeningsController {
  constructor(private readonly readModels: ReadModelsService) {}

  /** Issue 22: screenings per unit and month, the share scored as lonely, and how many became referrals and cases. Aggregates only. */
  @Allow('manager', 'coordinator')
  @Get('screenings')
  async get(@Query() query: ScreeningsQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<ScreeningsAnswer> {
    for (const field of ['from', 'to'] as const) {
      const value = query[field];
      if (value !== undefined && !DateTime.fromISO(value).isValid) throw new RequestValidationError([{ field, message: `${field} must be a real date, YYYY-MM-DD` }]);
    }
    if (query.from && query.to && query.from > query.to) throw new RequestValidationError([{ field: 'to', message: 'to must not come before from' }]);
    await this.readModels.consistent(screeningsProjection.name, query.minPosition, reply);
    const { models } = this.readModels;
    const screenings = (await models.list(screeningsProjection.name, SCREENING_PREFIX)) as ScreeningDoc[];
    const cases = (await models.list(screeningsProjection.name, REFERRED_CASE_PREFIX)) as ReferredCaseDoc[];
    return screeningFigures(screenings, cases, { ...(query.from && { from: query.from }), ...(query.to && { to: query.to }), ...(query.unit && { unit: query.unit }) });
  }
}
