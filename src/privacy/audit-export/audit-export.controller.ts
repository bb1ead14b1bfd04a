import { Readable } from 'node:stream';
import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { streamCategory, streamEntityId } from '../../../domain/shared/ids';
import { historyLabel } from '../../../projections/case-history/labels.da';
import { pseudonymise } from '../../../projections/shared/pseudonymise';
import { DirectoryService } from '../../directory/directory.service';
import { EVENT_STORE, EventStore } from '../../event-store/event-store.port';
import { pagesThroughHead } from '../../event-store/read-through-head';
import { AccessLogService } from '../access-log.service';
import type { AuthenticatedRequest } from '../auth.guard';
import { Allow } from '../policy';
import { Pseudonymiser } from '../pseudonymiser';

const PAGE = 2000;

@ApiTags('privacy')
@Controller('audit')
export class AuditExportController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly directory: DirectoryService,
    private readonly accessLog: AccessLogService,
    private readonly pseudonymiser: Pseudonymiser,
  ) {}

  /**
   * Every case's history for evaluators, one JSON object per line in global
   * order: codes and dates kept, the citizen as a stable pseudonym, no names,
   * contact details, CPR or free text. Streamed, so its size does not matter.
   */
  @Allow('auditor')
  @Get('export')
  @ApiOkResponse({ description: 'application/x-ndjson: { caseId, citizen, type, label, occurredAt, recordedAt, revision, data }' })
  export(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): void {
    const { directory } = this.directory;
    const pseudonyms = this.pseudonymiser.pseudonyms;
    const store = this.store;
    const citizens = new Set<string>();
    async function* lines(): AsyncGenerator<string> {
      // Every event acknowledged before the export began, though another transaction holds it back for a moment.
      for await (const page of pagesThroughHead(store, PAGE)) {
        for (const event of page) {
          if (streamCategory(event.streamId) !== 'case') continue;
          const caseId = streamEntityId(event.streamId);
          const known = directory.cases.get(caseId);
          const citizenId = known?.citizenId;
          if (citizenId) citizens.add(citizenId);
          const line = {
            caseId,
            citizen: citizenId ? pseudonyms.of(citizenId) : null,
            type: event.type,
            label: historyLabel(event.type, known?.programme),
            occurredAt: event.metadata.occurredAt,
            recordedAt: event.recordedAt,
            revision: event.revision,
            data: pseudonymise(event.data, (id) => pseudonyms.of(id)),
          };
          yield `${JSON.stringify(line)}\n`;
        }
      }
    }
    const body = Readable.from(lines());
    // One access-log entry for the whole export, naming every citizen in it.
    body.on('end', () => {
      const { principal } = request;
      if (principal && citizens.size > 0) this.accessLog.record({ at: new Date().toISOString(), subject: principal.sub, role: principal.role, route: 'GET /audit/export', citizenIds: [...citizens] });
    });
    void reply.header('content-type', 'application/x-ndjson; charset=utf-8').send(body);
  }
}
