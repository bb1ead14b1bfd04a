import { Controller, Get, Inject, Param, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { NotFoundError } from '../../domain/shared/errors';
import { attention, AttentionRow, volunteerView, VolunteerView } from '../../projections/volunteers/volunteer-view';
import { DirectoryService } from '../directory/directory.service';
import { VisitorIdParam } from '../http/validators';
import type { AuthenticatedRequest } from '../privacy/auth.guard';
import { Allow } from '../privacy/policy';
import { AccessLogService } from '../privacy/access-log.service';
import type { AccessEntry } from '../privacy/access-log.store';
import { PersonalData } from '../privacy/personal-data';
import { EVENT_STORE, EventStore } from '../event-store/event-store.port';
import { visitorStreamId } from '../../domain/shared/ids';
import { visitorHistory, VisitorHistoryEntry } from '../../projections/volunteers/volunteer-history';

/** A volunteer lead's row: status and caseload counts, nothing of citizens. */
export interface LedVolunteer {
  visitorId: string;
  name: string;
  status: VolunteerView['status'];
  capacity: number;
  activeCases: number;
}

/**
 * The volunteer's views (issue 20), read from the Directory: no citizen's data
 * in any of them (counts of cases and visits only), and no note (those are in
 * the visitor's stream, sealed). Static paths are matched before `:visitorId`.
 */
@ApiTags('visitors')
@Controller('visitors')
export class VolunteerViewsController {
  constructor(
    private readonly directory: DirectoryService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly accessLog: AccessLogService,
  ) {}

  /** Who read the volunteer's notes (GET …/history), oldest first: the admin's answer to "who has seen what about me". */
  @Allow('admin')
  @Get(':visitorId/access-log')
  async readsOf(@Param('visitorId', VisitorIdParam) visitorId: string): Promise<AccessEntry[]> {
    if (!this.directory.directory.visitors.has(visitorId)) throw new NotFoundError('visitor', visitorId);
    return this.accessLog.forCitizen(visitorId);
  }

  /** "Brug for opmærksomhed": who needs something. */
  @Allow('coordinator')
  @Get('attention')
  attention(): AttentionRow[] {
    return attention(this.directory.directory.visitors.values(), new Date().toISOString(), this.directory.directory.programmeSettings());
  }

  /** The volunteers whose contact person the calling volunteer lead is. */
  @Allow('volunteer_lead')
  @Get('led')
  led(@Req() request: AuthenticatedRequest): LedVolunteer[] {
    const sub = request.principal?.sub;
    const now = new Date().toISOString();
    const settings = this.directory.directory.programmeSettings();
    return [...this.directory.directory.visitors.values()]
      .filter((v) => sub !== undefined && v.standing?.coordinatorSub === sub)
      .map((v) => {
        const view = volunteerView(v, now, settings);
        return { visitorId: v.visitorId, name: v.name, status: view.status, capacity: v.capacity, activeCases: view.activeCases };
      })
      .sort((a, b) => a.name.localeCompare(b.name, 'da'));
  }

  /** The volunteer's timeline with the notes about them (opened at the edge, access-logged under the visitor's id). */
  @Allow('coordinator', 'admin', 'that-visitor')
  @PersonalData('visitor')
  @Get(':visitorId/history')
  async history(@Param('visitorId', VisitorIdParam) visitorId: string): Promise<VisitorHistoryEntry[]> {
    const events = await this.store.readStream(visitorStreamId(visitorId));
    if (events.length === 0) throw new NotFoundError('visitor', visitorId);
    return visitorHistory(events);
  }

  /** The volunteer's page: standing, vetting and training with expiry, supervision, caseload counts, visits and hours. */
  @Allow('coordinator', 'admin', 'that-visitor', 'lead-of-that-visitor')
  @Get(':visitorId')
  get(@Param('visitorId', VisitorIdParam) visitorId: string): VolunteerView {
    const visitor = this.directory.directory.visitors.get(visitorId);
    if (!visitor) throw new NotFoundError('visitor', visitorId);
    return volunteerView(visitor, new Date().toISOString(), this.directory.directory.programmeSettings());
  }
}
