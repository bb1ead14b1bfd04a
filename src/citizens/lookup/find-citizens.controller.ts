import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequestValidationError } from '../../http/errors';
import { PersonalData } from '../../privacy/personal-data';
import { Allow } from '../../privacy/policy';
import { CitizenIndex, KnownCitizen, LOOKUP_LIMIT } from './citizen-index';
import { FindCitizensQuery } from './find-citizens.query';

/** The coordinator finds a citizen already known, before taking a referral (docs/api.md, "Finding a known citizen"). */
@ApiTags('citizens')
@Controller('citizens')
export class FindCitizensController {
  constructor(private readonly index: CitizenIndex) {}

  /** Known citizens by CPR number or by name: at most 20, latest referral first; each read is access-logged. */
  @Allow('coordinator')
  @PersonalData('items')
  @Get()
  @ApiOkResponse({ description: `[{ citizenId, name, birthYear, openCases, lastReferralAt }], at most ${LOOKUP_LIMIT}` })
  async find(@Query() query: FindCitizensQuery): Promise<KnownCitizen[]> {
    if ((query.cpr === undefined) === (query.search === undefined)) {
      throw new RequestValidationError([{ field: 'cpr', message: 'give either cpr or search' }]);
    }
    return this.index.find(query);
  }
}
