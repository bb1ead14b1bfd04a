import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CaseEvent } from '../../../domain/case/case.events';
import { caseDecider } from '../../../domain/case/case.stream';
import { NotFoundError } from '../../../domain/shared/errors';
import { caseStreamId } from '../../../domain/shared/ids';
import { toMessage } from '../../event-store/command-handler';
import { EVENT_STORE, EventStore } from '../../event-store/event-store.port';
import { CaseIdParam } from '../../http/validators';
import { AsOfQuery } from '../history/as-of.query';
import { Allow } from '../../privacy/policy';
import { PersonalData } from '../../privacy/personal-data';
import { PseudonymisedForAuditors } from '../../privacy/pseudonymiser';

@ApiTags('read models')
@Controller('cases')
export class ReplayController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /**
   * The case as it stood at `asOf`, folded with the same decider from the events
   * that had happened (or that we knew of) by then, in revision order.
   */
  @Allow('coordinator', 'auditor')
  @PseudonymisedForAuditors()
  @PersonalData('case')
  @Get(':caseId/replay')
  async replay(@Param('caseId', CaseIdParam) caseId: string, @Query() query: AsOfQuery): Promise<unknown> {
    const events = await this.store.readStream(caseStreamId(caseId));
    const limit = query.asOf === undefined ? Infinity : Date.parse(query.asOf);
    const time = query.time ?? 'occurred';
    const known = events.filter((e) => Date.parse(time === 'occurred' ? e.metadata.occurredAt : e.recordedAt) <= limit);
    // Nothing known yet, or only later events without the referral that opens the case.
    const state = known.reduce((s, e) => caseDecider.evolve(s, toMessage<CaseEvent>(e)), caseDecider.initialState());
    if (state.status === 'None') throw new NotFoundError('case', caseId);
    return { ...state, asOf: query.asOf ?? null, time, revision: known[known.length - 1]!.revision, events: known.length };
  }
}
