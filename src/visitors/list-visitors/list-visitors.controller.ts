import { Controller, Get, Query } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { PROGRAMMES, VISITOR_KINDS } from '../../../domain/shared/codes';
import type { Programme, VisitorKind } from '../../../domain/shared/codes';
import { DirectoryService } from '../../directory/directory.service';
import { Allow } from '../../privacy/policy';
import { Optional } from '../../http/validators';
import { vettingGaps } from '../../../domain/visitor/volunteer.standing';

export class ListVisitorsQuery {
  @ApiPropertyOptional({ enum: VISITOR_KINDS }) @Optional() @IsIn(VISITOR_KINDS) kind?: VisitorKind;
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: only active visitors with a free place (and, for a volunteer who applied, approved with the vetting the programme requires)' })
  @Optional()
  @IsIn(['true', 'false'])
  available?: 'true' | 'false';
  @ApiPropertyOptional({ enum: PROGRAMMES, description: 'Only visitors who serve this programme (a visitor with no profile yet serves every one; issue #18)' })
  @Optional()
  @IsIn(PROGRAMMES)
  programme?: Programme;
}

@ApiTags('visitors')
@Controller('visitors')
export class ListVisitorsController {
  constructor(private readonly directory: DirectoryService) {}

  /** Visitors with their kind, capacity, active cases and free places: who can take the next case. */
  @Allow('coordinator')
  @Get()
  list(@Query() query: ListVisitorsQuery): unknown[] {
    const now = new Date().toISOString();
    const settings = this.directory.directory.programmeSettings();
    const rows = [...this.directory.directory.visitors.values()].map((v) => {
      const activeCases = v.activeCaseIds.size;
      const programmes = v.profile?.programmes ?? (v.standing?.approvedAt !== undefined ? v.standing.programmes : undefined);
      // Issue 20: whom a booking would refuse for want of an approval or a vetting is not offered as available.
      const bookable = v.standing?.status !== 'applicant' && v.standing?.status !== 'declined' &&
        (query.programme ? vettingGaps(v.standing, query.programme, now, settings).length === 0 : (programmes ?? []).some((p) => vettingGaps(v.standing, p, now, settings).length === 0) || !v.standing?.appliedAt);
      return {
        visitorId: v.visitorId,
        name: v.name,
        kind: v.kind,
        phone: v.phone,
        active: v.active,
        capacity: v.capacity,
        activeCases,
        freePlaces: Math.max(0, v.capacity - activeCases),
        programmes,
        ...(v.standing && { status: v.standing.status, provisos: v.standing.provisos }),
        bookable,
      };
    });
    return rows
      .filter((v) => (!query.kind || v.kind === query.kind) && (query.available !== 'true' || (v.active && v.freePlaces > 0 && v.bookable)) && (!query.programme || !v.programmes || v.programmes.includes(query.programme)))
      .sort((a, b) => a.name.localeCompare(b.name, 'da'));
  }
}
