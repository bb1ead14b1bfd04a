import { Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { PartnerKind } from '../../domain/partner/partner.codes';
import { screeningFunnel, Funnel } from '../../projections/outcomes/funnel';
import { closedMonthPrefix, OutcomeFacts, outcomeFactsProjection, PARTNER_KIND_PREFIX, PartnerKindDoc } from '../../projections/outcomes/outcome-facts';
import { closedIn, monthsOfRange, OutcomeRange } from '../../projections/outcomes/outcomes';
import { REFERRED_CASE_PREFIX, ReferredCaseDoc, SCREENING_PREFIX, ScreeningDoc, screeningsProjection } from '../../projections/screenings/screenings';
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

  /** The registered partners' kinds (`partner:` documents of `outcome-facts`: one small document per partner), for the split by partner kind. */
  async partnerKinds(): Promise<(partnerId: string) => PartnerKind | undefined> {
    const docs = (await this.readModels.models.list(outcomeFactsProjection.name, PARTNER_KIND_PREFIX)) as PartnerKindDoc[];
    const kinds = new Map(docs.map((d) => [d.partnerId, d.kind]));
    return (partnerId) => kinds.get(partnerId);
  }

  /** The funnel from screening to relation for the screenings of the period, from the `screenings` read model (as GET /dashboard/screenings reads it). */
  async funnel(range: OutcomeRange, minPosition: number | undefined, reply: FastifyReply): Promise<Funnel> {
    await this.readModels.consistent(screeningsProjection.name, minPosition, reply);
    const { models } = this.readModels;
    const screenings = (await models.list(screeningsProjection.name, SCREENING_PREFIX)) as ScreeningDoc[];
    const cases = (await models.list(screeningsProjection.name, REFERRED_CASE_PREFIX)) as ReferredCaseDoc[];
    return screeningFunnel(screenings, cases, range);
  }
}
