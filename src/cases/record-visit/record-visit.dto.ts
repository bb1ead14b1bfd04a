import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { IsInstant, Optional, TEXT } from '../../http/validators';

export class RecordVisitDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') visitorId!: string;
  @ApiProperty({ example: '2026-03-09T10:00:00+01:00' }) @IsInstant() visitedAt!: string;
  @ApiPropertyOptional({ example: '2026-03-16T10:00:00+01:00', description: 'The next date, written on the visit card' }) @Optional() @IsInstant() nextVisitAt?: string;
  @ApiPropertyOptional({ type: [String], example: ['ansøgning om varmehjælp', 'kontakt til datteren'] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(TEXT.themes)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(TEXT.short, { each: true })
  themes?: string[];
  @ApiPropertyOptional() @Optional() @IsString() @MaxLength(TEXT.note) note?: string;
}
