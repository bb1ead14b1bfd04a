import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsDefined, IsEmail, IsIn, IsInt, IsString, Matches, Max, Min, ValidateNested } from 'class-validator';
import { ATTITUDES, KNOWS_US, MATERIALS, MAX_ATTENDEES, MEETING_KINDS, PARTNER_KINDS } from '../../domain/partner/partner.codes';
import type { Attitude, KnowsUs, Material, MeetingKind, PartnerKind } from '../../domain/partner/partner.codes';
import { HumanText } from '../http/human-text';
import { IsInstant, Optional, TEXT } from '../http/validators';

const PHONE = /^(\+45)?\s*\d{2}\s?\d{2}\s?\d{2}\s?\d{2}$/;
const PHONE_MESSAGE = 'phone must be a Danish phone number: +45 and 8 digits';
const POSTCODE = /^\d{4}$/;

export class PartnerPersonDto {
  @ApiProperty({ example: 'Lene Juhl' }) @HumanText('line', TEXT.name) name!: string;
  @ApiPropertyOptional({ example: '+4557871234' }) @Optional() @IsString() @Matches(PHONE, { message: PHONE_MESSAGE }) phone?: string;
  @ApiPropertyOptional({ example: 'leju@soroe.dk' }) @Optional() @IsEmail({}, { message: 'email must be an e-mail address' }) email?: string;
}

export class PartnerContactDto extends PartnerPersonDto {
  @ApiProperty({ example: 'SoSu-assistent, kontaktperson for henvisninger' }) @HumanText('line', TEXT.name) role!: string;
}

export class RegisterPartnerDto {
  @ApiProperty({ example: 'Hjemmeplejen Syd' }) @HumanText('line', TEXT.name) name!: string;
  @ApiProperty({ enum: PARTNER_KINDS }) @IsIn(PARTNER_KINDS) kind!: PartnerKind;
  @ApiPropertyOptional({ example: 'Storgade 4, Sorø' }) @Optional() @HumanText('line', TEXT.short) address?: string;
  @ApiPropertyOptional({ example: '4180' }) @Optional() @IsString() @Matches(POSTCODE, { message: 'postcode must be 4 digits' }) postcode?: string;
  @ApiProperty({ type: PartnerPersonDto, description: 'Seed 002: "Den første kontakt går altid via ledelseslaget"' })
  @IsDefined()
  @ValidateNested()
  @Type(() => PartnerPersonDto)
  leader!: PartnerPersonDto;
  @ApiPropertyOptional({ type: [PartnerContactDto] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PartnerContactDto)
  contacts?: PartnerContactDto[];
}

export class UpdatePartnerDto {
  @ApiPropertyOptional({ example: 'Hjemmeplejen Syd' }) @Optional() @HumanText('line', TEXT.name) name?: string;
  @ApiPropertyOptional({ enum: PARTNER_KINDS }) @Optional() @IsIn(PARTNER_KINDS) kind?: PartnerKind;
  @ApiPropertyOptional() @Optional() @HumanText('line', TEXT.short) address?: string;
  @ApiPropertyOptional({ example: '4180' }) @Optional() @IsString() @Matches(POSTCODE, { message: 'postcode must be 4 digits' }) postcode?: string;
  @ApiPropertyOptional({ type: PartnerPersonDto, description: 'Given whole: a phone or e-mail left out is removed' })
  @Optional()
  @ValidateNested()
  @Type(() => PartnerPersonDto)
  leader?: PartnerPersonDto;
}

export class RetirePartnerDto {
  @ApiPropertyOptional({ example: 'Lukket; borgerne er flyttet til Plejecenter Nord' }) @Optional() @HumanText('lines', TEXT.reason) reason?: string;
}

export class RecordOutreachMeetingDto {
  @ApiProperty({ example: '2026-11-03T13:00:00+01:00', description: 'When the meeting was held (not in the future)' }) @IsInstant() at!: string;
  @ApiProperty({ enum: MEETING_KINDS }) @IsIn(MEETING_KINDS) kind!: MeetingKind;
  @ApiProperty({ minimum: 1, maximum: MAX_ATTENDEES }) @IsInt() @Min(1) @Max(MAX_ATTENDEES) attendees!: number;
  @ApiPropertyOptional({ enum: MATERIALS, isArray: true, description: 'Seed 002: "Husk at tage foldere og postkort med"' })
  @Optional()
  @IsArray()
  @ArrayUnique()
  @IsIn(MATERIALS, { each: true })
  materials?: Material[];
  @ApiPropertyOptional({ description: 'About the meeting, never about a citizen' }) @Optional() @HumanText('lines', TEXT.note) note?: string;
  @ApiPropertyOptional({ example: '2027-03-01T09:00:00+01:00', description: 'Seed 002: "gentage møderne med personalet": when to get in touch again' })
  @Optional()
  @IsInstant()
  nextContactAt?: string;
}

export class AssessPartnerDto {
  @ApiProperty({ enum: KNOWS_US, description: 'Seed 002: "Ved de overhovedet, at vi findes?"' }) @IsIn(KNOWS_US) knowsUs!: KnowsUs;
  @ApiProperty({ enum: ATTITUDES, description: 'Seed 002: "Neutrale, positive, negative, skeptiske?"' }) @IsIn(ATTITUDES) attitude!: Attitude;
  @ApiPropertyOptional({ description: 'What a helper does for them in their everyday work' }) @Optional() @HumanText('lines', TEXT.reason) whatTheyGain?: string;
  @ApiPropertyOptional({ description: 'Seed 002: "Hvem skal vi tale med"' }) @Optional() @HumanText('line', TEXT.name) contactPerson?: string;
}

export class LinkPartnerAliasDto {
  @ApiProperty({ example: 'Hjemmeplejen  syd', description: 'An organisation as referrals typed it' }) @HumanText('line', TEXT.name) organisation!: string;
}

/** The route names the contact; a reason may say why (left the job), never repeating their details. */
export class RemovePartnerContactDto {
  @ApiPropertyOptional({ example: 'Har fået nyt job' }) @Optional() @HumanText('line', TEXT.short) reason?: string;
}
