import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsDefined, IsIn, IsInt, IsString, Matches, Max, Min, ValidateNested } from 'class-validator';
import { NEEDS, PROGRAMMES } from '../../domain/shared/codes';
import type { Need, Programme } from '../../domain/shared/codes';
import { HumanText } from '../http/human-text';
import { IsInstant, Optional, TEXT } from '../http/validators';
import { ReferrerDto, SituationDto } from '../cases/receive-referral.dto';

const PHONE = /^(\+45)?\s*\d{2}\s?\d{2}\s?\d{2}\s?\d{2}$/;

export class ScreenedCitizenDto {
  @ApiProperty({ example: 'Karen Nielsen' }) @HumanText('line', TEXT.name) name!: string;
  @ApiPropertyOptional({ example: '+4557831234' }) @Optional() @IsString() @Matches(PHONE, { message: 'phone must be a Danish phone number: +45 and 8 digits' }) phone?: string;
  @ApiPropertyOptional({ example: '120345-1234', description: 'DDMMYY-SSSS; a known citizen is joined by it when the screening is referred' })
  @Optional()
  @IsString()
  @Matches(/^\d{6}-\d{4}$/, { message: 'cpr must be DDMMYY-SSSS' })
  cpr?: string;
}

/** `POST /screenings`: seed 001's "systematisk opsporing af ensomhed", before any referral. */
export class RecordScreeningDto {
  @ApiProperty({ example: '2026-11-24T10:30:00+01:00', description: 'When the screening was taken; at most 24 hours ahead' }) @IsInstant() at!: string;
  @ApiProperty({ example: 'Hjemmeplejen Syd', description: 'The unit that screened (home care district, preventive home visits)' }) @HumanText('line', TEXT.name) unit!: string;
  @ApiProperty({ type: [Number], example: [3, 2, 3], description: 'UCLA-3: three answers, each 1 (hardly ever) to 3 (often); 7 or more counts as lonely' })
  @IsArray()
  @ArrayMinSize(3)
  @ArrayMaxSize(3)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(3, { each: true })
  ucla3!: number[];
  @ApiProperty({ description: 'The citizen agrees to be referred; without it nothing about the person is kept (citizen and note are refused)' }) @IsBoolean() consentToRefer!: boolean;
  @ApiPropertyOptional({ type: ScreenedCitizenDto, description: 'Only with consentToRefer (then required)' })
  @Optional()
  @ValidateNested()
  @Type(() => ScreenedCitizenDto)
  citizen?: ScreenedCitizenDto;
  @ApiPropertyOptional({ example: 'Sidder meget alene efter mandens død', description: 'Only with consentToRefer' }) @Optional() @HumanText('lines', TEXT.note) note?: string;
}

/** `POST /screenings/:screeningId/refer`: the screening becomes an ordinary referral, a new case in the waiting folder's intake. */
export class ReferScreeningDto {
  @ApiProperty({ enum: PROGRAMMES }) @IsIn(PROGRAMMES) programme!: Programme;
  @ApiProperty({ example: 'Algade 12, 2. th, 4180 Sorø', description: "The citizen's address (the screening keeps none)" }) @HumanText('line', TEXT.short) address!: string;
  @ApiProperty({ type: ReferrerDto, description: 'Who refers: the screener, their role and unit' }) @IsDefined() @ValidateNested() @Type(() => ReferrerDto) referrer!: ReferrerDto;
  @ApiPropertyOptional({ example: '2026-11-24T11:00:00+01:00', description: 'When referred (default: now); not before the screening' }) @Optional() @IsInstant() referredAt?: string;
  @ApiPropertyOptional({ type: SituationDto }) @Optional() @ValidateNested() @Type(() => SituationDto) situation?: SituationDto;
  @ApiPropertyOptional({ enum: NEEDS, isArray: true, description: "Default: loneliness_symptoms when the screening scored as lonely" })
  @Optional()
  @IsArray()
  @ArrayMaxSize(NEEDS.length)
  @ArrayUnique()
  @IsIn(NEEDS, { each: true })
  needs?: Need[];
}
