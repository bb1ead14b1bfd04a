import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import { DateTime } from 'luxon';
import { PROGRAMMES } from '../../domain/shared/codes';
import type { Programme } from '../../domain/shared/codes';
import type { OutcomeRange } from '../../projections/outcomes/outcomes';
import { ZONE } from '../../projections/shared/time';
import { RequestValidationError } from '../http/errors';
import { Optional } from '../http/validators';
import { PositionQuery } from '../read-models/position.query';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** At most this many months in one period (ten years), as the dashboard. */
export const MAX_MONTHS = 120;

/** `?from&to&programme`: the cases closed from one Copenhagen date to another, both included. */
export class OutcomesQuery extends PositionQuery {
  @ApiPropertyOptional({ example: '2026-01-01', description: 'Cases closed from this Copenhagen date, included; default: a year before `to`' })
  @Optional()
  @Matches(DATE, { message: 'from must be a date, YYYY-MM-DD' })
  from?: string;
  @ApiPropertyOptional({ example: '2026-12-31', description: 'Cases closed up to this Copenhagen date, included; default: today' })
  @Optional()
  @Matches(DATE, { message: 'to must be a date, YYYY-MM-DD' })
  to?: string;
  @ApiPropertyOptional({ enum: PROGRAMMES })
  @Optional()
  @IsIn(PROGRAMMES)
  programme?: Programme;
}

/** The period a query names, checked: real dates, `from` not after `to`, at most MAX_MONTHS months. */
export function rangeOf(query: OutcomesQuery, now = new Date()): OutcomeRange {
  for (const field of ['from', 'to'] as const) {
    const value = query[field];
    if (value !== undefined && !DateTime.fromISO(value).isValid) throw new RequestValidationError([{ field, message: `${field} must be a real date, YYYY-MM-DD` }]);
  }
  const to = query.to ?? DateTime.fromJSDate(now, { zone: ZONE }).toISODate()!;
  const from = query.from ?? DateTime.fromISO(to).minus({ years: 1 }).plus({ days: 1 }).toISODate()!;
  if (from > to) throw new RequestValidationError([{ field: 'to', message: 'to must not come before from' }]);
  if (DateTime.fromISO(to).diff(DateTime.fromISO(from), 'months').months > MAX_MONTHS) {
    throw new RequestValidationError([{ field: 'to', message: `at most ${MAX_MONTHS} months at a time` }]);
  }
  return { from, to, ...(query.programme && { programme: query.programme }) };
}
