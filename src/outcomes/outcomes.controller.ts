import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Funnel } from '../../projections/outcomes/funnel';
import { outcomes, Outcomes } from '../../projections/outcomes/outcomes';
import { Allow } from '../privacy/policy';
import { OutcomesQuery, rangeOf } from './outcomes.query';
import { OutcomesReader } from './outcomes.reader';

/** `GET /outcomes` (issue 22): what the work achieved, aggregates only, no cell under five cases. */
@ApiTags('outcomes')
@Controller('outcomes')
export class OutcomesController {
  constructor(private readonly reader: OutcomesReader) {}

  @Allow('manager', 'auditor')
  @Get()
  @ApiOkResponse({ description: 'For the cases closed in the period: UCLA-3 first vs last, relations, follow-ups, waiting; split by programme, referrer role, partner kind and age band; the funnel from screening to relation for the screenings of the period. A cell under 5 cases is { suppressed: true, display: "< 5" }.' })
  async get(@Query() query: OutcomesQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<Outcomes & { funnel: Funnel; generatedAt: string }> {
    const range = rangeOf(query);
    const cases = await this.reader.closedCases(range, query.minPosition, reply);
    const funnel = await this.reader.funnel(range, query.minPosition, reply);
    return { ...outcomes(cases, range, await this.reader.partnerKinds()), funnel, generatedAt: new Date().toISOString() };
  }
}
