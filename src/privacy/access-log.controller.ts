import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { NotFoundError } from '../../domain/shared/errors';
import { DirectoryService } from '../directory/directory.service';
import { UuidParam } from '../http/validators';
import type { AccessEntry } from './access-log.store';
import { AccessLogService } from './access-log.service';
import { Allow } from './policy';

const CitizenIdParam = new UuidParam('citizenId');

@ApiTags('privacy')
@Controller('citizens')
export class AccessLogController {
  constructor(
    private readonly log: AccessLogService,
    private readonly directory: DirectoryService,
  ) {}

  /** Who read this person's data, when, through which route (GDPR art. 15): for the data controller's staff. */
  @Allow('admin')
  @Get(':citizenId/access-log')
  async accessLog(@Param('citizenId', CitizenIdParam) citizenId: string): Promise<AccessEntry[]> {
    if (!this.directory.directory.citizens.has(citizenId)) throw new NotFoundError('citizen', citizenId);
    return this.log.forCitizen(citizenId);
  }
}
