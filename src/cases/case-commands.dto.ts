import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsUUID, Max, Min } from 'class-validator';
import { CANCELLED_BY, CLOSURE_REASONS, NEEDS, PRIORITIES, RELATION_KINDS, TASK_KINDS, TRACKS } from '../../domain/shared/codes';
import type { CancelledBy, ClosureReason, Need, Priority, RelationKind, TaskKind, Track } from '../../domain/shared/codes';
import { DECLINE_REASONS } from '../../domain/shared/course-codes';
import type { DeclineReason } from '../../domain/shared/course-codes';
import { HumanText } from '../http/human-text';
import { IsInstant, Optional, TEXT } from '../http/validators';

/**
 * The bodies of the case commands on an existing case, one class each, in the
 * order of src/cases/case-commands.table.ts (the referral's are in
 * receive-referral.dto.ts). Each field says how it is checked and how OpenAPI
 * shows it; a field that is not here is refused.
 */

export class TriageCaseDto {
  @ApiProperty({ enum: TRACKS }) @IsIn(TRACKS) track!: Track;
  @ApiProperty({ example: 'Stærkt isoleret, ønsker samtaler om livet' }) @HumanText('lines', TEXT.reason) reason!: string;
  @ApiProperty({ enum: PRIORITIES }) @IsIn(PRIORITIES) priority!: Priority;
  @ApiPropertyOptional({ example: '2026-03-03T10:00:00+01:00', description: 'When the case was triaged (default: now); not before the referral, at most 24 hours ahead' }) @Optional() @IsInstant() at?: string;
}

export class DeclineReferralDto {
  @ApiProperty({ enum: DECLINE_REASONS, description: 'Why the referral is not taken on (its own list since issue #19)' }) @IsIn(DECLINE_REASONS) reason!: DeclineReason;
  @ApiPropertyOptional({ description: 'When it was declined (default: now)' }) @Optional() @IsInstant() at?: string;
}

export class BookFirstVisitDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') visitorId!: string;
  @ApiProperty({ example: '2026-03-09T10:00:00+01:00', description: 'The agreed time; may lie in the past (booked after the fact)' }) @IsInstant() visitAt!: string;
  @ApiPropertyOptional({ example: '2026-03-04T11:00:00+01:00', description: 'When it was booked (default: now); not before the referral or the triage, at most 24 hours ahead' }) @Optional() @IsInstant() at?: string;
}

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
  @ApiPropertyOptional({ minimum: 1, maximum: 1440, description: 'How long the visit lasted, in minutes (issue 20: the volunteer\'s hours)' }) @Optional() @IsInt() @Min(1) @Max(1440) durationMinutes?: number;
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Relatives on the case (relativeId) who took part (issue #19); an unknown one is 409 unknown_relative' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  participants?: string[];
}

export class RecordDismissalDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') visitorId!: string;
  @ApiProperty({ description: 'When the citizen sent the visitor away' }) @IsInstant() at!: string;
  @ApiProperty({ description: 'When the visitor comes back' }) @IsInstant() nextVisitAt!: string;
  @ApiProperty({ example: 'Bag facaden et ønske om besøg; kommer igen næste uge' }) @HumanText('lines', TEXT.reason) assessment!: string;
}

export class RescheduleVisitDto {
  @ApiProperty({ description: 'The agreed time that moves' }) @IsInstant() from!: string;
  @ApiProperty({ description: 'The new time' }) @IsInstant() to!: string;
  @ApiProperty({ description: 'We always call first: must be true' }) @IsBoolean() citizenNotified!: boolean;
}

export class CancelVisitDto {
  @ApiProperty({ description: 'The agreed time of the visit that falls out' }) @IsInstant() at!: string;
  @ApiProperty({ enum: CANCELLED_BY }) @IsIn(CANCELLED_BY) by!: CancelledBy;
  @ApiProperty() @HumanText('lines', TEXT.reason) reason!: string;
  @ApiPropertyOptional({ description: 'The citizen was told; required (true) when the visitor cancels: we always call first' }) @Optional() @IsBoolean() citizenNotified?: boolean;
}

export class ReassignVisitorDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') toVisitorId!: string;
  @ApiProperty() @HumanText('lines', TEXT.reason) reason!: string;
}

export class OpenTaskDto {
  @ApiProperty({ enum: TASK_KINDS, example: 'heating_aid' }) @IsIn(TASK_KINDS) kind!: TaskKind;
  @ApiProperty({ example: 'Ansøgning om varmehjælp til kommunen' }) @HumanText('lines', TEXT.reason) description!: string;
}

export class CompleteTaskDto {
  @ApiProperty({ example: 'Bevilget fra 1. april' }) @HumanText('lines', TEXT.reason) outcome!: string;
}

export class AssessLonelinessDto {
  @ApiProperty({ enum: ['ucla3'] }) @IsIn(['ucla3']) instrument!: 'ucla3';
  @ApiProperty({ type: [Number], example: [2, 3, 2], description: 'Three answers, each 1 (hardly ever) to 3 (often)' })
  @IsArray()
  @ArrayMinSize(3)
  @ArrayMaxSize(3)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(3, { each: true })
  answers!: number[];
  @ApiPropertyOptional({ description: 'When it was measured (default: now)' }) @Optional() @IsInstant() at?: string;
}

export class EstablishRelationDto {
  @ApiProperty({ enum: RELATION_KINDS }) @IsIn(RELATION_KINDS) kind!: RelationKind;
  @ApiProperty({ example: 'Går i selvhjælpsgruppen tirsdage' }) @HumanText('lines', TEXT.reason) description!: string;
  @ApiProperty() @IsInstant() at!: string;
}

export class FlagRiskDto {
  @ApiProperty({ enum: NEEDS, example: 'suicidal_thoughts' }) @IsIn(NEEDS) risk!: Need;
  @ApiProperty() @HumanText('lines', TEXT.reason) note!: string;
  @ApiProperty() @IsInstant() at!: string;
}

export class CloseCaseDto {
  @ApiProperty({ enum: CLOSURE_REASONS, description: '`relation_established` needs a recorded relation (409 no_relation_recorded)' }) @IsIn(CLOSURE_REASONS) reason!: ClosureReason;
  @ApiPropertyOptional({ description: 'When it closed (default: now)' }) @Optional() @IsInstant() at?: string;
  @ApiPropertyOptional({ description: "false: no follow-up (then noFollowUpReason); default: a follow-up the programme's months after the end" }) @Optional() @IsBoolean() followUp?: boolean;
  @ApiPropertyOptional({ example: 'Borgeren ønsker ikke at blive kontaktet igen', description: 'Why there is no follow-up; only with followUp: false' }) @Optional() @HumanText('lines', TEXT.reason) noFollowUpReason?: string;
}
