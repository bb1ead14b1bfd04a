import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsDefined, IsIn, IsString, IsUUID, Matches, ValidateNested } from 'class-validator';
import { AGREEMENT_FREQUENCIES, AGREEMENT_PARTIES, INVOLVEMENTS, RELATIVE_RELATIONS } from '../../domain/shared/course-codes';
import type { AgreementFrequency, AgreementParty, Involvement, RelativeRelation } from '../../domain/shared/course-codes';
import { HumanText } from '../http/human-text';
import { IsInstant, Optional, TEXT } from '../http/validators';

/** The bodies of the course's commands (issue #19): relatives, going along, the agreement. */

const PHONE = /^(\+45)?\s*\d{2}\s?\d{2}\s?\d{2}\s?\d{2}$/;
/** An offer's id from the offers catalogue (issue #18), opaque here: letters, digits, `-` and `_`. */
const OFFER_ID = /^[A-Za-z0-9_-]{1,100}$/;

export class AddRelativeDto {
  @ApiProperty({ example: 'Hanne Jensen' }) @HumanText('line', TEXT.name) name!: string;
  @ApiProperty({ enum: RELATIVE_RELATIONS, description: 'What the relative is to the citizen' }) @IsIn(RELATIVE_RELATIONS) relation!: RelativeRelation;
  @ApiPropertyOptional({ example: '+4520304050' }) @Optional() @IsString() @Matches(PHONE, { message: 'phone must be a Danish phone number: +45 and 8 digits' }) phone?: string;
  @ApiPropertyOptional({ example: 'Drivkraften bag at Frida kommer afsted' }) @Optional() @HumanText('lines', TEXT.reason) note?: string;
  @ApiPropertyOptional({ enum: INVOLVEMENTS, isArray: true, description: 'informed, goes_along, needs_relief (the relative needs relief themself)' })
  @Optional()
  @IsArray()
  @ArrayUnique()
  @IsIn(INVOLVEMENTS, { each: true })
  involvement?: Involvement[];
}

export class RemoveRelativeDto {
  @ApiProperty({ example: 'Flyttet til Aarhus' }) @HumanText('lines', TEXT.reason) reason!: string;
}

export class AccompanimentTargetDto {
  @ApiPropertyOptional({ description: 'An offer in the offers catalogue, if it is one (opaque here)' }) @Optional() @IsString() @Matches(OFFER_ID, { message: 'offerId must be 1-100 letters, digits, - or _' }) offerId?: string;
  @ApiProperty({ example: 'Selvhjælpsgruppen i Center for Sundhed' }) @HumanText('line', TEXT.short) activity!: string;
}

export class RecordAccompanimentDto {
  @ApiProperty({ example: '2026-03-12T19:00:00+01:00', description: 'When they went; at most 24 hours ahead' }) @IsInstant() at!: string;
  @ApiProperty({ type: AccompanimentTargetDto }) @IsDefined() @ValidateNested() @Type(() => AccompanimentTargetDto) to!: AccompanimentTargetDto;
  @ApiProperty({ format: 'uuid', description: "The case's helper, who went along" }) @IsUUID('all') visitorId!: string;
  @ApiProperty({ description: 'The first time the citizen went there' }) @IsBoolean() firstTime!: boolean;
  @ApiPropertyOptional() @Optional() @HumanText('lines', TEXT.note) note?: string;
}

export class RecordWentAloneDto {
  @ApiProperty({ example: '2026-03-26T19:00:00+01:00' }) @IsInstant() at!: string;
  @ApiPropertyOptional({ description: 'An offer in the offers catalogue (opaque here)' }) @Optional() @IsString() @Matches(OFFER_ID, { message: 'offerId must be 1-100 letters, digits, - or _' }) offerId?: string;
  @ApiProperty({ example: 'Café Nygade' }) @HumanText('line', TEXT.short) activity!: string;
}

export class RecordAgreementDto {
  @ApiProperty({ type: [String], example: ['Komme i selvhjælpsgruppen', 'Gå selv i Café Nygade'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(TEXT.themes)
  @HumanText('line', TEXT.short, { each: true })
  goals!: string[];
  @ApiProperty({ enum: AGREEMENT_FREQUENCIES }) @IsIn(AGREEMENT_FREQUENCIES) frequency!: AgreementFrequency;
  @ApiPropertyOptional({ example: '2026-06-30T12:00:00+02:00', description: 'When the course is expected to end; after the referral' }) @Optional() @IsInstant() expectedEnd?: string;
  @ApiProperty({ example: 'Frida går selv i caféen' }) @HumanText('lines', TEXT.reason) endCriteria!: string;
  @ApiProperty({ enum: AGREEMENT_PARTIES, isArray: true, description: 'Who agreed it; must include the citizen' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(AGREEMENT_PARTIES, { each: true })
  agreedWith!: AgreementParty[];
}
