import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { IsInstant } from '../../http/validators';

export class BookFirstVisitDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') visitorId!: string;
  @ApiProperty({ example: '2026-03-09T10:00:00+01:00', description: 'The agreed time; may lie in the past (booked after the fact)' }) @IsInstant() visitAt!: string;
}
