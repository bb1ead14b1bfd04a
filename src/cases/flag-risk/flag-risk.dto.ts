import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { NEEDS } from '../../../domain/shared/codes';
import type { Need } from '../../../domain/shared/codes';
import { IsInstant, TEXT } from '../../http/validators';

export class FlagRiskDto {
  @ApiProperty({ enum: NEEDS, example: 'suicidal_thoughts' }) @IsIn(NEEDS) risk!: Need;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(TEXT.reason) note!: string;
  @ApiProperty() @IsInstant() at!: string;
}
