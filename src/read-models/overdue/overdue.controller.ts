import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { PROGRAMMES } from '../../../domain/shared/codes';
import type { Programme } from '../../../domain/shared/codes';
import { caseloadProjection } from '../../../projections/caseload/caseload';
import { DUE_PREFIX, DueVisit, OverdueVisit, overdueVisits } from '../../../projections/caseload/overdue';
import { ForbiddenError } from '../../http/errors';
import { Optional } from '../../http/validators';
import { Allow } from '../../privacy/policy';
import { PersonalData } from '../../privacy/personal-data';
import type { AuthenticatedRequest } from '../../privacy/auth.guard';
import { PositionQuery } from '../position.query';
import { ReadModelsService } from '../read-models.service';

export class OverdueQuery extends PositionQuery {
  @ApiPropertyOptional({ enum: PROGRAMMES }) @Optional() @IsIn(PROGRAMMES) programme?: Programme;
  @ApiPropertyOptional({ format: 'uuid', description: "One visitor's; a visitor sees only their own whatever is given" }) @Optional() @IsUUID('all') visitorId?: string;
}

@ApiTags('read models')
@Controller('visits')
export class OverdueController {
  constructor(private readonly readModels: ReadModelsService) {}

  /**
   * Overdue visits at a glance: the agreed next visit lies in the past and no
   * visit has been recorded since, on an active case that is not paused;
   * oldest first. From the caseload read model's `due:` markers.
   */
  @Allow('coordinator', 'visitor')
  @PersonalData('items')
  @Get('overdue')
  async overdue(@Query() query: OverdueQuery, @Req() request: AuthenticatedRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<OverdueVisit[]> {
    const principal = request.principal!;
    let visitorId = query.visitorId?.toLowerCase();
    if (principal.role === 'visitor') {
      if (visitorId !== undefined && visitorId !== principal.visitorId) throw new ForbiddenError('a visitor sees only their own overdue visits');
      visitorId = principal.visitorId;
      // A visitor token always names its visitor (src/privacy/tokens.ts); without one there is nothing of theirs to show.
      if (visitorId === undefined) return [];
    }
    await this.readModels.consistent(caseloadProjection.name, query.minPosition, reply);
    const due = (await this.readModels.models.list(caseloadProjection.name, DUE_PREFIX)) as DueVisit[];
    return overdueVisits(due, { ...(query.programme && { programme: query.programme }), ...(visitorId && { visitorId }) }, new Date().toISOString());
  }
}
