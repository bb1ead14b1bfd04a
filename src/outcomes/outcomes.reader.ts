import { Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { screeningFunnel, Funnel } from '../../projections/outcomes/funnel';
import { closedMonthPrefix, OutcomeFacts, outcomeFactsProjection } from '../../projections/outcomes/outcome-facts';
import { PARTNER_ALIAS_PREFIX, PARTNER_KIND_PREFIX, PartnerAliasDoc, PartnerKindDoc, PartnerKindOf, partnerKindsOf } from '../../projections/outcomes/partner-kinds';
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

  /** The registered partners' kinds and linked names (`partner:` and `alias:` documents of `outcome-facts`: small, one per partner and name), for the split by partner kind. */
  async partnerKinds(): Promise<PartnerKindOf> {
    const [kinds, aliases] = await Promise.all([PARTNER_KIND_PREFIX, PARTNER_ALIAS_PREFIX].map((prefix) => this.readModels.models.list(outcomeFactsProjection.name, prefix)));
    return partnerKindsOf([...(kinds as PartnerKindDoc[]), ...(aliases as PartnerAliasDoc[])]);
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
