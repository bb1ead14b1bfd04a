import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { NEEDS } from '../../../domain/shared/codes';
import type { Need } from '../../../domain/shared/codes';
import { IsInstant, TEXT } from '../../http/validators';
import { HumanText } from '../../http/human-text';

export class FlagRiskDto {
  @ApiProperty({ enum: NEEDS, example: 'suicidal_thoughts' }) @IsIn(NEEDS) risk!: Need;
  @ApiProperty() @HumanText('lines', TEXT.reason) note!: string;
  @ApiProperty() @IsInstant() at!: string;
}
