import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { caseView, CaseView } from '../../../projections/case-view/case-view';
import { NotFoundError } from '../../../domain/shared/errors';
import { caseStreamId } from '../../../domain/shared/ids';
import { EVENT_STORE, EventStore } from '../../event-store/event-store.port';
import { DirectoryService } from '../../directory/directory.service';
import { CaseIdParam } from '../../http/validators';
import { ListCasesQuery } from './list-cases.query';
import { ForbiddenError } from '../../http/errors';
import { PersonalDataCipher } from '../../privacy/crypto/personal-data.cipher';
import type { AuthenticatedRequest } from '../../privacy/auth.guard';
import { Allow } from '../../privacy/policy';
import { PersonalData } from '../../privacy/personal-data';
import { PseudonymisedForAuditors } from '../../privacy/pseudonymiser';

/** Reads of one case, always folded from its stream when asked for, so the ETag is current. */
@ApiTags('cases')
@Controller('cases')
export class ReadCaseController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly directory: DirectoryService,
    private readonly cipher: PersonalDataCipher,
  ) {}

  /** The coordinator's list of cases, newest referral first. */
  @Allow('coordinator', 'auditor')
  @PseudonymisedForAuditors()
  @PersonalData('items')
  @Get()
  async list(@Query() query: ListCasesQuery, @Req() request: AuthenticatedRequest): Promise<unknown[]> {
    // A name search would let an auditor find out who is in the pseudonymised data.
    if (query.search !== undefined && request.principal?.role === 'auditor') throw new ForbiddenError('an auditor may not search by name');
    const needle = query.search?.toLocaleLowerCase('da');
    let rows = [...this.directory.directory.cases.values()].filter(
      (c) => (!query.status || c.status === query.status) && (!query.programme || c.programme === query.programme),
    );
    if (needle) {
      // Names are sealed in the Directory as in the events: open them to search (an erased name reads [slettet]).
      const names = await this.cipher.reveal(rows.map((c) => c.citizenName ?? ''));
      rows = rows.filter((_, i) => names[i]!.toLocaleLowerCase('da').includes(needle));
    }
    rows.sort((a, b) => (a.referredAt < b.referredAt ? 1 : a.referredAt > b.referredAt ? -1 : 0));
    return rows.slice(0, query.limit ?? 100).map(({ caseId, citizenId, status, programme, referredAt, citizenName, track, priority, visitorId, revision }) => ({
      caseId,
      citizenId,
      status,
      programme,
      referredAt,
      citizenName,
      track,
      priority,
      visitorId,
      revision,
    }));
  }

  /** The case's state as it stands, with `status`, `citizenId` and the `ETag` to send back as If-Match. */
  @Allow('coordinator', 'assigned-visitor', 'auditor')
  @PseudonymisedForAuditors()
  @PersonalData('case')
  @Get(':caseId')
  @ApiOkResponse({ description: 'The case as it stands (projections/case-view); ETag carries its revision' })
  async get(@Param('caseId', CaseIdParam) caseId: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<CaseView> {
    const view = caseView(await this.stream(caseId));
    if (!view) throw new NotFoundError('case', caseId);
    void reply.header('etag', `"${view.revision}"`);
    return view;
  }

  /** The raw stream, in revision order. */
  @Allow('coordinator', 'auditor')
  @PseudonymisedForAuditors()
  @PersonalData('case')
  @Get(':caseId/events')
  async events(@Param('caseId', CaseIdParam) caseId: string): Promise<unknown[]> {
    const events = await this.stream(caseId);
    return events.map(({ type, data, revision, position, recordedAt, metadata, schemaVersion }) => ({
      type,
      data,
      revision,
      position,
      recordedAt,
      schemaVersion,
      metadata,
    }));
  }

  private async stream(caseId: string) {
    const events = await this.store.readStream(caseStreamId(caseId));
    if (events.length === 0) throw new NotFoundError('case', caseId);
    return events;
  }
}
