import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsUUID } from 'class-validator';
import { IsInstant, Optional, TEXT } from '../../http/validators';
import { HumanText } from '../../http/human-text';

export class RecordVisitDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') visitorId!: string;
  @ApiProperty({ example: '2026-03-09T10:00:00+01:00' }) @IsInstant() visitedAt!: string;
  @ApiPropertyOptional({ example: '2026-03-16T10:00:00+01:00', description: 'The next date, written on the visit card' }) @Optional() @IsInstant() nextVisitAt?: string;
  @ApiPropertyOptional({ type: [String], example: ['ansøgning om varmehjælp', 'kontakt til datteren'] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(TEXT.themes)
  @HumanText('line', TEXT.short, { each: true })
  themes?: string[];
  @ApiPropertyOptional() @Optional() @HumanText('lines', TEXT.note) note?: string;
}
