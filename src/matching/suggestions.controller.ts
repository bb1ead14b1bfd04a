import { Controller, Get, Inject, Param, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Suggestions } from '../../domain/matching/suggest';
import { NotFoundError } from '../../domain/shared/errors';
import { caseStreamId } from '../../domain/shared/ids';
import { caseView } from '../../projections/case-view/case-view';
import { suggestionsFor } from '../../projections/matching/suggestions';
import { DirectoryService } from '../directory/directory.service';
import { EVENT_STORE, EventStore } from '../event-store/event-store.port';
import { CaseIdParam } from '../http/validators';
import type { AuthenticatedRequest } from '../privacy/auth.guard';
import { Allow } from '../privacy/policy';

/** Who fits the case, and which offers: best first, with reasons (issue #18; the rules in domain/matching/suggest.ts). */
@ApiTags('cases')
@Controller('cases')
export class SuggestionsController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly directory: DirectoryService,
  ) {}

  /** The coordinator sees visitors and offers; the case's visitor the offers alone (the case is theirs already). */
  @Allow('coordinator', 'assigned-visitor')
  @Get(':caseId/suggestions')
  @ApiOkResponse({ description: '{ visitors: [{ visitorId, name, score, reasons, freePlaces }], offers: [{ offerId, name, kind, postcode, score, reasons }] }, at most 10 each' })
  async suggestions(@Param('caseId', CaseIdParam) caseId: string, @Req() request: AuthenticatedRequest): Promise<Suggestions> {
    const view = caseView(await this.store.readStream(caseStreamId(caseId)));
    if (!view) throw new NotFoundError('case', caseId);
    // A closed case needs nobody and nothing new: an empty answer, not a refusal.
    if (view.status === 'Closed') return { visitors: [], offers: [] };
    return suggestionsFor(view, this.directory.directory, request.principal?.role === 'visitor', new Date().toISOString());
  }
}
