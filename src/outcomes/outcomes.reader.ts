import { Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { closedMonthPrefix, OutcomeFacts, outcomeFactsProjection } from '../../projections/outcomes/outcome-facts';
import { closedIn, monthsOfRange, OutcomeRange } from '../../projections/outcomes/outcomes';
import { ReadModelsService } from '../read-models/read-models.service';

/**
 * The closed cases of a period, from the `outcome-facts` read model: one
 * prefix read per month of the period (`closed:<YYYY-MM>:`), so a request
 * reads the period's closed cases and no other (docs/read-side.md).
 */
@Injectable()
export class OutcomesReader {
  constructor(private readonly readModels: ReadModelsService) {}

  async closedCases(range: OutcomeRange, minPosition: number | undefined, reply: FastifyReply): Promise<OutcomeFacts[]> {
    await this.readModels.consistent(outcomeFactsProjection.name, minPosition, reply);
    const months = await Promise.all(monthsOfRange(range).map((month) => this.readModels.models.list(outcomeFactsProjection.name, closedMonthPrefix(month))));
    return closedIn(months.flat() as OutcomeFacts[], range);
  }
}
