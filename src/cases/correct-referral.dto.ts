import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsString, Matches, ValidateNested } from 'class-validator';
import { NEEDS, TASK_KINDS } from '../../domain/shared/codes';
import type { Need, TaskKind } from '../../domain/shared/codes';
import { HumanText } from '../http/human-text';
import { Optional, TEXT } from '../http/validators';
import { ReferrerDto, SituationDto } from './receive-referral.dto';

const PHONE = /^(\+45)?\s*\d{2}\s?\d{2}\s?\d{2}\s?\d{2}$/;

/** The citizen's details a correction may change: where they live and their phone (name and CPR number stay as referred). */
export class CorrectedCitizenDto {
  @ApiPropertyOptional({ example: 'Storgade 3, 4180 Sorø' }) @Optional() @HumanText('line', TEXT.short) address?: string;
  @ApiPropertyOptional({ example: '+4557831234' }) @Optional() @IsString() @Matches(PHONE, { message: 'phone must be a Danish phone number: +45 and 8 digits' }) phone?: string;
}

/** `POST /cases/:caseId/referral/correct`: any part of the referral as it should read; at least one. */
export class CorrectReferralDto {
  @ApiPropertyOptional({ type: SituationDto, description: 'Only the circumstances given are changed' })
  @Optional()
  @ValidateNested()
  @Type(() => SituationDto)
  situation?: SituationDto;

  @ApiPropertyOptional({ enum: NEEDS, isArray: true, description: 'The needs as they should read (the whole list)' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(NEEDS.length)
  @ArrayUnique()
  @IsIn(NEEDS, { each: true })
  needs?: Need[];

  @ApiPropertyOptional({ enum: TASK_KINDS, isArray: true, description: 'The requested tasks as they should read (the whole list)' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(TASK_KINDS.length)
  @ArrayUnique()
  @IsIn(TASK_KINDS, { each: true })
  requestedTasks?: TaskKind[];

  @ApiPropertyOptional({ type: CorrectedCitizenDto }) @Optional() @ValidateNested() @Type(() => CorrectedCitizenDto) citizen?: CorrectedCitizenDto;

  @ApiPropertyOptional({ type: ReferrerDto, description: 'The referrer whole, as they should read (an organisation or phone left out is removed)' })
  @Optional()
  @ValidateNested()
  @Type(() => ReferrerDto)
  referrer?: ReferrerDto;
}
