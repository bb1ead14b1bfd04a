import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { CLOSURE_REASONS } from '../../../domain/shared/codes';
import type { ClosureReason } from '../../../domain/shared/codes';
import { IsInstant, Optional } from '../../http/validators';

export class DeclineReferralDto {
  @ApiProperty({ enum: CLOSURE_REASONS }) @IsIn(CLOSURE_REASONS) reason!: ClosureReason;
  @ApiPropertyOptional({ description: 'When it was declined (default: now)' }) @Optional() @IsInstant() at?: string;
}
