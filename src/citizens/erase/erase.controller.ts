import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IllegalStateError } from '../../../domain/shared/errors';
import { CaseCommandMessage } from '../../cases/shared/case-command';
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
    private readonly commands: CommandBus,
    private readonly directory: DirectoryService,
    private readonly cipher: PersonalDataCipher,
    @Inject(CITIZEN_KEYS) private readonly keys: CitizenKeys,
  ) {}

  /**
   * Crypto-shredding: records `CitizenErased`, then destroys the citizen's key,
   * and answers once that has taken effect. Every personal field of the person,
   * in events and read models alike, then reads `[slettet]`; the statistics
   * stay. Sent again (after a crash in between), it finishes the destruction.
   * The person's open cases are closed first (`consent_withdrawn`: a request to
   * be forgotten withdraws the consent the case rests on), so that no case is
   * left open, "Henvist" or waiting, for a person nobody can read any more.
   */
  @Allow('admin')
  @Post(':citizenId/erase')
  @HttpCode(200)
  async erase(@Param('citizenId', CitizenIdParam) citizenId: string, @Body() _body: EraseCitizenDto, @Meta() meta: CommandMeta): Promise<{ citizenId: string; erased: true; closedCaseIds: string[] }> {
    const closedCaseIds = await this.closeOpenCases(citizenId, meta);
    await eraseCitizen({ handler: this.handler, keys: this.keys, cipher: this.cipher }, citizenId, this.directory.directory.citizens.has(citizenId), meta.actor, meta.correlationId);
    return { citizenId, erased: true, closedCaseIds };
  }

  private async closeOpenCases(citizenId: string, meta: CommandMeta): Promise<string[]> {
    const { directory } = this.directory;
    const open = (directory.citizens.get(citizenId)?.caseIds ?? []).filter((caseId) => directory.cases.get(caseId)?.status !== 'Closed');
    const closed: string[] = [];
    for (const caseId of open) {
      const closing = new CaseCommandMessage(caseId, { type: 'CloseCase', data: { reason: 'consent_withdrawn', at: new Date().toISOString() } }, { ...meta, idempotency: undefined });
      try {
        await this.commands.execute(closing);
        closed.push(caseId);
      } catch (error) {
        // Closed meanwhile by someone else: nothing left to do for that case.
        if (!(error instanceof IllegalStateError && error.code === 'case_closed')) throw error;
      }
    }
    return closed;
  }
}
