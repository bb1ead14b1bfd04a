import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { DirectoryService } from '../../directory/directory.service';
import { CommandHandler, CommandMeta } from '../../event-store/command-handler';
import { Meta } from '../../http/command-meta';
import { Optional, UuidParam } from '../../http/validators';
import { HumanText } from '../../http/human-text';
import type { CitizenKeys } from '../../privacy/crypto/citizen-keys';
import { CITIZEN_KEYS } from '../../privacy/crypto/crypto.providers';
import { PersonalDataCipher } from '../../privacy/crypto/personal-data.cipher';
import { eraseCitizen } from '../../privacy/erasure';
import { Allow } from '../../privacy/policy';

export class EraseCitizenDto {
  @ApiPropertyOptional({ description: 'Why, for the person erasing; not stored (an erasure writes no new words about the person)' })
  @Optional()
  @HumanText('lines', 500)
  reason?: string;
}

const CitizenIdParam = new UuidParam('citizenId');

@ApiTags('citizens')
@Controller('citizens')
export class EraseCitizenController {
  constructor(
    private readonly handler: CommandHandler,
    private readonly directory: DirectoryService,
    private readonly cipher: PersonalDataCipher,
    @Inject(CITIZEN_KEYS) private readonly keys: CitizenKeys,
  ) {}

  /**
   * Crypto-shredding: records `CitizenErased`, then destroys the citizen's key,
   * and answers once that has taken effect. Every personal field of the person,
   * in events and read models alike, then reads `[slettet]`; the statistics
   * stay. Sent again (after a crash in between), it finishes the destruction.
   */
  @Allow('admin')
  @Post(':citizenId/erase')
  @HttpCode(200)
  async erase(@Param('citizenId', CitizenIdParam) citizenId: string, @Body() _body: EraseCitizenDto, @Meta() meta: CommandMeta): Promise<{ citizenId: string; erased: true }> {
    await eraseCitizen({ handler: this.handler, keys: this.keys, cipher: this.cipher }, citizenId, this.directory.directory.citizens.has(citizenId), meta.actor, meta.correlationId);
    return { citizenId, erased: true };
  }
}
