import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { NotFoundError } from '../../../domain/shared/errors';
import { caseStreamId, citizenStreamId } from '../../../domain/shared/ids';
import { DirectoryService } from '../../directory/directory.service';
import { EVENT_STORE, EventStore } from '../../event-store/event-store.port';
import { UuidParam } from '../../http/validators';
import { AccessLogService } from '../../privacy/access-log.service';
import type { AccessEntry } from '../../privacy/access-log.store';
import { PersonalData } from '../../privacy/personal-data';
import { Allow } from '../../privacy/policy';

const CitizenIdParam = new UuidParam('citizenId');

interface ExportedEvent {
  type: string;
  data: unknown;
  revision: number;
  occurredAt: string;
  recordedAt: string;
  actor: { id: string; role: string };
}

@ApiTags('citizens')
@Controller('citizens')
export class CitizenExportController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly directory: DirectoryService,
    private readonly accessLog: AccessLogService,
  ) {}

  /** Everything held about the person (GDPR art. 15): every case's events, the citizen's own stream, and who read it. */
  @Allow('admin')
  @PersonalData('citizen')
  @Get(':citizenId/export')
  async export(@Param('citizenId', CitizenIdParam) citizenId: string): Promise<{ citizenId: string; exportedAt: string; cases: Array<{ caseId: string; events: ExportedEvent[] }>; citizen: ExportedEvent[]; accessLog: AccessEntry[] }> {
    const citizen = this.directory.directory.citizens.get(citizenId);
    if (!citizen) throw new NotFoundError('citizen', citizenId);
    const shape = (events: Awaited<ReturnType<EventStore['readStream']>>): ExportedEvent[] =>
      events.map((e) => ({ type: e.type, data: e.data, revision: e.revision, occurredAt: e.metadata.occurredAt, recordedAt: e.recordedAt, actor: e.metadata.actor }));
    const cases = await Promise.all(citizen.caseIds.map(async (caseId) => ({ caseId, events: shape(await this.store.readStream(caseStreamId(caseId))) })));
    return {
      citizenId,
      exportedAt: new Date().toISOString(),
      cases,
      citizen: shape(await this.store.readStream(citizenStreamId(citizenId))),
      accessLog: await this.accessLog.forCitizen(citizenId),
    };
  }
}
