import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsDefined, IsIn, IsString, Matches, ValidateIf, ValidateNested } from 'class-validator';
import { INTERESTS, OFFER_KINDS } from '../../domain/matching/matching.codes';
import type { Interest, OfferKind } from '../../domain/matching/matching.codes';
import { HumanText } from '../http/human-text';
import { IsInstant, Optional, TEXT } from '../http/validators';
import { MeetingDto, PHONE, POSTCODE_PATTERN } from '../matching/matching.dto';

export class OfferContactDto {
  @ApiProperty({ example: 'Lone Bech', description: 'The contact person: the only personal data of an offer (sealed)' }) @HumanText('line', TEXT.name) name!: string;
  @ApiPropertyOptional({ example: '+4597421234' }) @Optional() @IsString() @Matches(PHONE, { message: 'contact.phone must be a Danish phone number: +45 and 8 digits' }) phone?: string;
}

/** A new offer in the catalogue: every field of `POST /offers`. */
export class RegisterOfferDto {
  @ApiProperty({ example: 'Café Nygade' }) @HumanText('line', TEXT.name) name!: string;
  @ApiProperty({ enum: OFFER_KINDS }) @IsIn(OFFER_KINDS) kind!: OfferKind;
  @ApiProperty({ example: 'Frivilligcenter Holstebro' }) @HumanText('line', TEXT.name) organisation!: string;
  @ApiProperty({ example: 'Nygade 10, 7500 Holstebro' }) @HumanText('line', TEXT.short) address!: string;
  @ApiProperty({ example: '7500' }) @IsString() @Matches(POSTCODE_PATTERN, { message: 'postcode must be a Danish postcode: four digits' }) postcode!: string;
  @ApiProperty({ type: MeetingDto, isArray: true }) @IsArray() @ArrayMaxSize(14) @ValidateNested({ each: true }) @Type(() => MeetingDto) schedule!: MeetingDto[];
  @ApiProperty({ enum: INTERESTS, isArray: true }) @IsArray() @ArrayMaxSize(INTERESTS.length) @ArrayUnique() @IsIn(INTERESTS, { each: true }) interests!: Interest[];
  @ApiPropertyOptional({ example: 'Voksne, der vil øve sig i at være sammen med andre' }) @Optional() @HumanText('line', TEXT.short) targetGroup?: string;
  @ApiProperty({ description: 'Step-free access' }) @IsBoolean() accessible!: boolean;
  @ApiProperty({ type: OfferContactDto }) @IsDefined() @ValidateNested() @Type(() => OfferContactDto) contact!: OfferContactDto;
}

/** Any of the offer's fields; those left out stay as they are, `targetGroup: null` removes it. */
export class UpdateOfferDto {
  @ApiPropertyOptional() @Optional() @HumanText('line', TEXT.name) name?: string;
  @ApiPropertyOptional({ enum: OFFER_KINDS }) @Optional() @IsIn(OFFER_KINDS) kind?: OfferKind;
  @ApiPropertyOptional() @Optional() @HumanText('line', TEXT.name) organisation?: string;
  @ApiPropertyOptional() @Optional() @HumanText('line', TEXT.short) address?: string;
  @ApiPropertyOptional() @Optional() @IsString() @Matches(POSTCODE_PATTERN, { message: 'postcode must be a Danish postcode: four digits' }) postcode?: string;
  @ApiPropertyOptional({ type: MeetingDto, isArray: true }) @Optional() @IsArray() @ArrayMaxSize(14) @ValidateNested({ each: true }) @Type(() => MeetingDto) schedule?: MeetingDto[];
  @ApiPropertyOptional({ enum: INTERESTS, isArray: true }) @Optional() @IsArray() @ArrayMaxSize(INTERESTS.length) @ArrayUnique() @IsIn(INTERESTS, { each: true }) interests?: Interest[];
  @ApiPropertyOptional({ nullable: true }) @ValidateIf((_o, v) => v !== undefined && v !== null) @HumanText('line', TEXT.short) targetGroup?: string | null;
  @ApiPropertyOptional() @Optional() @IsBoolean() accessible?: boolean;
  @ApiPropertyOptional({ type: OfferContactDto }) @Optional() @ValidateNested() @Type(() => OfferContactDto) contact?: OfferContactDto;
}

export class RetireOfferDto {
  @ApiPropertyOptional({ description: 'When it ended (default: now)' }) @Optional() @IsInstant() at?: string;
  @ApiPropertyOptional({ example: 'Caféen er lukket' }) @Optional() @HumanText('line', TEXT.short) reason?: string;
}
