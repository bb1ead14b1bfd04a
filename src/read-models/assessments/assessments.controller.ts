import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsUUID, Max, Min } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { PROGRAMMES } from '../../../domain/shared/codes';
import type { Programme } from '../../../domain/shared/codes';
import { AssessmentItem, assessmentsDue } from '../../../projections/assessments/assessments-due';
import { ASSESSMENT_CASE_PREFIX, AssessmentCase, assessmentsProjection } from '../../../projections/assessments/assessments';
import { ForbiddenError } from '../../http/errors';
import { Optional } from '../../http/validators';
import type { AuthenticatedRequest } from '../../privacy/auth.guard';
import { Allow } from '../../privacy/policy';
import { PositionQuery } from '../position.query';
import { ReadModelsService } from '../read-models.service';
import { DirectoryService } from '../../directory/directory.service';

export class AssessmentsDueQuery extends PositionQuery {
  @ApiPropertyOptional({ enum: PROGRAMMES }) @Optional() @IsIn(PROGRAMMES) programme?: Programme;
  @ApiPropertyOptional({ format: 'uuid', description: "One visitor's; a visitor sees only their own whatever is given" }) @Optional() @IsUUID('all') visitorId?: string;
  @ApiPropertyOptional({ minimum: 0, maximum: 90, default: 14, description: 'Also list what falls due within this many days from now' })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(90)
  withinDays?: number;
}

@ApiTags('read models')
@Controller('assessments')
export class AssessmentsController {
  constructor(
    private readonly readModels: ReadModelsService,
    private readonly directory: DirectoryService,
  ) {}

  /**
   * Issue 22: the UCLA-3 measurements due and overdue (intake, every
   * reassessEveryWeeks while active, before the expected end, at the follow-up),
   * oldest first. Ids and dates only: no names.
   */
  @Allow('coordinator', 'visitor')
  @Get('due')
  async due(@Query() query: AssessmentsDueQuery, @Req() request: AuthenticatedRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<AssessmentItem[]> {
    const principal = request.principal!;
    let visitorId = query.visitorId?.toLowerCase();
    if (principal.role === 'visitor') {
      if (visitorId !== undefined && visitorId !== principal.visitorId) throw new ForbiddenError('a visitor sees only the measurements of their own cases');
      visitorId = principal.visitorId;
      if (visitorId === undefined) return [];
    }
    await this.readModels.consistent(assessmentsProjection.name, query.minPosition, reply);
    const cases = (await this.readModels.models.list(assessmentsProjection.name, ASSESSMENT_CASE_PREFIX)) as AssessmentCase[];
    const filter = { withinDays: query.withinDays ?? 14, ...(query.programme && { programme: query.programme }), ...(visitorId && { visitorId }) };
    // The programmes' reassessEveryWeeks in force now (the Directory's), not when the cases were projected.
    return assessmentsDue(cases, filter, new Date().toISOString(), this.directory.directory.programmeSettings());
  }
}
