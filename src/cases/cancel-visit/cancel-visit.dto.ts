import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { CANCELLED_BY } from '../../../domain/shared/codes';
import type { CancelledBy } from '../../../domain/shared/codes';
import { IsInstant, TEXT } from '../../http/validators';

export class CancelVisitDto {
  @ApiProperty({ description: 'The agreed time of the visit that falls out' }) @IsInstant() at!: string;
  @ApiProperty({ enum: CANCELLED_BY }) @IsIn(CANCELLED_BY) by!: CancelledBy;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(TEXT.reason) reason!: string;
}
