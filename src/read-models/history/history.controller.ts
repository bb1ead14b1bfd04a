import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { NotFoundError } from '../../../domain/shared/errors';
import { caseHistoryProjection, historyAsOf, HistoryEntry, historyPrefix } from '../../../projections/case-history/case-history';
import { CaseIdParam } from '../../http/validators';
import { ReadModelsService } from '../read-models.service';
import { AsOfQuery } from './as-of.query';
import { Allow } from '../../privacy/policy';
import { PersonalData } from '../../privacy/personal-data';
import { PseudonymisedForAuditors } from '../../privacy/pseudonymise.interceptor';

@ApiTags('read models')
@Controller('cases')
export class HistoryController {
  constructor(private readonly readModels: ReadModelsService) {}

  /** The auditable timeline: every event with its Danish label, both times, revision and actor. */
  @Allow('coordinator', 'auditor')
  @PseudonymisedForAuditors()
  @PersonalData('case')
  @Get(':caseId/history')
  async history(@Param('caseId', CaseIdParam) caseId: string, @Query() query: AsOfQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<HistoryEntry[]> {
    await this.readModels.consistent(caseHistoryProjection.name, query.minPosition, reply);
    const entries = (await this.readModels.models.list(caseHistoryProjection.name, historyPrefix(caseId))) as HistoryEntry[];
    if (entries.length === 0) throw new NotFoundError('case', caseId);
    return historyAsOf(entries, query.asOf, query.time ?? 'occurred');
  }
}
