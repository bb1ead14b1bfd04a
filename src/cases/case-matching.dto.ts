import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsUUID, ValidateNested } from 'class-validator';
import { OFFER_OUTCOMES } from '../../domain/case/case.events';
import type { OfferOutcome } from '../../domain/case/case.events';
import { GENDERS, INTERESTS, LANGUAGES, MOBILITIES } from '../../domain/matching/matching.codes';
import type { Gender, Interest, Language, Mobility } from '../../domain/matching/matching.codes';
import { HumanText } from '../http/human-text';
import { IsInstant, Optional, TEXT } from '../http/validators';
import { TimeSpanDto } from '../matching/matching.dto';

/** The bodies of the matching commands on a case (issue #18). */

/** `POST /cases/:caseId/wishes`, and the referral's `wishes`: the whole set each time. */
export class WishesDto {
  @ApiProperty({ enum: INTERESTS, isArray: true }) @IsArray() @ArrayMaxSize(INTERESTS.length) @ArrayUnique() @IsIn(INTERESTS, { each: true }) interests!: Interest[];
  @ApiPropertyOptional({ example: 'gamle film', description: 'Interests the list does not have, in the citizen\'s words (sealed)' }) @Optional() @HumanText('line', TEXT.short) otherInterests?: string;
  @ApiProperty({ enum: LANGUAGES, isArray: true, description: 'ISO 639-1 codes' }) @IsArray() @ArrayMaxSize(LANGUAGES.length) @ArrayUnique() @IsIn(LANGUAGES, { each: true }) languages!: Language[];
  @ApiPropertyOptional({ enum: GENDERS }) @Optional() @IsIn(GENDERS) preferredGender?: Gender;
  @ApiProperty({ type: TimeSpanDto, isArray: true, description: 'When the citizen can, each week' }) @IsArray() @ArrayMaxSize(21) @ValidateNested({ each: true }) @Type(() => TimeSpanDto) availability!: TimeSpanDto[];
  @ApiProperty({ enum: MOBILITIES }) @IsIn(MOBILITIES) mobility!: Mobility;
  @ApiPropertyOptional({ description: 'Sealed' }) @Optional() @HumanText('lines', TEXT.reason) note?: string;
}

export class IntroduceToOfferDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') offerId!: string;
  @ApiProperty({ example: '2026-04-22T14:00:00+02:00', description: 'When the citizen first went' }) @IsInstant() at!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The case\'s visitor, who went along' }) @Optional() @IsUUID('all') accompaniedBy?: string;
}

export class OfferOutcomeDto {
  @ApiProperty({ enum: OFFER_OUTCOMES }) @IsIn(OFFER_OUTCOMES) outcome!: OfferOutcome;
  @ApiProperty({ example: '2026-05-20T14:00:00+02:00' }) @IsInstant() at!: string;
  @ApiPropertyOptional({ description: 'Sealed' }) @Optional() @HumanText('lines', TEXT.reason) note?: string;
  @ApiPropertyOptional({ description: 'joined: also record the offer as a relation of kind community (the case\'s goal)' }) @Optional() @IsBoolean() relation?: boolean;
}

export const wishesOf = (b: WishesDto) => ({
  interests: [...b.interests],
  ...(b.otherInterests !== undefined && { otherInterests: b.otherInterests }),
  languages: [...b.languages],
  ...(b.preferredGender !== undefined && { preferredGender: b.preferredGender }),
  availability: b.availability.map(({ weekday, from, to }) => ({ weekday, from, to })),
  mobility: b.mobility,
  ...(b.note !== undefined && { note: b.note }),
});
