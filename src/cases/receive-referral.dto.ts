import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsString, IsUUID, Matches, ValidateIf, ValidateNested, IsDefined } from 'class-validator';
import { NEEDS, PROGRAMMES, REFERRER_ROLES, TASK_KINDS } from '../../domain/shared/codes';
import type { Need, Programme, ReferrerRole, TaskKind } from '../../domain/shared/codes';
import { IsInstant, Optional, TEXT } from '../http/validators';
import { HumanText } from '../http/human-text';
import { WishesDto } from './case-matching.dto';

const PHONE = /^(\+45)?\s*\d{2}\s?\d{2}\s?\d{2}\s?\d{2}$/;
const PHONE_MESSAGE = 'must be a Danish phone number: +45 and 8 digits';

export class ReferrerDto {
  @ApiProperty({ example: 'Jette Holm' }) @HumanText('line', TEXT.name) name!: string;
  @ApiProperty({ enum: REFERRER_ROLES, example: 'home_nurse' }) @IsIn(REFERRER_ROLES) role!: ReferrerRole;
  @ApiPropertyOptional({ example: 'Hjemmeplejen Syd' }) @Optional() @HumanText('line', TEXT.name) organisation?: string;
  @ApiPropertyOptional({ example: '+4520304050' }) @Optional() @IsString() @Matches(PHONE, { message: `phone ${PHONE_MESSAGE}` }) phone?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The referring partner in the register (GET /partners); the free-text organisation stays for partners not in it' })
  @Optional()
  @IsUUID('all', { message: 'partnerId must be a UUID' })
  partnerId?: string;
}

export class CitizenDto {
  @ApiProperty({ example: 'Karen Nielsen' }) @HumanText('line', TEXT.name) name!: string;
  @ApiProperty({ example: 'Algade 12, 2. th, 4180 Sorø' }) @HumanText('line', TEXT.short) address!: string;
  @ApiPropertyOptional({ example: '+4557831234' }) @Optional() @IsString() @Matches(PHONE, { message: `phone ${PHONE_MESSAGE}` }) phone?: string;
  @ApiPropertyOptional({ example: '010345-1234', description: 'DDMMYY-SSSS with a real date; no modulus-11 check' })
  @Optional()
  @IsString()
  @Matches(/^\d{6}-\d{4}$/, { message: 'cpr must be DDMMYY-SSSS' })
  cpr?: string;
}

export class SituationDto {
  @ApiPropertyOptional({ example: 'KOL, går dårligt på trapper' }) @Optional() @HumanText('lines', TEXT.reason) physical?: string;
  @ApiPropertyOptional({ example: 'trist, isoleret' }) @Optional() @HumanText('lines', TEXT.reason) psychological?: string;
  @ApiPropertyOptional({ example: 'enke, ingen børn i nærheden' }) @Optional() @HumanText('lines', TEXT.reason) social?: string;
}

export class ConsentDto {
  @ApiProperty() @IsBoolean() given!: boolean;
  @ApiPropertyOptional({ example: 'Jette Holm' }) @Optional() @HumanText('line', TEXT.name) recordedBy?: string;
  @ApiPropertyOptional({ example: '2026-03-01T14:00:00+01:00' }) @Optional() @IsInstant() at?: string;
}

/** The referral (henvisning), with every field of the intake in 000 and 003. */
export class ReceiveReferralDto {
  @ApiProperty({ enum: PROGRAMMES }) @IsIn(PROGRAMMES) programme!: Programme;
  @ApiProperty({ example: '2026-03-02T09:15:00+01:00' }) @IsInstant() referredAt!: string;
  @ApiProperty({ type: ReferrerDto }) @IsDefined() @ValidateNested() @Type(() => ReferrerDto) referrer!: ReferrerDto;

  @ApiPropertyOptional({ type: CitizenDto, description: 'The citizen, when new to the service' })
  @ValidateIf((dto: ReceiveReferralDto) => dto.citizenId === undefined || dto.citizen !== undefined)
  @IsDefined({ message: 'citizen is required unless citizenId names a citizen already known' })
  @ValidateNested()
  @Type(() => CitizenDto)
  citizen?: CitizenDto;

  @ApiPropertyOptional({ description: 'A citizen known from an earlier case, instead of citizen' })
  @Optional()
  @IsUUID('all')
  citizenId?: string;

  @ApiProperty({ type: SituationDto }) @IsDefined() @ValidateNested() @Type(() => SituationDto) situation!: SituationDto;
  @ApiPropertyOptional({ enum: NEEDS, isArray: true }) @Optional() @IsArray() @ArrayMaxSize(NEEDS.length) @ArrayUnique() @IsIn(NEEDS, { each: true }) needs?: Need[];
  @ApiPropertyOptional({ enum: TASK_KINDS, isArray: true })
  @Optional()
  @IsArray()
  @ArrayMaxSize(TASK_KINDS.length)
  @ArrayUnique()
  @IsIn(TASK_KINDS, { each: true })
  requestedTasks?: TaskKind[];

  @ApiPropertyOptional({ type: ConsentDto, description: 'Required unless the citizen refers themself' })
  @Optional()
  @ValidateNested()
  @Type(() => ConsentDto)
  consent?: ConsentDto;

  @ApiPropertyOptional({ type: WishesDto, description: 'The citizen\'s wishes, if known at intake (issue #18)' })
  @Optional()
  @ValidateNested()
  @Type(() => WishesDto)
  wishes?: WishesDto;
}
