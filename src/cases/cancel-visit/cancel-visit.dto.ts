import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { CANCELLED_BY } from '../../../domain/shared/codes';
import type { CancelledBy } from '../../../domain/shared/codes';
import { IsInstant, TEXT } from '../../http/validators';
import { HumanText } from '../../http/human-text';

export class CancelVisitDto {
  @ApiProperty({ description: 'The agreed time of the visit that falls out' }) @IsInstant() at!: string;
  @ApiProperty({ enum: CANCELLED_BY }) @IsIn(CANCELLED_BY) by!: CancelledBy;
  @ApiProperty() @HumanText('lines', TEXT.reason) reason!: string;
}
