import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { PRIORITIES, TRACKS } from '../../../domain/shared/codes';
import type { Priority, Track } from '../../../domain/shared/codes';
import { IsInstant, Optional, TEXT } from '../../http/validators';
import { HumanText } from '../../http/human-text';

export class TriageCaseDto {
  @ApiProperty({ enum: TRACKS }) @IsIn(TRACKS) track!: Track;
  @ApiProperty({ example: 'Stærkt isoleret, ønsker samtaler om livet' }) @HumanText('lines', TEXT.reason) reason!: string;
  @ApiProperty({ enum: PRIORITIES }) @IsIn(PRIORITIES) priority!: Priority;
  @ApiPropertyOptional({ example: '2026-03-03T10:00:00+01:00', description: 'When the case was triaged (default: now); not before the referral, at most 24 hours ahead' }) @Optional() @IsInstant() at?: string;
}
