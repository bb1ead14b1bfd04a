import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError } from '../../domain/shared/errors';
import { DirectoryService } from '../directory/directory.service';
import { RequestValidationError } from '../http/errors';
import { UuidParam } from '../http/validators';
import { accessLogPage, decodeCursor, encodeCursor } from './access-log.page';
import { AccessLogQuery } from './access-log.query';
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

  /**
   * Who read this person's data, when, through which route (GDPR art. 15): for
   * the data controller's staff. Filtered by period and role, and paged: the
   * next page's address is in `Link: <…>; rel="next"` (RFC 8288).
   */
  @Allow('admin')
  @Get(':citizenId/access-log')
  async accessLog(
    @Param('citizenId', CitizenIdParam) citizenId: string,
    @Query() query: AccessLogQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AccessEntry[]> {
    const cursor = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    if (query.cursor !== undefined && !cursor) throw new RequestValidationError([{ field: 'cursor', message: 'cursor must be the one given in the Link header of the page before' }]);
    if (!this.directory.directory.citizens.has(citizenId)) throw new NotFoundError('citizen', citizenId);
    const page = accessLogPage(await this.log.forCitizen(citizenId), { ...query, order: query.order ?? 'oldest', cursor });
    if (page.next) {
      const next = new URL(request.url, 'http://localhost');
      next.searchParams.set('cursor', encodeCursor(page.next));
      void reply.header('link', `<${next.pathname}${next.search}>; rel="next"`);
    }
    return page.entries;
  }
}
