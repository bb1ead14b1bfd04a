import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { DateTime } from 'luxon';
import { PROGRAMMES } from '../../../domain/shared/codes';
import type { Programme } from '../../../domain/shared/codes';
import { DashboardSummary, monthKey, MonthDoc, MonthTotals, SUMMARY_KEY, totalKey } from '../../../projections/dashboard/aggregate-docs';
import { caseFactsProjection } from '../../../projections/dashboard/case-facts';
import { dashboard, monthsOf, MonthFigures, wholeMonth } from '../../../projections/dashboard/dashboard';
import { RequestValidationError } from '../../http/errors';
import { PositionQuery } from '../position.query';
import { ReadModelsService } from '../read-models.service';
import { Allow } from '../../privacy/policy';
import { Optional } from '../../http/validators';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (value: string) => DATE.test(value) && DateTime.fromISO(value).isValid;

export class DashboardQuery extends PositionQuery {
  @ApiPropertyOptional({ example: '2026-01-01', description: 'Copenhagen date, included; default: the first referral' }) @Optional() @Matches(DATE) from?: string;
  @ApiPropertyOptional({ example: '2026-12-31', description: 'Copenhagen date, included; default: the latest referral' }) @Optional() @Matches(DATE) to?: string;
  @ApiPropertyOptional({ enum: PROGRAMMES }) @Optional() @IsIn(PROGRAMMES) programme?: Programme;
}

/** At most this many months in one answer (ten years). */
const MAX_MONTHS = 120;

@ApiTags('read models')
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly readModels: ReadModelsService) {}

  /** Monthly figures by business time in Europe/Copenhagen: aggregates only, no names, no citizen ids. */
  @Allow('manager', 'coordinator')
  @Get()
  async get(@Query() query: DashboardQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<{ from: string | null; to: string | null; programme: Programme | null; generatedAt: string; months: MonthFigures[] }> {
    for (const field of ['from', 'to'] as const) {
      const value = query[field];
      if (value !== undefined && !isDate(value)) throw new RequestValidationError([{ field, message: `${field} must be a real date, YYYY-MM-DD` }]);
    }
    await this.readModels.consistent(caseFactsProjection.name, query.minPosition, reply);
    const summary = (await this.readModels.models.get(caseFactsProjection.name, SUMMARY_KEY)) as DashboardSummary | undefined;
    const from = query.from ?? summary?.firstReferral;
    const to = query.to ?? summary?.lastReferral;
    const generatedAt = new Date().toISOString();
    const programme = query.programme ?? null;
    if (from === undefined || to === undefined) return { from: null, to: null, programme, generatedAt, months: [] };
    if (from > to) throw new RequestValidationError([{ field: 'to', message: 'to must not come before from' }]);
    if (DateTime.fromISO(to).diff(DateTime.fromISO(from), 'months').months > MAX_MONTHS) {
      throw new RequestValidationError([{ field: 'to', message: `at most ${MAX_MONTHS} months at a time` }]);
    }
    // One document per month asked for (at most MAX_MONTHS + 1), already summed: the answer's cost does not grow with the cases.
    const range = { from, to, ...(query.programme && { programme: query.programme }) };
    const months = monthsOf(from, to);
    const keyOf = (month: string) => (wholeMonth(month, range) ? totalKey(month) : monthKey(month));
    const docs = await this.readModels.models.getMany(caseFactsProjection.name, months.map(keyOf));
    const stored = { totals: new Map<string, MonthTotals>(), days: new Map<string, MonthDoc>() };
    for (const month of months) {
      const doc = docs.get(keyOf(month));
      if (doc === undefined) continue;
      if (wholeMonth(month, range)) stored.totals.set(month, doc as MonthTotals);
      else stored.days.set(month, doc as MonthDoc);
    }
    return { from, to, programme, generatedAt, months: dashboard(summary, stored, range) };
  }
}
