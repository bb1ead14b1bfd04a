import { Controller, Get, Query } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { PROGRAMMES, VISITOR_KINDS } from '../../../domain/shared/codes';
import type { Programme, VisitorKind } from '../../../domain/shared/codes';
import { DirectoryService } from '../../directory/directory.service';
import { Allow } from '../../privacy/policy';
import { Optional } from '../../http/validators';

export class ListVisitorsQuery {
  @ApiPropertyOptional({ enum: VISITOR_KINDS }) @Optional() @IsIn(VISITOR_KINDS) kind?: VisitorKind;
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: only active visitors with a free place' })
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
    const rows = [...this.directory.directory.visitors.values()].map((v) => {
      const activeCases = v.activeCaseIds.size;
      return {
        visitorId: v.visitorId,
        name: v.name,
        kind: v.kind,
        phone: v.phone,
        active: v.active,
        capacity: v.capacity,
        activeCases,
        freePlaces: Math.max(0, v.capacity - activeCases),
        programmes: v.profile?.programmes,
      };
    });
    return rows
      .filter((v) => (!query.kind || v.kind === query.kind) && (query.available !== 'true' || (v.active && v.freePlaces > 0)) && (!query.programme || !v.programmes || v.programmes.includes(query.programme)))
      .sort((a, b) => a.name.localeCompare(b.name, 'da'));
  }
}
