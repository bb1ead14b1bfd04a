import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { datasetCsv } from '../../projections/outcomes/dataset';
import { outcomes } from '../../projections/outcomes/outcomes';
import { Allow } from '../privacy/policy';
import { Pseudonymiser } from '../privacy/pseudonymiser';
import { ReadModelsService } from '../read-models/read-models.service';
import { caseFactsProjection } from '../../projections/dashboard/case-facts';
import { dashboardMonths } from './dashboard-figures';
import { OutcomesQuery, rangeOf } from './outcomes.query';
import { OutcomesReader } from './outcomes.reader';
import { periodReportPdf } from './report-pdf';

/** The period's name in a file name: `perioderapport-2026-01-01-2026-12-31[-care_visits].pdf`. */
const fileName = (range: { from: string; to: string; programme?: string }, extension: string, stem = 'perioderapport') =>
  `${stem}-${range.from}-${range.to}${range.programme ? `-${range.programme}` : ''}.${extension}`;

/** Reports for people who do not use the app (issue 22): the period as a PDF and as a data set. Aggregates or pseudonymised rows only. */
@ApiTags('outcomes')
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reader: OutcomesReader,
    private readonly readModels: ReadModelsService,
    private readonly pseudonymiser: Pseudonymiser,
  ) {}

  @Allow('manager')
  @Get('period.pdf')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'A Danish report of the period: a one-page summary, the outcomes as tables and charts, the dashboard figures. No personal data; no cell under 5 cases.' })
  async pdf(@Query() query: OutcomesQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const range = rangeOf(query);
    const cases = await this.reader.closedCases(range, query.minPosition, reply);
    await this.readModels.consistent(caseFactsProjection.name, query.minPosition, reply);
    const funnel = await this.reader.funnel(range, query.minPosition, reply);
    const months = await dashboardMonths(this.readModels, range);
    const body = await periodReportPdf({ outcomes: outcomes(cases, range, await this.reader.partnerKinds()), funnel, months, generatedAt: new Date() });
    void reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${fileName(range, 'pdf')}"`);
    return body;
  }

  @Allow('manager')
  @Get('period.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'One pseudonymised row per case closed in the period, the columns of docs/evaluation-codebook.md.' })
  async csv(@Query() query: OutcomesQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const range = rangeOf(query);
    const cases = await this.reader.closedCases(range, query.minPosition, reply);
    void reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${fileName(range, 'csv', 'datasaet')}"`);
    return datasetCsv(cases, (caseId) => this.pseudonymiser.pseudonyms.ofCase(caseId), await this.reader.partnerKinds());
  }
}
