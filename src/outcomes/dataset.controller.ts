import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { datasetCsv } from '../../projections/outcomes/dataset';
import { Allow } from '../privacy/policy';
import { Pseudonymiser } from '../privacy/pseudonymiser';
import { OutcomesQuery, rangeOf } from './outcomes.query';
import { OutcomesReader } from './outcomes.reader';

/** `GET /audit/dataset.csv` (issue 22): the evaluator's data set, the same rows as the manager's `GET /reports/period.csv`. */
@ApiTags('privacy')
@Controller('audit')
export class AuditDatasetController {
  constructor(
    private readonly reader: OutcomesReader,
    private readonly pseudonymiser: Pseudonymiser,
  ) {}

  @Allow('auditor')
  @Get('dataset.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'One pseudonymised row per case closed from `from` to `to` (docs/evaluation-codebook.md): no name, citizen id, address, CPR or free text.' })
  async dataset(@Query() query: OutcomesQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const range = rangeOf(query);
    const cases = await this.reader.closedCases(range, query.minPosition, reply);
    void reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="evaluering-${range.from}-${range.to}.csv"`);
    return datasetCsv(cases, (caseId) => this.pseudonymiser.pseudonyms.ofCase(caseId), await this.reader.partnerKinds());
  }
}
