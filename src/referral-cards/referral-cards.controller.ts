import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { FastifyReply } from 'fastify';
import type { CardStatus } from '../../domain/intake/intake.stream';
import { newCardCount, ReferralCardDoc, referralCards, referralCardsProjection } from '../../projections/referral-cards/referral-cards';
import { Optional } from '../http/validators';
import { PersonalData } from '../privacy/personal-data';
import { Allow } from '../privacy/policy';
import { PositionQuery } from '../read-models/position.query';
import { ReadModelsService } from '../read-models/read-models.service';

const STATUSES: readonly CardStatus[] = ['new', 'accepted', 'rejected'];

export class ReferralCardsQuery extends PositionQuery {
  @ApiPropertyOptional({ enum: STATUSES, description: 'new: waiting for a coordinator (all without)' }) @Optional() @IsIn(STATUSES) status?: CardStatus;
}

/** The coordinator's inbox of referral cards (issue 21): opened at the edge, each read in the access log for the citizen a card became. */
@ApiTags('referral cards')
@Controller('referral-cards')
export class ReferralCardsController {
  constructor(private readonly readModels: ReadModelsService) {}

  @Allow('coordinator')
  @PersonalData('items')
  @Get()
  async list(@Query() query: ReferralCardsQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<ReferralCardDoc[]> {
    return referralCards(await this.all(query, reply), query.status);
  }

  /** For the waiting folder: how many cards are new. Nothing personal. */
  @Allow('coordinator')
  @Get('count')
  async count(@Query() query: PositionQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<{ new: number }> {
    return { new: newCardCount(await this.all(query, reply)) };
  }

  private async all(query: PositionQuery, reply: FastifyReply): Promise<ReferralCardDoc[]> {
    await this.readModels.consistent(referralCardsProjection.name, query.minPosition, reply);
    return (await this.readModels.models.list(referralCardsProjection.name)) as ReferralCardDoc[];
  }
}
