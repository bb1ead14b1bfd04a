import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, Max, Min } from 'class-validator';
import { NEEDS, TRACKS } from '../../domain/shared/codes';
import type { Need, Track } from '../../domain/shared/codes';
import { FOLLOW_UP_OUTCOMES, ONWARD_DESTINATIONS } from '../../domain/shared/course-codes';
import type { FollowUpOutcome, OnwardDestination } from '../../domain/shared/course-codes';
import { HumanText } from '../http/human-text';
import { IsInstant, Optional, TEXT } from '../http/validators';

/** The bodies of issue #19's course commands: the end of a case and after it (domain/case/case.after-close.ts), and the reassessment. */

export class HoldFollowUpDto {
  @ApiProperty({ example: '2026-07-01T10:00:00+02:00', description: 'When the follow-up took place; not before the case closed, at most 24 hours ahead' }) @IsInstant() at!: string;
  @ApiProperty({ enum: FOLLOW_UP_OUTCOMES }) @IsIn(FOLLOW_UP_OUTCOMES) outcome!: FollowUpOutcome;
  @ApiPropertyOptional({ type: [Number], example: [1, 2, 1], description: 'UCLA-3 at the follow-up: three answers, each 1 (hardly ever) to 3 (often)' })
  @Optional()
  @IsArray()
  @ArrayMinSize(3)
  @ArrayMaxSize(3)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(3, { each: true })
  ucla3?: number[];
  @ApiPropertyOptional({ example: 'Går stadig i strikkeklubben hver tirsdag' }) @Optional() @HumanText('lines', TEXT.note) note?: string;
}

export class ReferOnwardDto {
  @ApiProperty({ enum: ONWARD_DESTINATIONS }) @IsIn(ONWARD_DESTINATIONS) to!: OnwardDestination;
  @ApiProperty({ example: 'Har brug for behandling for depression' }) @HumanText('lines', TEXT.reason) reason!: string;
  @ApiProperty({ example: '2026-05-04T10:00:00+02:00', description: 'When the citizen was referred onward; not before the referral, at most 24 hours ahead' }) @IsInstant() at!: string;
  @ApiPropertyOptional({ description: 'true: the case ends as transferred_to_professionals (with its follow-up); default: it stays open' }) @Optional() @IsBoolean() close?: boolean;
}

/** Who assesses (seed 003): domain/case/case.reassessment.ts. */
export class ReassessCaseDto {
  @ApiProperty({ enum: TRACKS }) @IsIn(TRACKS) track!: Track;
  @ApiProperty({ example: 'Har brug for behandling for angst; mere end en frivillig kan give' }) @HumanText('lines', TEXT.reason) reason!: string;
  @ApiPropertyOptional({ enum: NEEDS, isArray: true, description: 'Needs found since the referral (added to it)' }) @Optional() @IsArray() @IsIn(NEEDS, { each: true }) needs?: Need[];
}
