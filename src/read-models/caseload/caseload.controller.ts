import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { NotFoundError } from '../../../domain/shared/errors';
import { Assignment, assignmentPrefix, CaseCard, caseKey, Caseload, caseload, caseloadProjection, VisitorLoad, visitorKey } from '../../../projections/caseload/caseload';
import { VisitorIdParam } from '../../http/validators';
import { PositionQuery } from '../position.query';
import { ReadModelsService } from '../read-models.service';
import { Allow } from '../../privacy/policy';
import { PersonalData } from '../../privacy/personal-data';

@ApiTags('read models')
@Controller('visitors')
export class CaseloadController {
  constructor(private readonly readModels: ReadModelsService) {}

  /** A visitor's active cases: the next agreed visit (the visit card), overdue visits, open tasks, themes, risks, free places. */
  @Allow('coordinator', 'that-visitor')
  @PersonalData('caseload')
  @Get(':visitorId/caseload')
  async caseload(@Param('visitorId', VisitorIdParam) visitorId: string, @Query() query: PositionQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<Caseload> {
    await this.readModels.consistent(caseloadProjection.name, query.minPosition, reply);
    const { models } = this.readModels;
    const visitor = (await models.get(caseloadProjection.name, visitorKey(visitorId))) as VisitorLoad | undefined;
    if (!visitor) throw new NotFoundError('visitor', visitorId);
    const assigned = (await models.list(caseloadProjection.name, assignmentPrefix(visitorId))) as Assignment[];
    const cards = await models.getMany(caseloadProjection.name, assigned.map(({ caseId }) => caseKey(caseId)));
    return caseload(visitor, [...cards.values()] as CaseCard[], new Date().toISOString());
  }
}
