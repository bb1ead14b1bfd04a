import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { NotFoundError } from '../../../domain/shared/errors';
import { isRegistered, PartnersDoc, registeredKey } from '../../../projections/partners/partner-docs';
import { PartnerPage, partnerPage } from '../../../projections/partners/partner-page';
import { ChannelRow, channels, PartnerRow, partners, partnersProjection } from '../../../projections/partners/partners';
import { PositionQuery } from '../position.query';
import { ReadModelsService } from '../read-models.service';
import { Allow } from '../../privacy/policy';
import { Optional, UuidParam } from '../../http/validators';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class PartnersQuery extends PositionQuery {
  @ApiPropertyOptional({ default: 90, description: 'Partners with no referral for longer are flagged for a reminder visit' })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(36_500)
  silentDays?: number;
  @ApiPropertyOptional({ example: '2026-01-01' }) @Optional() @Matches(DATE, { message: 'from must be a date, YYYY-MM-DD' }) from?: string;
  @ApiPropertyOptional({ example: '2026-12-31' }) @Optional() @Matches(DATE, { message: 'to must be a date, YYYY-MM-DD' }) to?: string;
}

@ApiTags('read models')
@Controller('partners')
export class PartnersController {
  constructor(private readonly readModels: ReadModelsService) {}

  /** The partner register (issue 21): who refers, how many in the period, who has gone silent, and who is due a contact ("kontakt snart" first). */
  @Allow('manager', 'coordinator')
  @Get()
  async list(@Query() query: PartnersQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<PartnerRow[]> {
    const all = await this.all(query, reply);
    return partners(all, { silentDays: query.silentDays ?? 90, ...(query.from && { from: query.from }), ...(query.to && { to: query.to }) }, new Date().toISOString());
  }

  /** The citizen themself and relatives: channels, counted apart from the partners. */
  @Allow('manager', 'coordinator')
  @Get('channels')
  async channels(@Query() query: PartnersQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<ChannelRow[]> {
    const all = await this.all(query, reply);
    return channels(all, { silentDays: query.silentDays ?? 90, ...(query.from && { from: query.from }), ...(query.to && { to: query.to }) });
  }

  /** One partner's page: its people, its meetings, its referrals by month. Contact persons are the coordinator's to see (staff data). */
  @Allow('coordinator')
  @Get(':partnerId')
  async one(@Param('partnerId', new UuidParam('partnerId')) partnerId: string, @Query() query: PartnersQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<PartnerPage> {
    await this.readModels.consistent(partnersProjection.name, query.minPosition, reply);
    const partner = (await this.readModels.models.get(partnersProjection.name, registeredKey(partnerId))) as PartnersDoc | undefined;
    if (!partner || !isRegistered(partner)) throw new NotFoundError('partner', partnerId);
    const all = partner.aliases.length === 0 ? [] : ((await this.readModels.models.list(partnersProjection.name)) as PartnersDoc[]);
    return partnerPage(partner, all, query.silentDays ?? 90, new Date().toISOString());
  }

  private async all(query: PartnersQuery, reply: FastifyReply): Promise<PartnersDoc[]> {
    await this.readModels.consistent(partnersProjection.name, query.minPosition, reply);
    return (await this.readModels.models.list(partnersProjection.name)) as PartnersDoc[];
  }
}
