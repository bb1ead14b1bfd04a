import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsString, Matches, ValidateNested } from 'class-validator';
import { GENDERS, INTERESTS, LANGUAGES } from '../../domain/matching/matching.codes';
import type { Gender, Interest, Language } from '../../domain/matching/matching.codes';
import { PROGRAMMES } from '../../domain/shared/codes';
import type { Programme } from '../../domain/shared/codes';
import { HumanText } from '../http/human-text';
import { Optional, TEXT } from '../http/validators';
import { POSTCODE_PATTERN, TimeSpanDto } from '../matching/matching.dto';

/** `POST /visitors/:visitorId/profile`: the whole profile, as the form shows it (issue #18). */
export class VisitorProfileDto {
  @ApiProperty({ enum: PROGRAMMES, isArray: true, description: 'The programmes the visitor serves; a booking on another is refused' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(PROGRAMMES.length)
  @ArrayUnique()
  @IsIn(PROGRAMMES, { each: true })
  programmes!: Programme[];
  @ApiProperty({ enum: INTERESTS, isArray: true }) @IsArray() @ArrayMaxSize(INTERESTS.length) @ArrayUnique() @IsIn(INTERESTS, { each: true }) interests!: Interest[];
  @ApiPropertyOptional({ example: 'fuglekigning', description: 'Interests the list does not have, in the visitor\'s words' }) @Optional() @HumanText('line', TEXT.short) otherInterests?: string;
  @ApiProperty({ enum: LANGUAGES, isArray: true, description: 'ISO 639-1 codes' }) @IsArray() @ArrayMaxSize(LANGUAGES.length) @ArrayUnique() @IsIn(LANGUAGES, { each: true }) languages!: Language[];
  @ApiProperty({ example: ['4180', '4190'], description: 'Where the visitor will go' })
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(POSTCODE_PATTERN, { each: true, message: 'each postcode must be a Danish postcode: four digits' })
  postcodes!: string[];
  @ApiProperty({ type: TimeSpanDto, isArray: true }) @IsArray() @ArrayMaxSize(21) @ValidateNested({ each: true }) @Type(() => TimeSpanDto) availability!: TimeSpanDto[];
  @ApiPropertyOptional({ enum: GENDERS }) @Optional() @IsIn(GENDERS) gender?: Gender;
  @ApiPropertyOptional({ example: 1956 }) @Optional() @IsInt() birthYear?: number;
  @ApiPropertyOptional() @Optional() @HumanText('lines', TEXT.reason) note?: string;
}
