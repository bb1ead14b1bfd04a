import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { VisitorProfile } from '../../domain/matching/matching.profile';
import { NotFoundError } from '../../domain/shared/errors';
import { DirectoryService } from '../directory/directory.service';
import { VisitorIdParam } from '../http/validators';
import { Allow } from '../privacy/policy';

export interface VisitorProfileAnswer {
  visitorId: string;
  name: string;
  kind: string;
  active: boolean;
  /** null until the first profile: the visitor then serves every programme. */
  profile: VisitorProfile | null;
}

/** A visitor's profile, for the profile page (issue #18). */
@ApiTags('visitors')
@Controller('visitors')
export class VisitorProfileController {
  constructor(private readonly directory: DirectoryService) {}

  @Allow('coordinator', 'admin', 'that-visitor')
  @Get(':visitorId/profile')
  get(@Param('visitorId', VisitorIdParam) visitorId: string): VisitorProfileAnswer {
    const visitor = this.directory.directory.visitors.get(visitorId);
    if (!visitor) throw new NotFoundError('visitor', visitorId);
    return { visitorId, name: visitor.name, kind: visitor.kind, active: visitor.active, profile: visitor.profile ?? null };
  }
}
