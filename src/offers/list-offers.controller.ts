import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsString, Matches } from 'class-validator';
import { INTERESTS, OFFER_KINDS } from '../../domain/matching/matching.codes';
import type { Interest, OfferKind } from '../../domain/matching/matching.codes';
import { nearness } from '../../domain/matching/matching.area';
import { NotFoundError } from '../../domain/shared/errors';
import type { OfferEntry } from '../../projections/directory/directory-offers';
import { DirectoryService } from '../directory/directory.service';
import { Optional, UuidParam } from '../http/validators';
import { POSTCODE_PATTERN } from '../matching/matching.dto';
import { Allow } from '../privacy/policy';

export class ListOffersQuery {
  @ApiPropertyOptional({ example: '4180', description: 'Offers in this postcode or a neighbouring one, nearest first' })
  @Optional()
  @IsString()
  @Matches(POSTCODE_PATTERN, { message: 'postcode must be a Danish postcode: four digits' })
  postcode?: string;
  @ApiPropertyOptional({ enum: INTERESTS }) @Optional() @IsIn(INTERESTS) interest?: Interest;
  @ApiPropertyOptional({ enum: OFFER_KINDS }) @Optional() @IsIn(OFFER_KINDS) kind?: OfferKind;
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: only offers not retired' }) @Optional() @IsIn(['true', 'false']) active?: 'true' | 'false';
}

/** Every signed-in role but the auditor: the catalogue holds no citizen, and the auditor's work is the cases. */
const READERS = ['coordinator', 'visitor', 'manager', 'admin'] as const;

const OfferIdParam = new UuidParam('offerId');

/** The catalogue of offers, read from the Directory (kept current on every commit). */
@ApiTags('offers')
@Controller('offers')
export class ListOffersController {
  constructor(private readonly directory: DirectoryService) {}

  /** A list by postcode, no map: the nearest first, then by name. */
  @Allow(...READERS)
  @Get()
  list(@Query() query: ListOffersQuery): OfferEntry[] {
    const rank = { same: 0, neighbouring: 1, far: 2 } as const;
    const rows = [...this.directory.directory.offers.values()].filter(
      (o) =>
        (query.active !== 'true' || o.active) &&
        (!query.kind || o.kind === query.kind) &&
        (!query.interest || o.interests.includes(query.interest)) &&
        (!query.postcode || nearness(query.postcode, o.postcode) !== 'far'),
    );
    const distance = (o: OfferEntry) => (query.postcode ? rank[nearness(query.postcode, o.postcode)] : 0);
    return rows.sort((a, b) => distance(a) - distance(b) || a.postcode.localeCompare(b.postcode) || a.name.localeCompare(b.name, 'da'));
  }

  @Allow(...READERS)
  @Get(':offerId')
  one(@Param('offerId', OfferIdParam) offerId: string): OfferEntry {
    const offer = this.directory.directory.offers.get(offerId);
    if (!offer) throw new NotFoundError('offer', offerId);
    return offer;
  }
}
