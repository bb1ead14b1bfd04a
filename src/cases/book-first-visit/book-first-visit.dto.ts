import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { IsInstant, Optional } from '../../http/validators';

export class BookFirstVisitDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') visitorId!: string;
  @ApiProperty({ example: '2026-03-09T10:00:00+01:00', description: 'The agreed time; may lie in the past (booked after the fact)' }) @IsInstant() visitAt!: string;
  @ApiPropertyOptional({ example: '2026-03-04T11:00:00+01:00', description: 'When it was booked (default: now); not before the referral or the triage, at most 24 hours ahead' }) @Optional() @IsInstant() at?: string;
}
