import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { NotFoundError } from '../../../domain/shared/errors';
import { caseStreamId } from '../../../domain/shared/ids';
import { caseHistory, historyAsOf, HistoryEntry } from '../../../projections/case-history/case-history';
import { EVENT_STORE, EventStore } from '../../event-store/event-store.port';
import { CaseIdParam } from '../../http/validators';
import { ReadModelsService } from '../read-models.service';
import { AsOfQuery } from './as-of.query';
import { Allow } from '../../privacy/policy';
import { PersonalData } from '../../privacy/personal-data';
import { PseudonymisedForAuditors } from '../../privacy/pseudonymiser';

@ApiTags('read models')
@Controller('cases')
export class HistoryController {
  constructor(
    private readonly readModels: ReadModelsService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** The auditable timeline: every event with its Danish label, both times, revision and actor; folded from the case's stream. */
  @Allow('coordinator', 'auditor')
  @PseudonymisedForAuditors()
  @PersonalData('case')
  @Get(':caseId/history')
  async history(@Param('caseId', CaseIdParam) caseId: string, @Query() query: AsOfQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<HistoryEntry[]> {
    await this.readModels.streamConsistent(query.minPosition, reply);
    const entries = caseHistory(await this.store.readStream(caseStreamId(caseId)));
    if (entries.length === 0) throw new NotFoundError('case', caseId);
    return historyAsOf(entries, query.asOf, query.time ?? 'occurred');
  }
}
